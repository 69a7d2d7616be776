package dev.quaver.executor.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CastTest extends ExpressionTestBase {
  private static final ColumnType INT = ColumnType.INTEGER;
  private static final ColumnType LONG = ColumnType.BIGINT;
  private static final ColumnType DOUBLE = ColumnType.DOUBLE;
  private static final ColumnType TEXT = ColumnType.TEXT;

  private Object castValue(Object value, ColumnType from, ColumnType to) {
    return value(cast(lit(value, from), to));
  }

  @Test
  void integralToIntegralChecksTheRange() {
    assertThat(eval(cast(ref(0, LONG), INT), column(LONG, 5L, null, -7L))).containsExactly(5, null, -7);
    assertThat(castValue(300, INT, ColumnType.SMALLINT)).isEqualTo((short) 300);
    assertFails(cast(ref(0, LONG), INT), column(LONG, 1L << 40), ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    assertFails(cast(ref(0, INT), ColumnType.TINYINT), column(INT, 128), ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    assertThat(eval(cast(ref(0, INT), LONG), column(INT, Integer.MIN_VALUE))).containsExactly((long) Integer.MIN_VALUE);
  }

  @Test
  void numericToIntegralRoundsHalfAwayFromZero() {
    assertThat(eval(cast(ref(0, DOUBLE), INT), column(DOUBLE, 2.5, -2.5, 2.4999, -0.5, 0.49999999999999994, null)))
        .containsExactly(3, -3, 2, -1, 0, null);
    assertThat(castValue(new BigDecimal("-7.50"), ColumnType.decimal(5, 2), LONG)).isEqualTo(-8L);
    assertThat(castValue(new BigDecimal("7.49"), ColumnType.decimal(5, 2), INT)).isEqualTo(7);
    assertThat(castValue(127.5f, ColumnType.REAL, LONG)).isEqualTo(128L);
    assertFails(cast(ref(0, DOUBLE), INT), column(DOUBLE, 3e9), ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    assertFails(cast(ref(0, DOUBLE), LONG), column(DOUBLE, Double.NaN), ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    assertFails(cast(ref(0, DOUBLE), LONG), column(DOUBLE, 1e19), ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
  }

  @Test
  void toFloatingPoint() {
    assertThat(eval(cast(ref(0, INT), DOUBLE), column(INT, 3, null))).containsExactly(3.0, null);
    assertThat(castValue(new BigDecimal("1.25"), ColumnType.decimal(5, 2), DOUBLE)).isEqualTo(1.25);
    assertThat(castValue(1.5, DOUBLE, ColumnType.REAL)).isEqualTo(1.5f);
    assertFails(cast(lit(1e300, DOUBLE), ColumnType.REAL), ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
  }

  @Test
  void toDecimalRoundsHalfUpAndChecksPrecision() {
    ColumnType money = ColumnType.decimal(5, 2);
    assertThat(eval(cast(ref(0, DOUBLE), money), column(DOUBLE, 1.005, 0.1, -2.675, null)))
        .containsExactly(new BigDecimal("1.01"), new BigDecimal("0.10"), new BigDecimal("-2.68"), null);
    assertThat(castValue(42, INT, money)).isEqualTo(new BigDecimal("42.00"));
    assertThat(castValue(new BigDecimal("1.2345"), ColumnType.decimal(10, 4), money)).isEqualTo(new BigDecimal("1.23"));
    assertFails(cast(lit(1000, INT), money), ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    assertFails(cast(lit(999.999, DOUBLE), money), ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    assertFails(cast(lit(Double.POSITIVE_INFINITY, DOUBLE), money), ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
  }

  @Test
  void stringsParseAfterTrimming() {
    assertThat(castValue(" 42 ", TEXT, INT)).isEqualTo(42);
    assertThat(castValue("-9223372036854775808", TEXT, LONG)).isEqualTo(Long.MIN_VALUE);
    assertThat(castValue("1.5", TEXT, INT)).isEqualTo(2);
    assertThat(castValue(" 2.5e1 ", TEXT, DOUBLE)).isEqualTo(25.0);
    assertThat(castValue("-Infinity", TEXT, DOUBLE)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(castValue(" 3.14159 ", TEXT, ColumnType.decimal(5, 2))).isEqualTo(new BigDecimal("3.14"));
    assertThat(castValue(" true", TEXT, ColumnType.BOOLEAN)).isEqualTo(true);
    assertThat(castValue("f", TEXT, ColumnType.BOOLEAN)).isEqualTo(false);
    assertThat(castValue(" 2024-02-29 ", TEXT, ColumnType.DATE)).isEqualTo(19782);
    assertThat(castValue("1969-12-31", TEXT, ColumnType.DATE)).isEqualTo(-1);
    assertThat(castValue("13:45:07.5", TEXT, ColumnType.TIME)).isEqualTo(49_507_500);
    assertThat(castValue("2024-03-15 10:20:30.456", TEXT, ColumnType.TIMESTAMP)).isEqualTo(START_MILLIS);
    assertThat(castValue("2024-03-15T10:20", TEXT, ColumnType.TIMESTAMP)).isEqualTo(1710498000000L);
    assertThat(castValue("2024-03-15", TEXT, ColumnType.TIMESTAMP)).isEqualTo(1710460800000L);
  }

  @Test
  void badStringsRaise22018NamingValueAndType() {
    assertThatThrownBy(() -> castValue("12x", TEXT, INT))
        .isInstanceOfSatisfying(QuaverException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CHARACTER_VALUE_FOR_CAST);
          assertThat(e.getMessage()).contains("12x").contains("INTEGER");
        });
    for (ColumnType target : new ColumnType[] {INT, LONG, DOUBLE, ColumnType.decimal(5, 2), ColumnType.BOOLEAN,
        ColumnType.DATE, ColumnType.TIME, ColumnType.TIMESTAMP}) {
      assertFails(cast(text("nope"), target), ErrorCode.INVALID_CHARACTER_VALUE_FOR_CAST);
    }
    assertFails(cast(text(""), INT), ErrorCode.INVALID_CHARACTER_VALUE_FOR_CAST);
    assertFails(cast(text("1.5d"), DOUBLE), ErrorCode.INVALID_CHARACTER_VALUE_FOR_CAST);
    assertFails(cast(text("2024-02-30"), ColumnType.DATE), ErrorCode.INVALID_CHARACTER_VALUE_FOR_CAST);
    assertFails(cast(text("24:00:00"), ColumnType.TIME), ErrorCode.INVALID_CHARACTER_VALUE_FOR_CAST);
    assertFails(cast(text("99999999999"), INT), ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    assertFails(cast(ref(0, TEXT), INT), column(TEXT, "1", "2", "x"), ErrorCode.INVALID_CHARACTER_VALUE_FOR_CAST);
  }

  @Test
  void valuesToText() {
    assertThat(castValue(-42, INT, TEXT)).isEqualTo("-42");
    assertThat(castValue(1.0, DOUBLE, TEXT)).isEqualTo("1.0");
    assertThat(castValue(1e10, DOUBLE, TEXT)).isEqualTo("1.0E10");
    assertThat(castValue(0.1f, ColumnType.REAL, TEXT)).isEqualTo("0.1");
    assertThat(castValue(new BigDecimal("1.50"), ColumnType.decimal(5, 2), TEXT)).isEqualTo("1.50");
    assertThat(castValue(true, ColumnType.BOOLEAN, TEXT)).isEqualTo("TRUE");
    assertThat(castValue(19782, ColumnType.DATE, TEXT)).isEqualTo("2024-02-29");
    assertThat(castValue(49_507_000, ColumnType.TIME, TEXT)).isEqualTo("13:45:07");
    assertThat(castValue(START_MILLIS, ColumnType.TIMESTAMP, TEXT)).isEqualTo("2024-03-15 10:20:30.456");
    assertThat(castValue(1710460800000L, ColumnType.TIMESTAMP, TEXT)).isEqualTo("2024-03-15 00:00:00");
    assertThat(castValue(-1L, ColumnType.TIMESTAMP, TEXT)).isEqualTo("1969-12-31 23:59:59.999");
    ColumnType dayTime = new ColumnType(SqlType.INTERVAL_DAY_TIME, 0, 0);
    assertThat(castValue(90_061_001L, dayTime, TEXT)).isEqualTo("1 01:01:01.001");
    assertThat(eval(cast(ref(0, INT), TEXT), column(INT, 7, null))).containsExactly("7", null);
  }

  @Test
  void textLengthLimits() {
    assertThat(castValue("abc", TEXT, ColumnType.character(5))).isEqualTo("abc  ");
    assertThat(castValue("abc   ", TEXT, ColumnType.varchar(4))).isEqualTo("abc ");
    assertThat(castValue("ab  ", TEXT, ColumnType.character(2))).isEqualTo("ab");
    assertThat(castValue(12, INT, ColumnType.character(3))).isEqualTo("12 ");
    assertFails(cast(text("abcdef"), ColumnType.varchar(3)), ErrorCode.STRING_DATA_RIGHT_TRUNCATION);
    assertFails(cast(lit(12345, INT), ColumnType.character(3)), ErrorCode.STRING_DATA_RIGHT_TRUNCATION);
    assertThat(castValue("\uD83D\uDE00x", TEXT, ColumnType.varchar(2))).isEqualTo("\uD83D\uDE00x");
  }

  @Test
  void datetimeConversions() {
    assertThat(castValue(START_MILLIS, ColumnType.TIMESTAMP, ColumnType.DATE)).isEqualTo(19797);
    assertThat(castValue(-1L, ColumnType.TIMESTAMP, ColumnType.DATE)).isEqualTo(-1);
    assertThat(castValue(START_MILLIS, ColumnType.TIMESTAMP, ColumnType.TIME)).isEqualTo(37_230_456);
    assertThat(castValue(19797, ColumnType.DATE, ColumnType.TIMESTAMP)).isEqualTo(1710460800000L);
    assertFails(cast(lit(1, ColumnType.DATE), ColumnType.TIME), ErrorCode.DATATYPE_MISMATCH);
  }

  @Test
  void booleansAndNumbers() {
    assertThat(castValue(0, INT, ColumnType.BOOLEAN)).isEqualTo(false);
    assertThat(castValue(2.5, DOUBLE, ColumnType.BOOLEAN)).isEqualTo(true);
    assertThat(castValue(true, ColumnType.BOOLEAN, INT)).isEqualTo(1);
    assertThat(value(cast(lit(null, INT), TEXT))).isNull();
  }

  @Test
  void literalsOfAnyNumberClassAreBroughtToTheirType() {
    assertThat(value(lit(5, LONG))).isEqualTo(5L);
    assertThat(value(lit(5L, INT))).isEqualTo(5);
    assertThat(value(lit(new BigDecimal("1.5"), ColumnType.decimal(4, 2)))).isEqualTo(new BigDecimal("1.50"));
  }
}
