package dev.quaver.executor.expr;

import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL text of values (CAST to CHAR/VARCHAR) and the parsing of text into values (CAST from
 * strings). Chosen text forms: integers plain; DOUBLE and REAL exactly as Java's
 * {@code Double.toString}/{@code Float.toString} (1.0, 1.0E10, NaN, Infinity), as ScalarFunction
 * specifies; DECIMAL plain with its scale (1.50); BOOLEAN TRUE/FALSE; DATE yyyy-MM-dd; TIME
 * HH:mm:ss and TIMESTAMP yyyy-MM-dd HH:mm:ss, each with .SSS only when the milliseconds are not
 * zero; INTERVAL DAY TO SECOND {@code [-]d HH:mm:ss[.SSS]}; INTERVAL YEAR TO MONTH {@code [-]y-m}.
 * Stateless.
 */
final class SqlText {
  static final long MILLIS_PER_DAY = 86_400_000L;

  private static final Pattern DATE = Pattern.compile("([+-]?\\d{1,6})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern TIME =
      Pattern.compile("(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?");
  private static final Pattern TIMESTAMP = Pattern.compile(
      "([+-]?\\d{1,6})-(\\d{1,2})-(\\d{1,2})(?:(?:[ T]+)(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?)?");

  private SqlText() {}

  static String format(Object value, ColumnType type) {
    switch (type.type()) {
      case BOOLEAN:
        return ((Boolean) value) ? "TRUE" : "FALSE";
      case REAL:
        return Float.toString(((Number) value).floatValue());
      case DOUBLE:
        return Double.toString(((Number) value).doubleValue());
      case DECIMAL:
        return ((BigDecimal) value).toPlainString();
      case DATE:
        return formatDate(((Number) value).intValue());
      case TIME:
        return formatTime(((Number) value).intValue());
      case TIMESTAMP:
        return formatTimestamp(((Number) value).longValue());
      case INTERVAL_DAY_TIME:
        return formatDayTime(((Number) value).longValue());
      case INTERVAL_YEAR_MONTH:
        int months = ((Number) value).intValue();
        return (months < 0 ? "-" : "") + Math.abs((long) months) / 12 + "-" + Math.abs((long) months) % 12;
      default:
        return value.toString();
    }
  }

  static String formatDate(int days) {
    return LocalDate.ofEpochDay(days).toString();
  }

  static String formatTime(int millisOfDay) {
    StringBuilder text = new StringBuilder(12);
    appendTime(text, millisOfDay);
    return text.toString();
  }

  static String formatTimestamp(long epochMillis) {
    long days = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
    StringBuilder text = new StringBuilder(23);
    text.append(LocalDate.ofEpochDay(days)).append(' ');
    appendTime(text, millisOfDay);
    return text.toString();
  }

  private static String formatDayTime(long millis) {
    long magnitude = Math.abs(millis);
    StringBuilder text = new StringBuilder();
    if (millis < 0) {
      text.append('-');
    }
    text.append(magnitude / MILLIS_PER_DAY).append(' ');
    appendTime(text, (int) (magnitude % MILLIS_PER_DAY));
    return text.toString();
  }

  private static void appendTime(StringBuilder text, int millisOfDay) {
    int seconds = millisOfDay / 1000;
    appendTwo(text, seconds / 3600).append(':');
    appendTwo(text, seconds / 60 % 60).append(':');
    appendTwo(text, seconds % 60);
    int millis = millisOfDay % 1000;
    if (millis != 0) {
      text.append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
          .append((char) ('0' + millis % 10));
    }
  }

  private static StringBuilder appendTwo(StringBuilder text, int value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  /** Days since the epoch of 'yyyy-MM-dd' (a timestamp's date part is accepted too). */
  static int parseDate(String text, ColumnType target) {
    String trimmed = text.trim();
    Matcher date = DATE.matcher(trimmed);
    if (date.matches()) {
      return (int) epochDay(date.group(1), date.group(2), date.group(3), text, target);
    }
    return (int) Math.floorDiv(parseTimestamp(text, target), MILLIS_PER_DAY);
  }

  /** Milliseconds of the day of 'HH:mm[:ss[.fff]]'. */
  static int parseTime(String text, ColumnType target) {
    Matcher time = TIME.matcher(text.trim());
    if (!time.matches()) {
      throw ExprErrors.badCast(text, target);
    }
    return timeOfDay(time.group(1), time.group(2), time.group(3), time.group(4), text, target);
  }

  /** Epoch milliseconds of 'yyyy-MM-dd[( |T)HH:mm[:ss[.fff]]]'. */
  static long parseTimestamp(String text, ColumnType target) {
    Matcher timestamp = TIMESTAMP.matcher(text.trim());
    if (!timestamp.matches()) {
      throw ExprErrors.badCast(text, target);
    }
    long day = epochDay(timestamp.group(1), timestamp.group(2), timestamp.group(3), text, target);
    int millis = timestamp.group(4) == null ? 0
        : timeOfDay(timestamp.group(4), timestamp.group(5), timestamp.group(6), timestamp.group(7), text, target);
    return day * MILLIS_PER_DAY + millis;
  }

  private static long epochDay(String year, String month, String day, String text, ColumnType target) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)).toEpochDay();
    } catch (DateTimeException | NumberFormatException e) {
      throw ExprErrors.badCast(text, target);
    }
  }

  private static int timeOfDay(String hour, String minute, String second, String fraction, String text,
      ColumnType target) {
    int h = Integer.parseInt(hour);
    int m = Integer.parseInt(minute);
    int s = second == null ? 0 : Integer.parseInt(second);
    if (h > 23 || m > 59 || s > 59) {
      throw ExprErrors.badCast(text, target);
    }
    int millis = 0;
    if (fraction != null) {
      String three = (fraction + "00").substring(0, 3);
      millis = Integer.parseInt(three);
    }
    return ((h * 60 + m) * 60 + s) * 1000 + millis;
  }

  static String stripTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return end == s.length() ? s : s.substring(0, end);
  }
}
