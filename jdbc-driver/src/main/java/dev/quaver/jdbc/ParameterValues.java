package dev.quaver.jdbc;

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
import java.time.OffsetDateTime;

/**
 * Converts what an application passes to a PreparedStatement setter into the Java value of the
 * parameter's declared type (see SqlType), so the server receives exactly its types. Numbers
 * convert when they fit (else 22003), strings parse (else 22018). Stateless.
 */
final class ParameterValues {
  private ParameterValues() {}

  static Object convert(Object value, ColumnType type) throws SQLException {
    if (value == null) {
      return null;
    }
    if (value instanceof Character c) {
      value = c.toString();
    }
    switch (type.type()) {
      case BOOLEAN:
        return ResultValues.bool(value);
      case TINYINT:
        return (byte) ResultValues.integral(exactSource(value), Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
      case SMALLINT:
        return (short) ResultValues.integral(exactSource(value), Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
      case INTEGER:
        return (int) ResultValues.integral(exactSource(value), Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
      case BIGINT:
        return ResultValues.integral(exactSource(value), Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
      case INTERVAL_DAY_TIME:
        return ResultValues.integral(exactSource(value), Long.MIN_VALUE, Long.MAX_VALUE, type.toString());
      case INTERVAL_YEAR_MONTH:
        return (int) ResultValues.integral(exactSource(value), Integer.MIN_VALUE, Integer.MAX_VALUE, type.toString());
      case REAL:
        return (float) ResultValues.floating(value, "REAL");
      case DOUBLE:
        return ResultValues.floating(value, "DOUBLE");
      case DECIMAL:
        if (value instanceof BigInteger big) {
          return new BigDecimal(big);
        }
        return ResultValues.bigDecimal(value);
      case CHAR:
      case VARCHAR:
        return text(value);
      case DATE:
        return DateTimes.days(date(value));
      case TIME:
        return DateTimes.millisOfDay(time(value));
      case TIMESTAMP:
        return DateTimes.epochMillis(timestamp(value));
    }
    throw SqlExceptions.conversion(value, type.toString());
  }

  /** A value integral() can take: BigInteger becomes BigDecimal. */
  private static Object exactSource(Object value) {
    return value instanceof BigInteger big ? new BigDecimal(big) : value;
  }

  private static String text(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Timestamp timestamp) {
      return DateTimes.formatTimestamp(DateTimes.epochMillis(timestamp.toLocalDateTime()));
    }
    return value.toString();
  }

  private static LocalDate date(Object value) throws SQLException {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Date date) {
      return date.toLocalDate();
    }
    if (value instanceof LocalDateTime || value instanceof Timestamp || value instanceof OffsetDateTime
        || value instanceof String) {
      return timestamp(value).toLocalDate();
    }
    if (value instanceof java.util.Date date) {
      return new Timestamp(date.getTime()).toLocalDateTime().toLocalDate();
    }
    throw SqlExceptions.conversion(value, "DATE");
  }

  private static LocalTime time(Object value) throws SQLException {
    if (value instanceof LocalTime time) {
      return time;
    }
    if (value instanceof Time time) {
      return time.toLocalTime().withNano((int) Math.floorMod(time.getTime(), 1000L) * 1_000_000);
    }
    if (value instanceof String text) {
      try {
        return LocalTime.parse(text.trim());
      } catch (RuntimeException e) {
        throw SqlExceptions.conversion(value, "TIME");
      }
    }
    if (value instanceof LocalDateTime || value instanceof Timestamp) {
      return timestamp(value).toLocalTime();
    }
    throw SqlExceptions.conversion(value, "TIME");
  }

  private static LocalDateTime timestamp(Object value) throws SQLException {
    if (value instanceof LocalDateTime dateTime) {
      return dateTime;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toLocalDateTime();
    }
    if (value instanceof LocalDate date) {
      return date.atStartOfDay();
    }
    if (value instanceof Date date) {
      return date.toLocalDate().atStartOfDay();
    }
    if (value instanceof java.util.Date date) {
      return new Timestamp(date.getTime()).toLocalDateTime();
    }
    if (value instanceof String text) {
      String trimmed = text.trim();
      try {
        return trimmed.length() == 10 ? LocalDate.parse(trimmed).atStartOfDay()
            : LocalDateTime.parse(trimmed.replace(' ', 'T'));
      } catch (RuntimeException e) {
        throw SqlExceptions.conversion(value, "TIMESTAMP");
      }
    }
    throw SqlExceptions.conversion(value, "TIMESTAMP");
  }
}
