package dev.quaver.planner.distribution;

import java.util.List;
import java.util.Objects;

/**
 * How the rows of an operator's output are spread over partitions: all in one place
 * ({@code SINGLE}), by a hash of some output columns ({@code HASH}), copied to every partition
 * ({@code BROADCAST}), or anywhere ({@code ANY}). Immutable.
 */
public record Distribution(Kind kind, List<Integer> keys) {
  public enum Kind { SINGLE, HASH, BROADCAST, ANY }

  private static final Distribution SINGLE = new Distribution(Kind.SINGLE, List.of());
  private static final Distribution BROADCAST = new Distribution(Kind.BROADCAST, List.of());
  private static final Distribution ANY = new Distribution(Kind.ANY, List.of());

  public Distribution {
    Objects.requireNonNull(kind, "kind is null");
    keys = List.copyOf(keys);
    if ((kind == Kind.HASH) == keys.isEmpty()) {
      throw new IllegalArgumentException("HASH needs keys, and only HASH has keys: " + kind + keys);
    }
  }

  public static Distribution single() {
    return SINGLE;
  }

  public static Distribution broadcast() {
    return BROADCAST;
  }

  public static Distribution any() {
    return ANY;
  }

  public static Distribution hash(List<Integer> keys) {
    return new Distribution(Kind.HASH, keys);
  }

  @Override
  public String toString() {
    return kind == Kind.HASH ? "hash" + keys : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
