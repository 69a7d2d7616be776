package dev.quaver.jdbc;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Quaver's zone-less date/time values (DATE: days since 1970-01-01, TIME: milliseconds of the
 * day, TIMESTAMP: milliseconds since 1970-01-01T00:00 without a zone) to and from java.time and
 * java.sql types. java.sql types are built from the local fields, so a TIMESTAMP
 * '2024-01-02 03:04:05' reads as that wall-clock time in any JVM time zone. Stateless.
 */
final class DateTimes {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private DateTimes() {}

  static LocalDate localDate(int days) {
    return LocalDate.ofEpochDay(days);
  }

  static LocalTime localTime(int millisOfDay) {
    return LocalTime.ofNanoOfDay(Math.floorMod((long) millisOfDay, MILLIS_PER_DAY) * 1_000_000L);
  }

  static LocalDateTime localDateTime(long epochMillis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L),
        (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
  }

  static int days(LocalDate date) {
    return Math.toIntExact(date.toEpochDay());
  }

  static int millisOfDay(LocalTime time) {
    return (int) (time.toNanoOfDay() / 1_000_000L);
  }

  static long epochMillis(LocalDateTime dateTime) {
    return dateTime.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  static Date sqlDate(int days) {
    return Date.valueOf(localDate(days));
  }

  static Time sqlTime(int millisOfDay) {
    LocalTime time = localTime(millisOfDay);
    Time whole = Time.valueOf(time);
    return new Time(whole.getTime() + time.getNano() / 1_000_000);
  }

  static Timestamp sqlTimestamp(long epochMillis) {
    return Timestamp.valueOf(localDateTime(epochMillis));
  }

  /** {@code HH:mm:ss} or {@code HH:mm:ss.SSS} when there are milliseconds. */
  static String formatTime(int millisOfDay) {
    LocalTime time = localTime(millisOfDay);
    String text = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
    int millis = time.getNano() / 1_000_000;
    return millis == 0 ? text : text + String.format(".%03d", millis);
  }

  /** {@code yyyy-MM-dd HH:mm:ss[.SSS]}, the SQL literal form. */
  static String formatTimestamp(long epochMillis) {
    LocalDateTime dateTime = localDateTime(epochMillis);
    return dateTime.toLocalDate() + " " + formatTime(millisOfDay(dateTime.toLocalTime()));
  }
}
