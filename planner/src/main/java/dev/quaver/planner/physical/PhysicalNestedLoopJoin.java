package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import java.util.List;
import java.util.Objects;

/**
 * Join on an arbitrary {@code condition} over the concatenated row (left columns, then right);
 * a null condition means a cross product. Output as for PhysicalHashJoin.
 */
public record PhysicalNestedLoopJoin(
    PhysicalNode left,
    PhysicalNode right,
    JoinType joinType,
    PhysicalExpr condition,
    List<Field> fields,
    Distribution distribution,
    double estimatedRows) implements PhysicalNode {
  public PhysicalNestedLoopJoin {
    Objects.requireNonNull(left, "left is null");
    Objects.requireNonNull(right, "right is null");
    Objects.requireNonNull(joinType, "joinType is null");
    fields = List.copyOf(fields);
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(left, right);
  }
}
