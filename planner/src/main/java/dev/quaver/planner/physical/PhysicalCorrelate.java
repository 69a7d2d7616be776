package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import java.util.List;
import java.util.Objects;

/**
 * A correlated subquery the planner could not decorrelate: for each left row, the right subtree
 * runs with {@code CorrelationRef(correlationId, i)} bound to that row's column i. joinType is
 * INNER, LEFT, SEMI or ANTI. Output: left then right columns (only left for SEMI/ANTI).
 */
public record PhysicalCorrelate(
    PhysicalNode left,
    PhysicalNode right,
    JoinType joinType,
    int correlationId,
    List<Field> fields,
    Distribution distribution,
    double estimatedRows) implements PhysicalNode {
  public PhysicalCorrelate {
    Objects.requireNonNull(left, "left is null");
    Objects.requireNonNull(right, "right is null");
    fields = List.copyOf(fields);
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(left, right);
  }
}
