package dev.quaver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Calendar;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class TargetTypesTest {
  @Test
  void convertsToTheTargetTypeFirst() throws SQLException {
    assertThat(TargetTypes.convert("42", Types.INTEGER, -1)).isEqualTo(42);
    assertThat(TargetTypes.convert(12.345, Types.DECIMAL, 2)).isEqualTo(new BigDecimal("12.35"));
    assertThat(TargetTypes.convert(7, Types.VARCHAR, -1)).isEqualTo("7");
    assertThat(TargetTypes.convert("2020-01-02", Types.DATE, -1)).isEqualTo(LocalDate.of(2020, 1, 2));
    assertThat(TargetTypes.convert("10:11:12", Types.TIME, -1)).isEqualTo(LocalTime.of(10, 11, 12));
    assertThat(TargetTypes.convert("2020-01-02 03:04:05", Types.TIMESTAMP, -1))
        .isEqualTo(LocalDateTime.of(2020, 1, 2, 3, 4, 5));
    assertThat(TargetTypes.convert("yes", Types.BOOLEAN, -1)).isEqualTo(true);
    assertThat(TargetTypes.convert(null, Types.INTEGER, -1)).isNull();
    assertThat(TargetTypes.vendorCode(JDBCType.BIGINT)).isEqualTo(Types.BIGINT);
  }

  @Test
  void badValuesAndUnknownTypesFailWithTheirStates() {
    assertThatThrownBy(() -> TargetTypes.convert("forty", Types.INTEGER, -1))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22018"));
    assertThatThrownBy(() -> TargetTypes.convert("x", Types.BLOB, -1))
        .isInstanceOf(SQLFeatureNotSupportedException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
  }

  @Test
  void calendarOverloadsUseTheCalendarsZone() {
    Calendar plusTwo = Calendar.getInstance(TimeZone.getTimeZone("GMT+02:00"));
    LocalDateTime wallClock = LocalDateTime.of(2024, 3, 1, 12, 0);
    Timestamp read = DateTimes.sqlTimestamp(wallClock, plusTwo);
    assertThat(read.toInstant()).isEqualTo(wallClock.toInstant(java.time.ZoneOffset.ofHours(2)));
    assertThat(DateTimes.localDateTime(read, plusTwo)).isEqualTo(wallClock);
    assertThat(DateTimes.localDate(DateTimes.sqlDate(wallClock.toLocalDate(), plusTwo), plusTwo))
        .isEqualTo(wallClock.toLocalDate());
    assertThat(DateTimes.localTime(DateTimes.sqlTime(LocalTime.of(23, 30), plusTwo), plusTwo))
        .isEqualTo(LocalTime.of(23, 30));
  }
}
