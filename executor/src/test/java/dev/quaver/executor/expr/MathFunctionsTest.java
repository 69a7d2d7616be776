package dev.quaver.executor.expr;

import static dev.quaver.planner.expr.ScalarFunction.ABS;
import static dev.quaver.planner.expr.ScalarFunction.ACOS;
import static dev.quaver.planner.expr.ScalarFunction.ASIN;
import static dev.quaver.planner.expr.ScalarFunction.ATAN;
import static dev.quaver.planner.expr.ScalarFunction.ATAN2;
import static dev.quaver.planner.expr.ScalarFunction.CBRT;
import static dev.quaver.planner.expr.ScalarFunction.CEIL;
import static dev.quaver.planner.expr.ScalarFunction.COS;
import static dev.quaver.planner.expr.ScalarFunction.COT;
import static dev.quaver.planner.expr.ScalarFunction.DEGREES;
import static dev.quaver.planner.expr.ScalarFunction.EXP;
import static dev.quaver.planner.expr.ScalarFunction.FLOOR;
import static dev.quaver.planner.expr.ScalarFunction.LN;
import static dev.quaver.planner.expr.ScalarFunction.LOG10;
import static dev.quaver.planner.expr.ScalarFunction.PI;
import static dev.quaver.planner.expr.ScalarFunction.POWER;
import static dev.quaver.planner.expr.ScalarFunction.RADIANS;
import static dev.quaver.planner.expr.ScalarFunction.ROUND;
import static dev.quaver.planner.expr.ScalarFunction.SIGN;
import static dev.quaver.planner.expr.ScalarFunction.SIN;
import static dev.quaver.planner.expr.ScalarFunction.SQRT;
import static dev.quaver.planner.expr.ScalarFunction.TAN;
import static dev.quaver.planner.expr.ScalarFunction.TRUNCATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quaver.error.ErrorCode;
import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MathFunctionsTest extends ExpressionTestBase {
  private static final ColumnType INT = ColumnType.INTEGER;
  private static final ColumnType DOUBLE = ColumnType.DOUBLE;
  private static final ColumnType MONEY = ColumnType.decimal(10, 2);

  private double d(ScalarFunction function, double... operands) {
    var literals = new dev.quaver.planner.expr.PhysicalExpr[operands.length];
    for (int i = 0; i < operands.length; i++) {
      literals[i] = lit(operands[i], DOUBLE);
    }
    return (Double) value(call(function, DOUBLE, literals));
  }

  @Test
  void absCeilFloorSign() {
    assertThat(eval(call(ABS, INT, ref(0, INT)), column(INT, -3, 4, null))).containsExactly(3, 4, null);
    assertFails(call(ABS, INT, ref(0, INT)), column(INT, Integer.MIN_VALUE), ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    assertFails(call(ABS, ColumnType.BIGINT, lit(Long.MIN_VALUE, ColumnType.BIGINT)),
        ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    assertThat(value(call(ABS, MONEY, lit(new BigDecimal("-1.25"), MONEY)))).isEqualTo(new BigDecimal("1.25"));
    assertThat(d(ABS, -2.5)).isEqualTo(2.5);
    assertThat(d(CEIL, -2.5)).isEqualTo(-2.0);
    assertThat(d(FLOOR, -2.5)).isEqualTo(-3.0);
    ColumnType whole = ColumnType.decimal(10, 0);
    assertThat(value(call(CEIL, whole, lit(new BigDecimal("1.01"), MONEY)))).isEqualTo(new BigDecimal("2"));
    assertThat(value(call(FLOOR, whole, lit(new BigDecimal("-1.01"), MONEY)))).isEqualTo(new BigDecimal("-2"));
    assertThat(value(call(CEIL, INT, lit(7, INT)))).isEqualTo(7);
    assertThat(value(call(SIGN, INT, lit(-7, INT)))).isEqualTo(-1);
    assertThat(value(call(SIGN, MONEY, lit(new BigDecimal("3.50"), MONEY)))).isEqualTo(new BigDecimal("1.00"));
    assertThat(d(SIGN, -0.5)).isEqualTo(-1.0);
  }

  @Test
  void roundAndTruncateHalfAwayFromZero() {
    assertThat(d(ROUND, 2.5)).isEqualTo(3.0);
    assertThat(d(ROUND, -2.5)).isEqualTo(-3.0);
    assertThat(d(ROUND, 1.2345, 2)).isEqualTo(1.23);
    assertThat(d(ROUND, 1.235, 2)).isEqualTo(1.24);
    assertThat(d(TRUNCATE, -1.99)).isEqualTo(-1.0);
    assertThat(d(TRUNCATE, 1.999, 2)).isEqualTo(1.99);
    assertThat(value(call(ROUND, MONEY, lit(new BigDecimal("2.345"), ColumnType.decimal(10, 3)), lit(2, INT))))
        .isEqualTo(new BigDecimal("2.35"));
    assertThat(value(call(ROUND, INT, lit(1250, INT), lit(-2, INT)))).isEqualTo(1300);
    assertThat(value(call(TRUNCATE, INT, lit(1299, INT), lit(-2, INT)))).isEqualTo(1200);
    assertThat(value(call(ROUND, INT, lit(-1250, INT), lit(-2, INT)))).isEqualTo(-1300);
    assertThat(value(call(ROUND, DOUBLE, lit(null, DOUBLE)))).isNull();
    assertThat(d(ROUND, Double.NaN)).isNaN();
  }

  @Test
  void doubleFunctions() {
    assertThat(d(POWER, 2, 10)).isEqualTo(1024.0);
    assertThat(d(SQRT, 16)).isEqualTo(4.0);
    assertThat(d(SQRT, -1)).isNaN();
    assertThat(d(CBRT, 27)).isEqualTo(3.0);
    assertThat(d(EXP, 0)).isEqualTo(1.0);
    assertThat(d(LN, Math.E)).isEqualTo(1.0);
    assertThat(d(LOG10, 1000)).isEqualTo(3.0);
    assertThat(d(SIN, 0)).isEqualTo(0.0);
    assertThat(d(COS, 0)).isEqualTo(1.0);
    assertThat(d(TAN, 0)).isEqualTo(0.0);
    assertThat(d(COT, Math.PI / 4)).isCloseTo(1.0, within(1e-12));
    assertThat(d(ASIN, 1)).isEqualTo(Math.PI / 2);
    assertThat(d(ACOS, 1)).isEqualTo(0.0);
    assertThat(d(ATAN, 1)).isEqualTo(Math.PI / 4);
    assertThat(d(ATAN2, 1, 1)).isEqualTo(Math.PI / 4);
    assertThat(d(DEGREES, Math.PI)).isEqualTo(180.0);
    assertThat(d(RADIANS, 180)).isEqualTo(Math.PI);
    assertThat(value(call(PI, DOUBLE))).isEqualTo(Math.PI);
    assertFails(call(LN, DOUBLE, lit(0.0, DOUBLE)), ErrorCode.INVALID_PARAMETER_VALUE);
    assertFails(call(LOG10, DOUBLE, lit(-1.0, DOUBLE)), ErrorCode.INVALID_PARAMETER_VALUE);
    assertThat(eval(call(SQRT, DOUBLE, ref(0, INT)), column(INT, 9, null))).containsExactly(3.0, null);
    assertThat(eval(call(POWER, DOUBLE, ref(0, DOUBLE), lit(null, DOUBLE)), column(DOUBLE, 2.0)))
        .containsExactly((Object) null);
    // LN of a NULL row does not raise: the NULL slot is never passed to the function
    assertThat(eval(call(LN, DOUBLE, ref(0, DOUBLE)), column(DOUBLE, (Object) null))).containsExactly((Object) null);
  }
}
