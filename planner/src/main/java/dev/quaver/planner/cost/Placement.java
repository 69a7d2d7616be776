package dev.quaver.planner.cost;

import dev.quaver.planner.distribution.Distribution;

/**
 * Where an operator's output lives and how big it is, as the distribution decisions see it:
 * its distribution over {@code partitions} partitions, estimated rows and bytes per row, and
 * whether any table below it lacks statistics ({@code unknown}: then its size is a guess, and it
 * is never broadcast). Immutable.
 */
public record Placement(Distribution distribution, int partitions, double rows, double rowBytes, boolean unknown) {
  public double bytes() {
    return rows * rowBytes;
  }

  public boolean isSingle() {
    return distribution.kind() == Distribution.Kind.SINGLE;
  }
}
