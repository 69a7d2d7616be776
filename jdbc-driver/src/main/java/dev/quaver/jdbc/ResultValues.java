package dev.quaver.jdbc;

import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The ResultSet getters' conversions, from a column value (the Java value SqlType documents,
 * never null here) to what the getter returns, following JDBC's conversion table: numbers
 * convert between each other when the value fits (else 22003), strings parse (else 22018),
 * booleans read as 1/0. Stateless.
 */
final class ResultValues {
  private ResultValues() {}

  /**
   * getObject(int): the class JDBC 4.3 table B-3 gives the column's type (see getColumnClassName):
   * TINYINT and SMALLINT are Integer, REAL is Float, the date/time types are java.sql classes.
   */
  static Object object(Object value, ColumnType type) {
    switch (type.type()) {
      case TINYINT:
      case SMALLINT:
        return ((Number) value).intValue();
      case DATE:
        return DateTimes.sqlDate((Integer) value);
      case TIME:
        return DateTimes.sqlTime((Integer) value);
      case TIMESTAMP:
        return DateTimes.sqlTimestamp((Long) value);
      default:
        return value;
    }
  }

  static String className(SqlType type) {
    switch (type) {
      case TINYINT:
      case SMALLINT:
        return Integer.class.getName();
      case DATE:
        return Date.class.getName();
      case TIME:
        return Time.class.getName();
      case TIMESTAMP:
        return Timestamp.class.getName();
      default:
        return type.javaClass().getName();
    }
  }

  static String string(Object value, ColumnType type) {
    switch (type.type()) {
      case DECIMAL:
        return ((BigDecimal) value).toPlainString();
      case DATE:
        return DateTimes.localDate((Integer) value).toString();
      case TIME:
        return DateTimes.formatTime((Integer) value);
      case TIMESTAMP:
        return DateTimes.formatTimestamp((Long) value);
      default:
        return value.toString();
    }
  }

