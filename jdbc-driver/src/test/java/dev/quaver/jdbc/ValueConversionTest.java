package dev.quaver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ValueConversionTest {
  @Test
  void parametersConvertToTheDeclaredType() throws SQLException {
    assertThat(ParameterValues.convert(7, ColumnType.BIGINT)).isEqualTo(7L);
    assertThat(ParameterValues.convert("12", ColumnType.SMALLINT)).isEqualTo((short) 12);
    assertThat(ParameterValues.convert(new BigInteger("5"), ColumnType.decimal(5, 0))).isEqualTo(new BigDecimal("5"));
    assertThat(ParameterValues.convert(2.5, ColumnType.decimal(5, 1))).isEqualTo(new BigDecimal("2.5"));
    assertThat(ParameterValues.convert(new BigDecimal("1.50"), ColumnType.TEXT)).isEqualTo("1.50");
    assertThat(ParameterValues.convert('x', ColumnType.character(1))).isEqualTo("x");
    assertThat(ParameterValues.convert(LocalDate.of(1970, 1, 2), ColumnType.DATE)).isEqualTo(1);
    assertThat(ParameterValues.convert(Date.valueOf("1969-12-31"), ColumnType.DATE)).isEqualTo(-1);
    assertThat(ParameterValues.convert("2000-01-01", ColumnType.TIMESTAMP)).isEqualTo(946_684_800_000L);
    assertThat(ParameterValues.convert(Timestamp.valueOf("2000-01-01 00:00:00.5"), ColumnType.TIMESTAMP))
        .isEqualTo(946_684_800_500L);
    assertThat(ParameterValues.convert(LocalTime.of(0, 0, 1, 2_000_000), ColumnType.TIME)).isEqualTo(1002);
    assertThat(ParameterValues.convert("yes", ColumnType.BOOLEAN)).isEqualTo(true);
    assertThat(ParameterValues.convert(null, ColumnType.INTEGER)).isNull();
  }

  @Test
  void parameterConversionFailuresHaveDataSqlStates() {
    assertThatThrownBy(() -> ParameterValues.convert(300, ColumnType.TINYINT))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22003");
    assertThatThrownBy(() -> ParameterValues.convert("abc", ColumnType.INTEGER))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
    assertThatThrownBy(() -> ParameterValues.convert("2024-13-01", ColumnType.DATE))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
  }

  @Test
  void resultValuesFollowJdbcConversions() throws SQLException {
    assertThat(ResultValues.string(new BigDecimal("1E+3"), ColumnType.decimal(10, 0))).isEqualTo("1000");
    assertThat(ResultValues.string(-1, ColumnType.DATE)).isEqualTo("1969-12-31");
    assertThat(ResultValues.string(3_723_004, ColumnType.TIME)).isEqualTo("01:02:03.004");
    assertThat(ResultValues.string(0L, ColumnType.TIMESTAMP)).isEqualTo("1970-01-01 00:00:00");
    assertThat(ResultValues.integral(2.9d, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER")).isEqualTo(2);
    assertThat(ResultValues.integral("  42 ", Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT")).isEqualTo(42);
    assertThat(ResultValues.bool(0)).isFalse();
    assertThat(ResultValues.object(0, ColumnType.DATE)).isEqualTo(Date.valueOf("1970-01-01"));
    assertThat(ResultValues.object(1, ColumnType.TIME)).isInstanceOf(Time.class);
    assertThat(ResultValues.as(0L, ColumnType.TIMESTAMP, LocalDateTime.class)).isEqualTo(LocalDateTime.of(1970, 1, 1, 0, 0));
    assertThat(ResultValues.as(5, ColumnType.INTEGER, Long.class)).isEqualTo(5L);
    assertThat(ResultValues.as(new BigDecimal("123.4500"), ColumnType.decimal(9, 4), BigDecimal.class).scale()).isEqualTo(4);
    assertThatThrownBy(() -> ResultValues.integral(1L << 40, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER"))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22003");
    assertThatThrownBy(() -> ResultValues.as(1, ColumnType.INTEGER, StringBuilder.class))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
  }

  @Test
  void likePatternsOfMetadataCalls() {
    assertThat(MetadataResults.like(null)).isNull();
    assertThat(MetadataResults.like("T%").matcher("TABLE").matches()).isTrue();
    assertThat(MetadataResults.like("T_").matcher("T1").matches()).isTrue();
    assertThat(MetadataResults.like("T\\_1").matcher("TX1").matches()).isFalse();
    assertThat(MetadataResults.like("T\\_1").matcher("T_1").matches()).isTrue();
    assertThat(MetadataResults.like("a.b").matcher("axb").matches()).isFalse();
  }
}
