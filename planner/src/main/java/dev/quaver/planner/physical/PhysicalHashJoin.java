package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import java.util.List;
import java.util.Objects;

/**
 * Equi-join: rows match when every {@code leftKeys[i]} equals {@code rightKeys[i]} (NULL never
 * equals anything; key pairs have the same type) and {@code residual} (nullable: none) is true
 * over the concatenated row (left columns, then right). Builds a hash table on the right input.
 * Output: left then right columns (only left for SEMI/ANTI); outer joins fill NULLs.
 */
public record PhysicalHashJoin(
    PhysicalNode left,
    PhysicalNode right,
    JoinType joinType,
    List<Integer> leftKeys,
    List<Integer> rightKeys,
    PhysicalExpr residual,
    List<Field> fields,
    Distribution distribution,
    double estimatedRows) implements PhysicalNode {
  public PhysicalHashJoin {
    Objects.requireNonNull(left, "left is null");
    Objects.requireNonNull(right, "right is null");
    Objects.requireNonNull(joinType, "joinType is null");
    leftKeys = List.copyOf(leftKeys);
    rightKeys = List.copyOf(rightKeys);
    fields = List.copyOf(fields);
    if (leftKeys.isEmpty() || leftKeys.size() != rightKeys.size()) {
      throw new IllegalArgumentException("hash join needs matching, non-empty key lists");
    }
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(left, right);
  }
}
