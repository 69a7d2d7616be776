package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import java.util.List;
import java.util.Objects;

/**
 * Sorts by {@code keys} (stable), then skips {@code offset} rows and returns at most
 * {@code fetch} (-1: no limit). With a fetch this is a top-N. Same fields as the input.
 */
public record PhysicalSort(PhysicalNode input, List<SortKey> keys, long offset, long fetch,
    Distribution distribution, double estimatedRows) implements PhysicalNode {
  public PhysicalSort {
    Objects.requireNonNull(input, "input is null");
    keys = List.copyOf(keys);
  }

  @Override
  public List<Field> fields() {
    return input.fields();
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(input);
  }
}
