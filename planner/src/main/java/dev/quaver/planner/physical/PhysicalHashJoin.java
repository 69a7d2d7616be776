package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Equi-join: rows match when every {@code leftKeys[i]} equals {@code rightKeys[i]} (NULL never
 * equals anything; key pairs have the same type) and {@code residual} (nullable: none) is true
 * over the concatenated row (left columns, then all right columns). Builds a hash table on the
 * right input. Output: all left columns, then the right columns {@code rightOutput} lists (in its
 * order; null: every right column), none for SEMI/ANTI; outer joins fill NULLs.
 *
 * <p>{@code rightOutput} exists so that right columns nobody above uses (a dimension's filter
 * column, its join key) are not gathered for every output row (#6). Left columns always pass
 * unchanged and first, so output column {@code c < left.fields().size()} is left column {@code c}
 * (runtime key ranges trace probe keys down through joins on that rule).
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
    double estimatedRows,
    List<Integer> rightOutput) implements PhysicalNode {
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
    if (rightOutput != null) {
      rightOutput = List.copyOf(rightOutput);
      if (!joinType.projectsRight()) {
        throw new IllegalArgumentException(joinType + " join outputs no right column");
      }
      int width = right.fields().size();
      for (int column : rightOutput) {
        if (column < 0 || column >= width) {
          throw new IllegalArgumentException("right output column " + column + " out of 0.." + (width - 1));
        }
      }
      if (rightOutput.size() == width && isIdentity(rightOutput)) {
        rightOutput = null; // all right columns in order: the plain form
      }
    }
  }

  /** A join that outputs every column of both inputs (of the left only for SEMI/ANTI). */
  public PhysicalHashJoin(PhysicalNode left, PhysicalNode right, JoinType joinType, List<Integer> leftKeys,
      List<Integer> rightKeys, PhysicalExpr residual, List<Field> fields, Distribution distribution,
      double estimatedRows) {
    this(left, right, joinType, leftKeys, rightKeys, residual, fields, distribution, estimatedRows, null);
  }

  /** The right columns output after the left ones: {@code rightOutput}, or all of them when null. */
  public List<Integer> rightColumns() {
    if (!joinType.projectsRight()) {
      return List.of();
    }
    if (rightOutput != null) {
      return rightOutput;
    }
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < right.fields().size(); i++) {
      all.add(i);
    }
    return all;
  }

  /**
   * The output column of concatenated column {@code column} (left columns, then all right ones),
   * or -1 when the join does not output it.
   */
  public int outputColumn(int column) {
    int leftWidth = left.fields().size();
    if (column < leftWidth) {
      return column;
    }
    int at = rightColumns().indexOf(column - leftWidth);
    return at < 0 ? -1 : leftWidth + at;
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(left, right);
  }

  private static boolean isIdentity(List<Integer> columns) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i) != i) {
        return false;
      }
    }
    return true;
  }
}
