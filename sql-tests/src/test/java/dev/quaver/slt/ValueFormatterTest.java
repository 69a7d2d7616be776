package dev.quaver.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ValueFormatterTest {
  @Test
  void nullAndEmpty() {
    assertThat(ValueFormatter.format(null, 'I')).isEqualTo("NULL");
    assertThat(ValueFormatter.format(null, 'R')).isEqualTo("NULL");
    assertThat(ValueFormatter.format(null, 'T')).isEqualTo("NULL");
    assertThat(ValueFormatter.format("", 'T')).isEqualTo("(empty)");
  }

  @Test
  void integersLikeSqlite() {
    assertThat(ValueFormatter.format(42, 'I')).isEqualTo("42");
    assertThat(ValueFormatter.format(-7L, 'I')).isEqualTo("-7");
    assertThat(ValueFormatter.format(3.9, 'I')).isEqualTo("3");
    assertThat(ValueFormatter.format(-3.9, 'I')).isEqualTo("-3");
    assertThat(ValueFormatter.format(new BigDecimal("-12.75"), 'I')).isEqualTo("-12");
    assertThat(ValueFormatter.format("abc", 'I')).isEqualTo("0");
    assertThat(ValueFormatter.format("12abc", 'I')).isEqualTo("12");
    assertThat(ValueFormatter.format(" -5.5x", 'I')).isEqualTo("-5");
    assertThat(ValueFormatter.format(true, 'I')).isEqualTo("1");
    assertThat(ValueFormatter.format(1e30, 'I')).isEqualTo(Long.toString(Long.MAX_VALUE));
    assertThat(ValueFormatter.format(Double.NaN, 'I')).isEqualTo("0");
  }

  @Test
  void realsLikePrintf() {
    assertThat(ValueFormatter.format(1.5, 'R')).isEqualTo("1.500");
    assertThat(ValueFormatter.format(7, 'R')).isEqualTo("7.000");
    assertThat(ValueFormatter.format(new BigDecimal("2.0005"), 'R')).isEqualTo("2.001");
    // 1.0005 is 1.000499999... in binary: printf rounds down, HALF_UP on the decimal would not.
    assertThat(ValueFormatter.format(1.0005, 'R')).isEqualTo("1.000");
    assertThat(ValueFormatter.format(-0.0001, 'R')).isEqualTo("-0.000");
    assertThat(ValueFormatter.format(-2.25, 'R')).isEqualTo("-2.250");
    assertThat(ValueFormatter.format("3.25abc", 'R')).isEqualTo("3.250");
    assertThat(ValueFormatter.format("x", 'R')).isEqualTo("0.000");
  }

  @Test
  void textAndNonPrintables() {
    assertThat(ValueFormatter.format("hello world", 'T')).isEqualTo("hello world");
    assertThat(ValueFormatter.format("a\tb\n", 'T')).isEqualTo("a@b@");
    assertThat(ValueFormatter.format("é", 'T')).isEqualTo("@@");
    assertThat(ValueFormatter.format(12, 'T')).isEqualTo("12");
    assertThat(ValueFormatter.format(1.5, 'T')).isEqualTo("1.5");
    assertThat(ValueFormatter.format(3.0, 'T')).isEqualTo("3.0");
    assertThat(ValueFormatter.format(1.0 / 3, 'T')).isEqualTo("0.333333333333333");
    assertThat(ValueFormatter.format(1e20, 'T')).isEqualTo("1.0e+20");
    assertThat(ValueFormatter.format(new BigDecimal("1.50"), 'T')).isEqualTo("1.50");
    assertThat(ValueFormatter.format(java.sql.Date.valueOf("2024-02-29"), 'T'))
        .isEqualTo("2024-02-29");
    assertThat(ValueFormatter.format(java.sql.Time.valueOf("13:45:30"), 'T'))
        .isEqualTo("13:45:30");
    assertThat(ValueFormatter.format(
        java.sql.Timestamp.valueOf("2024-02-29 13:45:30"), 'T'))
        .isEqualTo("2024-02-29 13:45:30");
    assertThat(ValueFormatter.format(
        java.sql.Timestamp.valueOf("2024-02-29 13:45:30.250"), 'T'))
        .isEqualTo("2024-02-29 13:45:30.25");
  }
}
