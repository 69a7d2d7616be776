package dev.quaver.executor.expr;

import static dev.quaver.planner.expr.ScalarFunction.EQUALS;
import static dev.quaver.planner.expr.ScalarFunction.GREATER_THAN;
import static dev.quaver.planner.expr.ScalarFunction.GREATER_THAN_OR_EQUAL;
import static dev.quaver.planner.expr.ScalarFunction.IS_DISTINCT_FROM;
import static dev.quaver.planner.expr.ScalarFunction.IS_NOT_DISTINCT_FROM;
import static dev.quaver.planner.expr.ScalarFunction.LESS_THAN;
import static dev.quaver.planner.expr.ScalarFunction.LESS_THAN_OR_EQUAL;
import static dev.quaver.planner.expr.ScalarFunction.NOT_EQUALS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class ComparisonTest extends ExpressionTestBase {
  private static final ColumnType BOOL = ColumnType.BOOLEAN;

  private List<Object> compare(ScalarFunction function, ColumnType type, VectorSchemaRoot input) {
    return eval(call(function, BOOL, ref(0, type), ref(1, type)), input);
  }

  @Test
  void everyOperatorOnIntegers() {
    ColumnType t = ColumnType.INTEGER;
    VectorSchemaRoot input = batch(List.of(t, t), new Object[] {1, 2}, new Object[] {2, 2}, new Object[] {3, 2},
        new Object[] {null, 2}, new Object[] {null, null});
    assertThat(compare(EQUALS, t, input)).containsExactly(false, true, false, null, null);
    assertThat(compare(NOT_EQUALS, t, input)).containsExactly(true, false, true, null, null);
    assertThat(compare(LESS_THAN, t, input)).containsExactly(true, false, false, null, null);
    assertThat(compare(LESS_THAN_OR_EQUAL, t, input)).containsExactly(true, true, false, null, null);
    assertThat(compare(GREATER_THAN, t, input)).containsExactly(false, false, true, null, null);
    assertThat(compare(GREATER_THAN_OR_EQUAL, t, input)).containsExactly(false, true, true, null, null);
    assertThat(compare(IS_DISTINCT_FROM, t, input)).containsExactly(true, false, true, true, false);
    assertThat(compare(IS_NOT_DISTINCT_FROM, t, input)).containsExactly(false, true, false, false, true);
  }

  @Test
  void bigintDoubleDecimal() {
    ColumnType l = ColumnType.BIGINT;
    assertThat(compare(LESS_THAN, l, batch(List.of(l, l), new Object[] {Long.MIN_VALUE, Long.MAX_VALUE})))
        .containsExactly(true);
    ColumnType d = ColumnType.DOUBLE;
    VectorSchemaRoot doubles = batch(List.of(d, d), new Object[] {-0.0, 0.0}, new Object[] {Double.NaN, Double.NaN},
        new Object[] {Double.NaN, 1e300}, new Object[] {1.5, 2.5});
    assertThat(compare(EQUALS, d, doubles)).containsExactly(true, true, false, false);
    assertThat(compare(GREATER_THAN, d, doubles)).containsExactly(false, false, true, false);
    ColumnType m = ColumnType.decimal(10, 2);
    VectorSchemaRoot decimals = batch(List.of(m, m), new Object[] {new BigDecimal("1.50"), new BigDecimal("1.5")},
        new Object[] {new BigDecimal("-3.00"), new BigDecimal("2.00")});
    assertThat(compare(EQUALS, m, decimals)).containsExactly(true, false);
    assertThat(compare(LESS_THAN, m, decimals)).containsExactly(false, true);
  }

  @Test
  void stringsByCodePointAndCharIgnoresTrailingSpaces() {
    ColumnType v = ColumnType.TEXT;
    VectorSchemaRoot input = batch(List.of(v, v), new Object[] {"a", "b"}, new Object[] {"B", "a"},
        new Object[] {"ab ", "ab"}, new Object[] {"é", "z"});
    assertThat(compare(LESS_THAN, v, input)).containsExactly(true, true, false, false);
    assertThat(compare(EQUALS, v, input)).containsExactly(false, false, false, false);
    ColumnType c = ColumnType.character(4);
    VectorSchemaRoot chars = batch(List.of(c, c), new Object[] {"ab  ", "ab"}, new Object[] {"ab  ", "abc "});
    assertThat(compare(EQUALS, c, chars)).containsExactly(true, false);
    assertThat(compare(LESS_THAN, c, chars)).containsExactly(false, true);
  }

  @Test
  void booleansDatesAndMixedDateTimestamp() {
    ColumnType b = ColumnType.BOOLEAN;
    assertThat(compare(LESS_THAN, b, batch(List.of(b, b), new Object[] {false, true}))).containsExactly(true);
    VectorSchemaRoot input = batch(List.of(ColumnType.DATE, ColumnType.TIMESTAMP), new Object[] {1, 86_400_000L},
        new Object[] {1, 86_400_001L});
    assertThat(eval(call(EQUALS, BOOL, ref(0, ColumnType.DATE), ref(1, ColumnType.TIMESTAMP)), input))
        .containsExactly(true, false);
  }

  @Test
  void mixedNumericTypesAndNarrowIntegers() {
    ColumnType i = ColumnType.INTEGER;
    ColumnType m = ColumnType.decimal(5, 2);
    ColumnType d = ColumnType.DOUBLE;
    ColumnType r = ColumnType.REAL;
    ColumnType s = ColumnType.SMALLINT;
    ColumnType t = ColumnType.TINYINT;
    VectorSchemaRoot input = batch(List.of(i, m, d, r, s, t), new Object[] {2, new BigDecimal("2.00"), 2.5, 2.5f,
        (short) -3, (byte) -3}, new Object[] {3, new BigDecimal("2.99"), 3.0, 1.0f, (short) 300, (byte) 100});
    assertThat(eval(call(EQUALS, BOOL, ref(0, i), ref(1, m)), input)).containsExactly(true, false);
    assertThat(eval(call(LESS_THAN, BOOL, ref(0, i), ref(2, d)), input)).containsExactly(true, false);
    assertThat(eval(call(EQUALS, BOOL, ref(2, d), ref(3, r)), input)).containsExactly(true, false);
    assertThat(eval(call(GREATER_THAN, BOOL, ref(4, s), ref(5, t)), input)).containsExactly(false, true);
    assertThat(eval(call(LESS_THAN, BOOL, ref(1, m), lit(2.5, d)), input)).containsExactly(true, false);
    assertThat(eval(call(EQUALS, BOOL, ref(4, s), lit((short) -3, s)), input)).containsExactly(true, false);
  }

  @Test
  void stringAgainstNumberCastsTheString() {
    VectorSchemaRoot input = column(ColumnType.INTEGER, 42, 7);
    assertThat(eval(call(EQUALS, BOOL, ref(0, ColumnType.INTEGER), text(" 42 ")), input)).containsExactly(true, false);
  }
}
