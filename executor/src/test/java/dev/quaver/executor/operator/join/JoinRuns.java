package dev.quaver.executor.operator.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.executor.spill.SpillHarness;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.JoinType;
import dev.quaver.planner.physical.PhysicalHashJoin;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Test support for the join tests that compare the vectorized hash join with the boxed
 * {@link RowHashJoin}: one join over generated inputs, its rows as sorted strings.
 */
final class JoinRuns {
  private JoinRuns() {
  }

  /**
   * A join node over inputs of columns {@code C0..} of the given types on key columns {@code keys}
   * of both sides; with {@code residualColumn >= 0} also the residual condition that the left
   * value of that BIGINT column is greater than the right one.
   */
  static PhysicalHashJoin node(JoinType type, List<Integer> keys, int residualColumn,
      List<ColumnType> leftTypes, List<ColumnType> rightTypes) {
    List<Field> l = fields(leftTypes);
    List<Field> r = fields(rightTypes);
    List<Field> out = new ArrayList<>(l);
    if (type.projectsRight()) {
      out.addAll(r);
    }
    PhysicalExpr condition = residualColumn < 0 ? null : new PhysicalExpr.Call(ScalarFunction.GREATER_THAN,
        List.of(new PhysicalExpr.InputRef(residualColumn, ColumnType.BIGINT, true),
            new PhysicalExpr.InputRef(l.size() + residualColumn, ColumnType.BIGINT, true)),
        ColumnType.BOOLEAN, true);
    return new PhysicalHashJoin(values(l), values(r), type, keys, keys, condition, out, Distribution.single(), 0);
  }

  private static List<Field> fields(List<ColumnType> types) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      fields.add(new Field("C" + i, types.get(i), true));
    }
    return fields;
  }

  /** A placeholder input of {@code fields} for a join node (the operators get generated inputs). */
  private static PhysicalValues values(List<Field> fields) {
    return new PhysicalValues(List.of(), fields, Distribution.single(), 0);
  }

  /**
   * Runs {@code node} over {@code leftRows} generated left rows and {@code rightRows} right rows
   * under a memory limit of {@code limit} bytes in a fresh spill directory below {@code dir}, with
   * the vectorized join (checked to be vectorized) or the boxed one; the rows sorted.
   */
  static List<String> run(Path dir, boolean vectorized, long limit, PhysicalHashJoin node,
      List<ColumnType> leftTypes, List<ColumnType> rightTypes, long leftRows, long rightRows,
      LongFunction<Object[]> left, LongFunction<Object[]> right) throws Exception {
    try (SpillHarness harness = new SpillHarness(dir.resolve(vectorized ? "v" : "r"), limit)) {
      var l = harness.generate(leftTypes, leftRows, left);
      var r = harness.generate(rightTypes, rightRows, right);
      List<String> out = new ArrayList<>();
      if (vectorized) {
        HashJoinOperator join = new HashJoinOperator(l, r, node, harness.context);
        assertThat(join.vectorized()).isTrue();
        SpillHarness.drain(join).forEach(row -> out.add(Arrays.toString(row)));
      } else {
        SpillHarness.drain(new RowHashJoin(l, r, node, harness.context)).forEach(row -> out.add(Arrays.toString(row)));
      }
      out.sort(null);
      return out;
    }
  }
}
