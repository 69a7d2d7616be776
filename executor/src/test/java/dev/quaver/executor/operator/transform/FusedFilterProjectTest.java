package dev.quaver.executor.operator.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.error.QuaverException;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.spill.SpillHarness;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalProject;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Project over a Filter fused into one generated loop ({@code FusedFilterProject}) against the
 * same Project over the same Filter unfused (a pass-through operator in between): random
 * generatable predicates and integral +, -, * projections with column references, over random
 * data with NULLs and values near the overflow limits. Rows must be equal in order; where the
 * unfused path raises (22003), the fused one must raise the same error.
 */
class FusedFilterProjectTest {
  /** C0 INTEGER, C1 BIGINT, C2 SMALLINT, C3 INTEGER, C4 VARCHAR. */
  private static final List<ColumnType> TYPES = List.of(ColumnType.INTEGER, ColumnType.BIGINT,
      ColumnType.SMALLINT, ColumnType.INTEGER, ColumnType.TEXT);
  private static final ScalarFunction[] COMPARISONS = {ScalarFunction.EQUALS, ScalarFunction.NOT_EQUALS,
      ScalarFunction.LESS_THAN, ScalarFunction.LESS_THAN_OR_EQUAL, ScalarFunction.GREATER_THAN,
      ScalarFunction.GREATER_THAN_OR_EQUAL};
  private static final ScalarFunction[] ARITHMETIC = {ScalarFunction.PLUS, ScalarFunction.MINUS,
      ScalarFunction.MULTIPLY};

  @TempDir
  Path dir;

  private final SplittableRandom random = new SplittableRandom(3);

  private PhysicalExpr column(int index) {
    return new PhysicalExpr.InputRef(index, TYPES.get(index), true);
  }

  private PhysicalExpr predicate(int depth) {
    if (depth > 0 && random.nextInt(3) == 0) {
      ScalarFunction logic = random.nextBoolean() ? ScalarFunction.AND : ScalarFunction.OR;
      return new PhysicalExpr.Call(logic, List.of(predicate(depth - 1), predicate(depth - 1)), ColumnType.BOOLEAN, true);
    }
    int c = random.nextInt(4);
    PhysicalExpr right = random.nextInt(4) == 0 ? column(random.nextInt(4))
        : new PhysicalExpr.Literal((long) (random.nextInt(200) - 100), ColumnType.BIGINT);
    return new PhysicalExpr.Call(COMPARISONS[random.nextInt(COMPARISONS.length)], List.of(column(c), right),
        ColumnType.BOOLEAN, true);
  }

  private PhysicalExpr arithmetic(int depth, ColumnType type) {
    if (depth == 0 || random.nextInt(3) == 0) {
      if (random.nextInt(4) == 0) {
        return new PhysicalExpr.Literal((long) (random.nextInt(7) - 3), type);
      }
      int c = random.nextInt(4);
      return type == ColumnType.INTEGER && c == 1 ? column(0) : column(c);
    }
    return new PhysicalExpr.Call(ARITHMETIC[random.nextInt(ARITHMETIC.length)],
        List.of(arithmetic(depth - 1, type), arithmetic(depth - 1, type)), type, true);
  }

  private Object[] row(long i) {
    Object[] row = new Object[TYPES.size()];
    int mode = random.nextInt(10);
    row[0] = mode == 0 ? Integer.MAX_VALUE - random.nextInt(3) : random.nextInt(200) - 100;
    row[1] = mode == 1 ? Long.MAX_VALUE / 2 + random.nextInt(3) : (long) random.nextInt(1000) - 500;
    row[2] = (short) (random.nextInt(200) - 100);
    row[3] = mode == 2 ? 70_000 : random.nextInt(50);
    row[4] = "s" + i;
    for (int c = 0; c < row.length; c++) {
      if (random.nextInt(8) == 0) {
        row[c] = null;
      }
    }
    return row;
  }

  private Outcome run(List<Object[]> rows, PhysicalExpr predicate, List<PhysicalExpr> projections, boolean fuse)
      throws Exception {
    try (SpillHarness harness = new SpillHarness(dir.resolve("s" + System.nanoTime()), 1L << 30)) {
      Operator source = harness.generate(TYPES, rows.size(), i -> rows.get((int) i));
      Operator filter = new FilterOperator(source, predicate, harness.context);
      Operator below = fuse ? filter : passThrough(filter);
      List<Field> fields = new ArrayList<>();
      for (int p = 0; p < projections.size(); p++) {
        fields.add(new Field("P" + p, projections.get(p).type(), true));
      }
      PhysicalValues dummy = new PhysicalValues(List.of(), List.of(), Distribution.single(), 0);
      ProjectOperator project = new ProjectOperator(below,
          new PhysicalProject(dummy, projections, fields, Distribution.single(), 0), harness.context);
      assertThat(project.isFused()).as("fused %s %s", predicate, projections).isEqualTo(fuse);
      try {
        List<String> out = SpillHarness.drain(project).stream().map(Arrays::deepToString).toList();
        return new Outcome(out, null);
      } catch (QuaverException e) {
        return new Outcome(null, e.code() + " " + e.getMessage());
      }
    }
  }

  @Test
  void fusedEqualsUnfusedOnRandomPredicatesAndExpressions() throws Exception {
    int raised = 0;
    for (int round = 0; round < 60; round++) {
      List<Object[]> rows = new ArrayList<>();
      int count = 1 + random.nextInt(3000);
      for (int i = 0; i < count; i++) {
        rows.add(row(i));
      }
      PhysicalExpr predicate = predicate(2);
      List<PhysicalExpr> projections = new ArrayList<>();
      ColumnType type = random.nextBoolean() ? ColumnType.BIGINT : ColumnType.INTEGER;
      projections.add(new PhysicalExpr.Call(ARITHMETIC[random.nextInt(ARITHMETIC.length)],
          List.of(arithmetic(2, type), arithmetic(2, type)), type, true));
      if (random.nextBoolean()) {
        projections.add(column(4));
      }
      if (random.nextBoolean()) {
        projections.add(0, column(random.nextInt(4)));
      }
      if (random.nextBoolean()) {
        projections.add(new PhysicalExpr.Call(ScalarFunction.MULTIPLY,
            List.of(arithmetic(1, ColumnType.BIGINT), arithmetic(1, ColumnType.BIGINT)), ColumnType.BIGINT, true));
      }
      Outcome unfused = run(rows, predicate, projections, false);
      Outcome fused = run(rows, predicate, projections, true);
      assertThat(fused).as("round %d: %s %s", round, predicate, projections).isEqualTo(unfused);
      if (unfused.error() != null) {
        raised++;
      }
    }
    assertThat(raised).as("some rounds overflow").isPositive();
  }

  private static Operator passThrough(Operator input) {
    return new Operator() {
      @Override
      public Schema schema() {
        return input.schema();
      }

      @Override
      public VectorSchemaRoot next() {
        return input.next();
      }

      @Override
      public void close() {
        input.close();
      }
    };
  }

  private record Outcome(List<String> rows, String error) {}
}
