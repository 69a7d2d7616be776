package dev.quaver.executor.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * Both fast forms of {@link RowFilter} (generated code, selection vectors) keep exactly the rows the three-valued
 * evaluation ({@link Predicates#select}) keeps, on random predicates over random columns with
 * NULLs: comparisons with literals both ways round (the range kernels), column-to-column and
 * string comparisons (the evaluated fallback), NULL literals, IS DISTINCT FROM, nested AND / OR.
 */
class RowFilterTest extends ExpressionTestBase {
  private static final ColumnType BOOL = ColumnType.BOOLEAN;
  private static final List<ColumnType> TYPES = List.of(ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.DATE,
      ColumnType.SMALLINT, ColumnType.DOUBLE, ColumnType.TEXT, ColumnType.TINYINT);
  private static final ScalarFunction[] COMPARISONS = {ScalarFunction.EQUALS, ScalarFunction.NOT_EQUALS,
      ScalarFunction.LESS_THAN, ScalarFunction.LESS_THAN_OR_EQUAL, ScalarFunction.GREATER_THAN,
      ScalarFunction.GREATER_THAN_OR_EQUAL, ScalarFunction.IS_DISTINCT_FROM, ScalarFunction.IS_NOT_DISTINCT_FROM};

  private final SplittableRandom random = new SplittableRandom(42);

  @Test
  void keepsTheRowsThreeValuedEvaluationKeeps() {
    VectorSchemaRoot input = batch(TYPES, rows(700));
    for (int i = 0; i < 300; i++) {
      PhysicalExpr predicate = predicate(3);
      int[] expected = Predicates.select(ExpressionCompiler.compile(predicate), input, context());
      assertThat(RowFilter.compile(predicate).select(input, context())).as("generated %s", predicate)
          .containsExactly(expected);
      assertThat(RowFilter.vectorized(predicate).select(input, context())).as("vectorized %s", predicate)
          .containsExactly(expected);
    }
  }

  @Test
  void integralComparisonsAreGeneratedOnceAndCached() {
    PhysicalExpr predicate = call(ScalarFunction.AND, BOOL,
        call(ScalarFunction.GREATER_THAN_OR_EQUAL, BOOL, ref(0, ColumnType.INTEGER), lit(1, ColumnType.INTEGER)),
        call(ScalarFunction.LESS_THAN, BOOL, ref(2, ColumnType.DATE), lit(30, ColumnType.DATE)));
    assertThat(RowFilter.compile(predicate).isGenerated()).isTrue();
    long compiled = FilterCodegen.compiledCount();
    assertThat(RowFilter.compile(predicate).isGenerated()).isTrue();
    assertThat(FilterCodegen.compiledCount()).isEqualTo(compiled);
    assertThat(RowFilter.compile(call(ScalarFunction.EQUALS, BOOL, ref(5, ColumnType.TEXT), text("s1")))
        .isGenerated()).isFalse();
    assertThat(RowFilter.vectorized(predicate).isGenerated()).isFalse();
  }

  @Test
  void emptyBatchAndExtremeLiterals() {
    VectorSchemaRoot empty = batch(TYPES);
    assertThat(RowFilter.compile(compare(ScalarFunction.LESS_THAN, 1, lit(5L, ColumnType.BIGINT)))
        .select(empty, context())).isEmpty();
    VectorSchemaRoot input = batch(List.of(ColumnType.BIGINT), new Object[] {Long.MIN_VALUE},
        new Object[] {Long.MAX_VALUE}, new Object[] {null}, new Object[] {0L});
    assertThat(RowFilter.compile(call(ScalarFunction.LESS_THAN, BOOL, ref(0, ColumnType.BIGINT),
        lit(Long.MIN_VALUE, ColumnType.BIGINT))).select(input, context())).isEmpty();
    assertThat(RowFilter.compile(call(ScalarFunction.GREATER_THAN, BOOL, ref(0, ColumnType.BIGINT),
        lit(Long.MAX_VALUE, ColumnType.BIGINT))).select(input, context())).isEmpty();
    assertThat(RowFilter.compile(call(ScalarFunction.NOT_EQUALS, BOOL, ref(0, ColumnType.BIGINT),
        lit(0L, ColumnType.BIGINT))).select(input, context())).containsExactly(0, 1);
  }

  private Object[][] rows(int count) {
    Object[][] rows = new Object[count][];
    for (int r = 0; r < count; r++) {
      rows[r] = new Object[] {
          nullOr(random.nextInt(-20, 20)), nullOr((long) random.nextInt(-20, 20)), nullOr(random.nextInt(0, 40)),
          nullOr((short) random.nextInt(-20, 20)), nullOr(random.nextInt(-20, 20) / 2.0),
          nullOr("s" + random.nextInt(0, 6)), nullOr((byte) random.nextInt(-20, 20))};
    }
    return rows;
  }

  private Object nullOr(Object value) {
    return random.nextInt(8) == 0 ? null : value;
  }

  private PhysicalExpr predicate(int depth) {
    int choice = random.nextInt(depth > 0 ? 6 : 4);
    if (choice >= 4) {
      int operands = random.nextInt(2, 4);
      List<PhysicalExpr> list = new ArrayList<>();
      for (int i = 0; i < operands; i++) {
        list.add(predicate(depth - 1));
      }
      return new PhysicalExpr.Call(choice == 4 ? ScalarFunction.AND : ScalarFunction.OR, list, BOOL, true);
    }
    ScalarFunction function = COMPARISONS[random.nextInt(COMPARISONS.length)];
    int column = random.nextInt(TYPES.size());
    ColumnType type = TYPES.get(column);
    if (choice == 3 && type != ColumnType.TEXT && type != ColumnType.DATE) {
      int other = random.nextInt(TYPES.size());
      if (TYPES.get(other) != ColumnType.TEXT && TYPES.get(other) != ColumnType.DATE) {
        return call(function, BOOL, ref(column, type), ref(other, TYPES.get(other)));
      }
    }
    PhysicalExpr literal = literal(type);
    return random.nextBoolean() ? call(function, BOOL, ref(column, type), literal)
        : call(function, BOOL, literal, ref(column, type));
  }

  private PhysicalExpr compare(ScalarFunction function, int column, PhysicalExpr literal) {
    return call(function, BOOL, ref(column, TYPES.get(column)), literal);
  }

  private PhysicalExpr literal(ColumnType type) {
    if (random.nextInt(10) == 0) {
      return lit(null, type);
    }
    int v = random.nextInt(-22, 22);
    if (type == ColumnType.TEXT) {
      return text("s" + random.nextInt(0, 7));
    }
    if (type == ColumnType.DOUBLE) {
      return lit(v / 2.0, type);
    }
    if (type == ColumnType.DATE) {
      return lit(v + 20, type);
    }
    if (type == ColumnType.BIGINT) {
      return lit((long) v, type);
    }
    return random.nextBoolean() ? lit(v, ColumnType.INTEGER) : lit((long) v, ColumnType.BIGINT);
  }
}
