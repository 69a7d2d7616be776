package dev.quaver.executor.expr;

import static dev.quaver.planner.expr.ScalarFunction.DIVIDE;
import static dev.quaver.planner.expr.ScalarFunction.MINUS;
import static dev.quaver.planner.expr.ScalarFunction.MOD;
import static dev.quaver.planner.expr.ScalarFunction.MULTIPLY;
import static dev.quaver.planner.expr.ScalarFunction.NEGATE;
import static dev.quaver.planner.expr.ScalarFunction.PLUS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.error.ErrorCode;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.math.BigDecimal;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class ArithmeticTest extends ExpressionTestBase {
  private static final ColumnType INT = ColumnType.INTEGER;
  private static final ColumnType LONG = ColumnType.BIGINT;
  private static final ColumnType DOUBLE = ColumnType.DOUBLE;

  @Test
  void integerArithmeticPropagatesNulls() {
    VectorSchemaRoot input = batch(List.of(INT, INT), new Object[] {7, 2}, new Object[] {-7, 2},
        new Object[] {null, 3}, new Object[] {4, null});
    assertThat(eval(call(PLUS, INT, ref(0, INT), ref(1, INT)), input)).containsExactly(9, -5, null, null);
    assertThat(eval(call(MINUS, INT, ref(0, INT), ref(1, INT)), input)).containsExactly(5, -9, null, null);
    assertThat(eval(call(MULTIPLY, INT, ref(0, INT), ref(1, INT)), input)).containsExactly(14, -14, null, null);
    assertThat(eval(call(DIVIDE, INT, ref(0, INT), ref(1, INT)), input)).containsExactly(3, -3, null, null);
    assertThat(eval(call(MOD, INT, ref(0, INT), ref(1, INT)), input)).containsExactly(1, -1, null, null);
    assertThat(eval(call(NEGATE, INT, ref(0, INT)), input)).containsExactly(-7, 7, null, -4);
  }

  @Test
  void nullDivisorDoesNotRaise() {
    VectorSchemaRoot input = batch(List.of(INT, INT), new Object[] {1, null}, new Object[] {null, 0});
    assertThat(eval(call(DIVIDE, INT, ref(0, INT), ref(1, INT)), input)).containsExactly(null, null);
    assertThat(eval(call(MOD, INT, ref(0, INT), ref(1, INT)), input)).containsExactly(null, null);
  }

  @Test
  void nullRowsNeverRaise() {
    assertThat(eval(call(DIVIDE, INT, ref(0, INT), lit(0, INT)), column(INT, (Object) null))).containsExactly((Object) null);
    assertThat(eval(call(MOD, DOUBLE, ref(0, DOUBLE), lit(0.0, DOUBLE)), column(DOUBLE, (Object) null)))
        .containsExactly((Object) null);
    VectorSchemaRoot input = batch(List.of(LONG, LONG), new Object[] {Long.MAX_VALUE, null},
        new Object[] {null, Long.MIN_VALUE});
    assertThat(eval(call(PLUS, LONG, ref(0, LONG), ref(1, LONG)), input)).containsExactly(null, null);
    assertThat(eval(call(MULTIPLY, LONG, ref(0, LONG), ref(1, LONG)), input)).containsExactly(null, null);
    assertThat(eval(call(MINUS, LONG, ref(1, LONG), ref(0, LONG)), input)).containsExactly(null, null);
  }

  @Test
  void overflowRaises22003() {
    VectorSchemaRoot ints = column(INT, Integer.MAX_VALUE);
    assertFails(call(PLUS, INT, ref(0, INT), lit(1, INT)), ints, ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    assertFails(call(MULTIPLY, INT, ref(0, INT), lit(2, INT)), ints, ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    VectorSchemaRoot minInt = column(INT, Integer.MIN_VALUE);
    assertFails(call(NEGATE, INT, ref(0, INT)), minInt, ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    assertFails(call(DIVIDE, INT, ref(0, INT), lit(-1, INT)), minInt, ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    VectorSchemaRoot longs = column(LONG, Long.MAX_VALUE);
    assertFails(call(PLUS, LONG, ref(0, LONG), lit(1L, LONG)), longs, ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    VectorSchemaRoot minLong = column(LONG, Long.MIN_VALUE);
    assertFails(call(DIVIDE, LONG, ref(0, LONG), lit(-1L, LONG)), minLong, ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    assertThat(eval(call(MOD, LONG, ref(0, LONG), lit(-1L, LONG)), minLong)).containsExactly(0L);
    ColumnType tiny = ColumnType.TINYINT;
    ColumnType small = ColumnType.SMALLINT;
    assertFails(call(PLUS, tiny, ref(0, tiny), lit((byte) 1, tiny)), column(tiny, (byte) 127),
        ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    assertFails(call(MULTIPLY, small, ref(0, small), lit((short) 2, small)), column(small, (short) 20000),
        ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    assertThat(eval(call(PLUS, small, ref(0, small), lit((short) 2, small)), column(small, (short) 1)))
        .containsExactly((short) 3);
  }

  @Test
  void divisionByZeroRaises22012InEveryType() {
    assertFails(call(DIVIDE, INT, ref(0, INT), lit(0, INT)), column(INT, 1), ErrorCode.DIVISION_BY_ZERO);
    assertFails(call(MOD, LONG, ref(0, LONG), lit(0L, LONG)), column(LONG, 1L), ErrorCode.DIVISION_BY_ZERO);
    assertFails(call(DIVIDE, DOUBLE, ref(0, DOUBLE), lit(0.0, DOUBLE)), column(DOUBLE, 1.0),
        ErrorCode.DIVISION_BY_ZERO);
    ColumnType decimal = ColumnType.decimal(10, 2);
    assertFails(call(DIVIDE, decimal, ref(0, decimal), lit(BigDecimal.ZERO, decimal)),
        column(decimal, new BigDecimal("1.00")), ErrorCode.DIVISION_BY_ZERO);
  }

  @Test
  void doubleArithmetic() {
    VectorSchemaRoot input = batch(List.of(DOUBLE, DOUBLE), new Object[] {1.5, 2.0}, new Object[] {-7.0, 2.0},
        new Object[] {null, 1.0});
    assertThat(eval(call(PLUS, DOUBLE, ref(0, DOUBLE), ref(1, DOUBLE)), input)).containsExactly(3.5, -5.0, null);
    assertThat(eval(call(DIVIDE, DOUBLE, ref(0, DOUBLE), ref(1, DOUBLE)), input)).containsExactly(0.75, -3.5, null);
    assertThat(eval(call(MOD, DOUBLE, ref(0, DOUBLE), ref(1, DOUBLE)), input)).containsExactly(1.5, -1.0, null);
    assertThat(eval(call(NEGATE, DOUBLE, ref(0, DOUBLE)), input)).containsExactly(-1.5, 7.0, null);
    ColumnType real = ColumnType.REAL;
    assertThat(eval(call(MULTIPLY, real, ref(0, real), lit(2.0f, real)), column(real, 1.25f))).containsExactly(2.5f);
  }

  @Test
  void mixedOperandsAreReadInTheResultType() {
    VectorSchemaRoot input = batch(List.of(INT, DOUBLE), new Object[] {3, 0.5});
    assertThat(eval(call(PLUS, DOUBLE, ref(0, INT), ref(1, DOUBLE)), input)).containsExactly(3.5);
    assertThat(eval(call(PLUS, LONG, ref(0, INT), lit(1L, LONG)), input)).containsExactly(4L);
  }

  @Test
  void decimalArithmeticRoundsToTheCallScale() {
    ColumnType money = ColumnType.decimal(10, 2);
    VectorSchemaRoot input = batch(List.of(money, money), new Object[] {new BigDecimal("10.00"), new BigDecimal("3.00")},
        new Object[] {new BigDecimal("-1.25"), new BigDecimal("0.50")}, new Object[] {null, BigDecimal.ONE});
    assertThat(eval(call(DIVIDE, money, ref(0, money), ref(1, money)), input))
        .containsExactly(new BigDecimal("3.33"), new BigDecimal("-2.50"), null);
    ColumnType product = ColumnType.decimal(20, 4);
    assertThat(eval(call(MULTIPLY, product, ref(0, money), ref(1, money)), input))
        .containsExactly(new BigDecimal("30.0000"), new BigDecimal("-0.6250"), null);
    ColumnType oneDigit = ColumnType.decimal(10, 1);
    assertThat(eval(call(MULTIPLY, oneDigit, ref(0, money), ref(1, money)), input))
        .containsExactly(new BigDecimal("30.0"), new BigDecimal("-0.6"), null);
    assertThat(eval(call(PLUS, money, ref(0, money), ref(1, money)), input))
        .containsExactly(new BigDecimal("13.00"), new BigDecimal("-0.75"), null);
    assertThat(eval(call(MOD, money, ref(0, money), ref(1, money)), input))
        .containsExactly(new BigDecimal("1.00"), new BigDecimal("-0.25"), null);
    assertThat(eval(call(NEGATE, money, ref(0, money)), input))
        .containsExactly(new BigDecimal("-10.00"), new BigDecimal("1.25"), null);
    assertThat(eval(call(DIVIDE, ColumnType.decimal(10, 0), lit(new BigDecimal("5"), ColumnType.decimal(10, 0)),
        lit(new BigDecimal("2"), ColumnType.decimal(10, 0))), column(INT, 1))).containsExactly(new BigDecimal("3"));
  }

  @Test
  void decimalBeyondPrecisionRaises22003() {
    ColumnType small = ColumnType.decimal(4, 2);
    assertFails(call(MULTIPLY, small, ref(0, small), ref(0, small)), column(small, new BigDecimal("50.00")),
        ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
  }

  @Test
  void intervalsAddAsIntegers() {
    ColumnType dayTime = new ColumnType(SqlType.INTERVAL_DAY_TIME, 0, 0);
    assertThat(value(call(PLUS, dayTime, lit(1000L, dayTime), lit(500L, dayTime)))).isEqualTo(1500L);
    assertThat(value(call(MULTIPLY, dayTime, lit(1000L, dayTime), lit(3, INT)))).isEqualTo(3000L);
    assertThat(value(call(MULTIPLY, dayTime, lit(1000L, dayTime), lit(1.5, DOUBLE)))).isEqualTo(1500L);
  }
}
