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

  /** 1900-01-01T00:00Z: from here on java.util.Date's calendar is the proleptic Gregorian one. */
  private static final long GREGORIAN_ONLY_FROM = -2_208_988_800_000L;

  /**
   * {@code epochMillis(timestamp.toLocalDateTime())} without the deprecated calendar fields that
   * toLocalDateTime reads (they were most of a bound TIMESTAMP's cost in batches): the wall-clock
   * time of the instant in the default zone is the instant plus that zone's offset at it. Older
   * instants, where Date's Julian calendar differs from LocalDateTime's, take the exact path.
   */
  static long epochMillis(java.sql.Timestamp timestamp) {
    long time = timestamp.getTime();
    if (time < GREGORIAN_ONLY_FROM) {
      return epochMillis(timestamp.toLocalDateTime());
    }
    return time + java.util.TimeZone.getDefault().getOffset(time);
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

  // ---- the Calendar overloads: the stored wall-clock value is read/written in the calendar's zone

  private static java.time.ZoneId zone(java.util.Calendar calendar) {
    return calendar == null ? java.time.ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
  }

  /** getDate(i, cal): midnight of the stored date in the calendar's zone. */
  static Date sqlDate(LocalDate date, java.util.Calendar calendar) {
    return new Date(date.atStartOfDay(zone(calendar)).toInstant().toEpochMilli());
  }

  /** getTime(i, cal): the stored time of day on 1970-01-01 in the calendar's zone. */
  static Time sqlTime(LocalTime time, java.util.Calendar calendar) {
    return new Time(time.atDate(LocalDate.EPOCH).atZone(zone(calendar)).toInstant().toEpochMilli());
  }

  /** getTimestamp(i, cal): the stored wall-clock time taken in the calendar's zone. */
  static Timestamp sqlTimestamp(LocalDateTime dateTime, java.util.Calendar calendar) {
    return Timestamp.from(dateTime.atZone(zone(calendar)).toInstant());
  }

  /** setDate(i, d, cal): the date that instant falls on in the calendar's zone. */
  static LocalDate localDate(java.util.Date date, java.util.Calendar calendar) {
    return java.time.Instant.ofEpochMilli(date.getTime()).atZone(zone(calendar)).toLocalDate();
  }

  /** setTime(i, t, cal): the time of day of that instant in the calendar's zone. */
  static LocalTime localTime(java.util.Date time, java.util.Calendar calendar) {
    return java.time.Instant.ofEpochMilli(time.getTime()).atZone(zone(calendar)).toLocalTime();
  }

  /** setTimestamp(i, ts, cal): the wall-clock time of that instant in the calendar's zone. */
  static LocalDateTime localDateTime(Timestamp timestamp, java.util.Calendar calendar) {
    return timestamp.toInstant().atZone(zone(calendar)).toLocalDateTime();
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
