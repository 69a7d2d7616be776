package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import java.util.List;
import java.util.Objects;

/**
 * Groups by {@code groupKeys} (input ordinals; NULLs form one group) and computes
 * {@code calls}. Output: group keys in order, then one column per call. With no group keys,
 * exactly one row is produced even for empty input (COUNT 0, others NULL).
 */
public record PhysicalHashAggregate(
    PhysicalNode input,
    List<Integer> groupKeys,
    List<AggregateCall> calls,
    AggregatePhase phase,
    List<Field> fields,
    Distribution distribution,
    double estimatedRows) implements PhysicalNode {
  public PhysicalHashAggregate {
    Objects.requireNonNull(input, "input is null");
    groupKeys = List.copyOf(groupKeys);
    calls = List.copyOf(calls);
    Objects.requireNonNull(phase, "phase is null");
    fields = List.copyOf(fields);
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(input);
  }
}
