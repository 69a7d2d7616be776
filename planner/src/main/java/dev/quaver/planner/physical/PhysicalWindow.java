package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Window functions over one window (PARTITION BY {@code partitionKeys} ORDER BY
 * {@code orderKeys}): outputs every input column, then one column per call. The input arrives
 * sorted by the partition keys (ascending, NULLs first) then the order keys: the planner puts a
 * PhysicalSort below. Peers are rows of one partition with equal order keys (NULLs equal).
 */
public record PhysicalWindow(PhysicalNode input, List<Integer> partitionKeys, List<SortKey> orderKeys,
    List<WindowCall> calls, Distribution distribution, double estimatedRows) implements PhysicalNode {
  public PhysicalWindow {
    Objects.requireNonNull(input, "input is null");
    partitionKeys = List.copyOf(partitionKeys);
    orderKeys = List.copyOf(orderKeys);
    calls = List.copyOf(calls);
    Objects.requireNonNull(distribution, "distribution is null");
  }

  @Override
  public List<Field> fields() {
    List<Field> fields = new ArrayList<>(input.fields());
    for (WindowCall call : calls) {
      fields.add(new Field(call.name(), call.type(), call.nullable()));
    }
    return fields;
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(input);
  }
}
