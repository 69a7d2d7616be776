package dev.quaver.executor.expr;

import static dev.quaver.planner.expr.ScalarFunction.CURRENT_DATE;
import static dev.quaver.planner.expr.ScalarFunction.CURRENT_TIME;
import static dev.quaver.planner.expr.ScalarFunction.CURRENT_TIMESTAMP;
import static dev.quaver.planner.expr.ScalarFunction.DATETIME_CEIL;
import static dev.quaver.planner.expr.ScalarFunction.DATETIME_FLOOR;
import static dev.quaver.planner.expr.ScalarFunction.DATETIME_MINUS;
import static dev.quaver.planner.expr.ScalarFunction.EXTRACT;
import static dev.quaver.planner.expr.ScalarFunction.MINUS;
import static dev.quaver.planner.expr.ScalarFunction.PLUS;
import static dev.quaver.planner.expr.ScalarFunction.TIMESTAMPADD;
import static dev.quaver.planner.expr.ScalarFunction.TIMESTAMPDIFF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.error.ErrorCode;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DateTimeFunctionsTest extends ExpressionTestBase {
  private static final ColumnType DATE = ColumnType.DATE;
  private static final ColumnType TIME = ColumnType.TIME;
  private static final ColumnType TIMESTAMP = ColumnType.TIMESTAMP;
  private static final ColumnType BIGINT = ColumnType.BIGINT;
  private static final ColumnType DAY_TIME = new ColumnType(SqlType.INTERVAL_DAY_TIME, 0, 0);
  private static final ColumnType YEAR_MONTH = new ColumnType(SqlType.INTERVAL_YEAR_MONTH, 0, 0);

  private static int date(int year, int month, int day) {
    return (int) LocalDate.of(year, month, day).toEpochDay();
  }

  private static long timestamp(int year, int month, int day, int hour, int minute, int second, int millis) {
    return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
        .toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static PhysicalExpr start() {
    return lit(START_MILLIS, TIMESTAMP);
  }

  private Object extract(String unit, PhysicalExpr value) {
    return value(call(EXTRACT, BIGINT, text(unit), value));
  }

  @Test
  void extractFromTimestamp() {
    // 2024-03-15T10:20:30.456, a Friday
    assertThat(extract("YEAR", start())).isEqualTo(2024L);
    assertThat(extract("QUARTER", start())).isEqualTo(1L);
    assertThat(extract("MONTH", start())).isEqualTo(3L);
    assertThat(extract("WEEK", start())).isEqualTo(11L);
    assertThat(extract("DAY", start())).isEqualTo(15L);
    assertThat(extract("DOW", start())).isEqualTo(6L);
    assertThat(extract("ISODOW", start())).isEqualTo(5L);
    assertThat(extract("DOY", start())).isEqualTo(75L);
    assertThat(extract("HOUR", start())).isEqualTo(10L);
    assertThat(extract("MINUTE", start())).isEqualTo(20L);
    assertThat(extract("SECOND", start())).isEqualTo(30L);
    assertThat(extract("MILLISECOND", start())).isEqualTo(30456L);
    assertThat(extract("EPOCH", start())).isEqualTo(1710498030L);
    assertThat(extract("CENTURY", start())).isEqualTo(21L);
    assertThat(extract("year", lit(null, TIMESTAMP))).isNull();
    assertFails(call(EXTRACT, BIGINT, text("FORTNIGHT"), start()), ErrorCode.INVALID_PARAMETER_VALUE);
  }

  @Test
  void extractFromDateTimeAndIntervals() {
    assertThat(extract("YEAR", lit(date(1969, 12, 31), DATE))).isEqualTo(1969L);
    assertThat(extract("DOW", lit(date(2024, 3, 17), DATE))).isEqualTo(1L);
    assertThat(extract("EPOCH", lit(-1, DATE))).isEqualTo(-86400L);
    assertThat(extract("HOUR", lit(49_507_000, TIME))).isEqualTo(13L);
    assertThat(extract("DAY", lit(90_061_001L, DAY_TIME))).isEqualTo(1L);
    assertThat(extract("HOUR", lit(90_061_001L, DAY_TIME))).isEqualTo(1L);
    assertThat(extract("YEAR", lit(27, YEAR_MONTH))).isEqualTo(2L);
    assertThat(extract("MONTH", lit(27, YEAR_MONTH))).isEqualTo(3L);
    assertThat(eval(call(EXTRACT, BIGINT, text("DAY"), ref(0, DATE)), column(DATE, date(2024, 2, 29), null)))
        .containsExactly(29L, null);
  }

  @Test
  void floorAndCeil() {
    assertThat(value(call(DATETIME_FLOOR, TIMESTAMP, text("WEEK"), start()))).isEqualTo(timestamp(2024, 3, 11, 0, 0, 0, 0));
    assertThat(value(call(DATETIME_FLOOR, TIMESTAMP, text("QUARTER"), start()))).isEqualTo(timestamp(2024, 1, 1, 0, 0, 0, 0));
    assertThat(value(call(DATETIME_FLOOR, TIMESTAMP, text("HOUR"), start()))).isEqualTo(timestamp(2024, 3, 15, 10, 0, 0, 0));
    assertThat(value(call(DATETIME_FLOOR, TIMESTAMP, text("SECOND"), start()))).isEqualTo(timestamp(2024, 3, 15, 10, 20, 30, 0));
    assertThat(value(call(DATETIME_CEIL, TIMESTAMP, text("MONTH"), start()))).isEqualTo(timestamp(2024, 4, 1, 0, 0, 0, 0));
    assertThat(value(call(DATETIME_CEIL, TIMESTAMP, text("YEAR"), start()))).isEqualTo(timestamp(2025, 1, 1, 0, 0, 0, 0));
    assertThat(value(call(DATETIME_CEIL, TIMESTAMP, text("DAY"), start()))).isEqualTo(timestamp(2024, 3, 16, 0, 0, 0, 0));
    assertThat(value(call(DATETIME_CEIL, DATE, text("DAY"), lit(date(2024, 3, 15), DATE)))).isEqualTo(date(2024, 3, 15));
    assertThat(value(call(DATETIME_FLOOR, DATE, text("MONTH"), lit(date(2024, 3, 15), DATE)))).isEqualTo(date(2024, 3, 1));
    assertThat(value(call(DATETIME_FLOOR, TIME, text("MINUTE"), lit(49_507_500, TIME)))).isEqualTo(49_500_000);
  }

  @Test
  void timestampAddAndDiff() {
    assertThat(value(call(TIMESTAMPADD, DATE, text("MONTH"), lit(1, ColumnType.INTEGER), lit(date(2024, 1, 31), DATE))))
        .isEqualTo(date(2024, 2, 29));
    assertThat(value(call(TIMESTAMPADD, DATE, text("YEAR"), lit(1, ColumnType.INTEGER), lit(date(2024, 2, 29), DATE))))
        .isEqualTo(date(2025, 2, 28));
    assertThat(value(call(TIMESTAMPADD, TIMESTAMP, text("SQL_TSI_HOUR"), lit(-11L, BIGINT), start())))
        .isEqualTo(timestamp(2024, 3, 14, 23, 20, 30, 456));
    assertThat(value(call(TIMESTAMPADD, TIMESTAMP, text("QUARTER"), lit(1, ColumnType.INTEGER), start())))
        .isEqualTo(timestamp(2024, 6, 15, 10, 20, 30, 456));
    assertThat(value(call(TIMESTAMPADD, TIME, text("HOUR"), lit(15, ColumnType.INTEGER), lit(36_000_000, TIME))))
        .isEqualTo(3_600_000);
    assertThat(value(call(TIMESTAMPDIFF, BIGINT, text("MONTH"), lit(date(2024, 1, 15), DATE), lit(date(2024, 3, 14), DATE))))
        .isEqualTo(1L);
    assertThat(value(call(TIMESTAMPDIFF, BIGINT, text("DAY"), start(), lit(timestamp(2024, 3, 13, 11, 0, 0, 0), TIMESTAMP))))
        .isEqualTo(-1L);
    assertThat(value(call(TIMESTAMPDIFF, BIGINT, text("YEAR"), lit(date(2000, 2, 29), DATE), lit(date(2024, 2, 28), DATE))))
        .isEqualTo(23L);
    assertThat(value(call(TIMESTAMPDIFF, BIGINT, text("SECOND"), lit(date(2024, 1, 1), DATE), start())))
        .isEqualTo((START_MILLIS - timestamp(2024, 1, 1, 0, 0, 0, 0)) / 1000);
    assertThat(value(call(TIMESTAMPDIFF, BIGINT, text("DAY"), lit(null, DATE), start()))).isNull();
  }

  @Test
  void datetimePlusMinusInterval() {
    assertThat(value(call(PLUS, DATE, lit(date(2024, 1, 31), DATE), lit(1, YEAR_MONTH)))).isEqualTo(date(2024, 2, 29));
    assertThat(value(call(PLUS, DATE, lit(13, YEAR_MONTH), lit(date(2023, 3, 31), DATE)))).isEqualTo(date(2024, 4, 30));
    assertThat(value(call(MINUS, DATE, lit(date(2024, 3, 31), DATE), lit(1, YEAR_MONTH)))).isEqualTo(date(2024, 2, 29));
    assertThat(value(call(PLUS, DATE, lit(date(2024, 2, 28), DATE), lit(86_400_000L, DAY_TIME)))).isEqualTo(date(2024, 2, 29));
    assertThat(value(call(PLUS, TIMESTAMP, start(), lit(3_600_000L, DAY_TIME)))).isEqualTo(START_MILLIS + 3_600_000L);
    assertThat(value(call(MINUS, TIMESTAMP, start(), lit(1, YEAR_MONTH)))).isEqualTo(timestamp(2024, 2, 15, 10, 20, 30, 456));
    assertThat(value(call(PLUS, TIME, lit(82_800_000, TIME), lit(7_200_000L, DAY_TIME)))).isEqualTo(3_600_000);
    assertThat(eval(call(PLUS, DATE, ref(0, DATE), lit(null, YEAR_MONTH)), column(DATE, 1))).containsExactly((Object) null);
  }

  @Test
  void datetimeMinusDatetime() {
    assertThat(value(call(DATETIME_MINUS, DAY_TIME, lit(date(2024, 3, 1), DATE), lit(date(2024, 2, 28), DATE))))
        .isEqualTo(2 * 86_400_000L);
    assertThat(value(call(MINUS, DAY_TIME, start(), lit(timestamp(2024, 3, 15, 10, 0, 0, 0), TIMESTAMP))))
        .isEqualTo(20 * 60_000L + 30_456L);
    assertThat(value(call(DATETIME_MINUS, YEAR_MONTH, lit(date(2024, 3, 14), DATE), lit(date(2023, 1, 15), DATE))))
        .isEqualTo(13);
  }

  @Test
  void currentDateTimeComeFromTheStatementStart() {
    assertThat(value(call(CURRENT_DATE, DATE))).isEqualTo(date(2024, 3, 15));
    assertThat(value(call(CURRENT_TIME, TIME))).isEqualTo(37_230_456);
    assertThat(value(call(CURRENT_TIMESTAMP, TIMESTAMP))).isEqualTo(START_MILLIS);
    assertThat(eval(call(CURRENT_DATE, DATE), column(ColumnType.INTEGER, 1, 2)))
        .containsExactly(date(2024, 3, 15), date(2024, 3, 15));
  }
}
