package dev.quaver.slt;

import java.time.LocalDateTime;
import java.time.LocalTime;

/** The text of TIME and TIMESTAMP values in test results: fractions only when non-zero. */
final class DateTimeText {
  private DateTimeText() {}

  static String timestamp(LocalDateTime value) {
    return value.toLocalDate() + " " + time(value.toLocalTime());
  }

  static String time(java.sql.Time value) {
    long millis = Math.floorMod(value.getTime(), 1000L);
    return time(value.toLocalTime().withNano((int) millis * 1_000_000));
  }

  static String time(LocalTime value) {
    String text = String.format(
        "%02d:%02d:%02d", value.getHour(), value.getMinute(), value.getSecond());
    int millis = value.getNano() / 1_000_000;
    if (millis == 0) {
      return text;
    }
    String fraction = String.format("%03d", millis).replaceAll("0+$", "");
    return text + "." + fraction;
  }
}