  static boolean bool(Object value) throws SQLException {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number number) {
      return decimal(number).signum() != 0;
    }
    if (value instanceof String text) {
      switch (text.trim().toLowerCase()) {
        case "true": case "t": case "yes": case "y": case "on": case "1":
          return true;
        case "false": case "f": case "no": case "n": case "off": case "0":
          return false;
        default:
          break;
      }
    }
    throw SqlExceptions.conversion(value, "BOOLEAN");
  }

  /** An integral getter: the value must fit in [min, max]; fractions are truncated as JDBC does. */
  static long integral(Object value, long min, long max, String target) throws SQLException {
    BigDecimal exact;
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      long exactLong = ((Number) value).longValue(); // no BigDecimal per value (setInt in batches)
      if (exactLong < min || exactLong > max) {
        throw SqlExceptions.outOfRange(value, target);
      }
      return exactLong;
    } else if (value instanceof Number number) {
      if (value instanceof Float || value instanceof Double) {
        double d = number.doubleValue();
        if (Double.isNaN(d) || d < min || d > max) {
          throw SqlExceptions.outOfRange(value, target);
        }
        return (long) d;
      }
      exact = decimal(number);
    } else if (value instanceof String text) {
      try {
        exact = new BigDecimal(text.trim());
      } catch (NumberFormatException e) {
        throw SqlExceptions.conversion(value, target);
      }
    } else {
      throw SqlExceptions.conversion(value, target);
    }
    BigInteger whole = exact.toBigInteger();
    if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
      throw SqlExceptions.outOfRange(value, target);
    }
    return whole.longValue();
  }

  static double floating(Object value, String target) throws SQLException {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (value instanceof String text) {
      try {
        return Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        throw SqlExceptions.conversion(value, target);
      }
    }
    throw SqlExceptions.conversion(value, target);
  }

  static BigDecimal bigDecimal(Object value) throws SQLException {
    if (value instanceof Number number) {
      return decimal(number);
    }
    if (value instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (value instanceof String text) {
      try {
        return new BigDecimal(text.trim());
      } catch (NumberFormatException e) {
        throw SqlExceptions.conversion(value, "DECIMAL");
      }
    }
    throw SqlExceptions.conversion(value, "DECIMAL");
  }

  static LocalDate localDate(Object value, ColumnType type) throws SQLException {
    switch (type.type()) {
      case DATE:
        return DateTimes.localDate((Integer) value);
      case TIMESTAMP:
        return DateTimes.localDateTime((Long) value).toLocalDate();
      case CHAR:
      case VARCHAR:
        try {
          String text = ((String) value).trim();
          return text.length() > 10 ? localDateTime(value, type).toLocalDate() : LocalDate.parse(text);
        } catch (RuntimeException e) {
          throw SqlExceptions.conversion(value, "DATE");
        }
      default:
        throw SqlExceptions.conversion(value, "DATE");
    }
  }

  static LocalTime localTime(Object value, ColumnType type) throws SQLException {
    switch (type.type()) {
      case TIME:
        return DateTimes.localTime((Integer) value);
      case TIMESTAMP:
        return DateTimes.localDateTime((Long) value).toLocalTime();
      case CHAR:
      case VARCHAR:
        try {
          return LocalTime.parse(((String) value).trim());
        } catch (RuntimeException e) {
          throw SqlExceptions.conversion(value, "TIME");
        }
      default:
        throw SqlExceptions.conversion(value, "TIME");
    }
  }

  static LocalDateTime localDateTime(Object value, ColumnType type) throws SQLException {
    switch (type.type()) {
      case TIMESTAMP:
        return DateTimes.localDateTime((Long) value);
      case DATE:
        return DateTimes.localDate((Integer) value).atStartOfDay();
      case CHAR:
      case VARCHAR:
        try {
          String text = ((String) value).trim();
          return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (RuntimeException e) {
          throw SqlExceptions.conversion(value, "TIMESTAMP");
        }
      default:
        throw SqlExceptions.conversion(value, "TIMESTAMP");
    }
  }

  /** getObject(int, Class): the conversions JDBC 4.2 lists, plus the boxed getters. */
  @SuppressWarnings("unchecked")
  static <T> T as(Object value, ColumnType type, Class<T> target) throws SQLException {
    Object result;
    if (target == String.class) {
      result = string(value, type);
    } else if (target == Integer.class) {
      result = (int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
    } else if (target == Long.class) {
      result = integral(value, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
    } else if (target == Short.class) {
      result = (short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
    } else if (target == Byte.class) {
      result = (byte) integral(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
    } else if (target == Double.class) {
      result = floating(value, "DOUBLE");
    } else if (target == Float.class) {
      result = (float) floating(value, "REAL");
    } else if (target == BigDecimal.class) {
      result = bigDecimal(value);
    } else if (target == BigInteger.class) {
      result = bigDecimal(value).toBigInteger();
    } else if (target == Boolean.class) {
      result = bool(value);
    } else if (target == LocalDate.class) {
      result = localDate(value, type);
    } else if (target == LocalTime.class) {
      result = localTime(value, type);
    } else if (target == LocalDateTime.class) {
      result = localDateTime(value, type);
    } else if (target == Date.class) {
      result = Date.valueOf(localDate(value, type));
    } else if (target == Time.class) {
      result = type.type() == SqlType.TIME ? DateTimes.sqlTime((Integer) value) : Time.valueOf(localTime(value, type));
    } else if (target == Timestamp.class) {
      result = Timestamp.valueOf(localDateTime(value, type));
    } else if (target == Object.class) {
      result = object(value, type);
    } else {
      throw SqlExceptions.conversion(value, target.getName());
    }
    return (T) result;
  }

  private static BigDecimal decimal(Number number) {
    if (number instanceof BigDecimal d) {
      return d;
    }
    if (number instanceof Float || number instanceof Double) {
      return new BigDecimal(number.toString());
    }
    return BigDecimal.valueOf(number.longValue());
  }
}
