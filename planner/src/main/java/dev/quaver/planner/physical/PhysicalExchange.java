package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import java.util.List;
import java.util.Objects;

/**
 * Moves rows between fragments so that the output has {@code distribution} (gather to SINGLE,
 * hash shuffle, broadcast). Issue #2's plans are single-partition and contain none; the parallel
 * executor (#6) and the distribution-aware planner (#7) add them.
 */
public record PhysicalExchange(PhysicalNode input, Distribution distribution, double estimatedRows)
    implements PhysicalNode {
  public PhysicalExchange {
    Objects.requireNonNull(input, "input is null");
    Objects.requireNonNull(distribution, "distribution is null");
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
