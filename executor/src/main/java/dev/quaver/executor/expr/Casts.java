package dev.quaver.executor.expr;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * CAST of one Java value (see SqlType) between SQL types: the per-row semantics behind
 * {@link CastNode}, also used to bring function results to their call type. Numeric to integral
 * rounds half away from zero and range-checks (22003); to DECIMAL(p,s) rounds half up and checks
 * p; strings are trimmed and parsed (22018 when they are not a value of the target; a valid number
 * out of range is 22003); to CHAR/VARCHAR(n) gives the text of {@link SqlText}, cutting only
 * trailing spaces (else 22001), CHAR padding to n. Stateless.
 */
final class Casts {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private Casts() {}

  /** The value of {@code from} as a value of {@code to}; null stays null. */
  static Object cast(Object value, ColumnType from, ColumnType to) {
    if (value == null) {
      return null;
    }
    SqlType source = from.type();
    switch (to.type()) {
      case BOOLEAN:
        return toBoolean(value, source, to);
      case TINYINT:
        return (byte) toLong(value, source, to, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT:
        return (short) toLong(value, source, to, Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER:
        return (int) toLong(value, source, to, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT:
        return toLong(value, source, to, Long.MIN_VALUE, Long.MAX_VALUE);
      case REAL: {
        double d = toDouble(value, source, to);
        if (!Double.isInfinite(d) && Math.abs(d) > Float.MAX_VALUE) {
          throw ExprErrors.outOfRange(to, d);
        }
        return (float) d;
      }
      case DOUBLE:
        return toDouble(value, source, to);
      case DECIMAL:
        return Columns.fitDecimal(toDecimal(value, source, to), to);
      case CHAR:
      case VARCHAR:
        return toText(value, from, to);
      case DATE:
        return toDate(value, source, from, to);
      case TIME:
        return toTime(value, source, from, to);
      case TIMESTAMP:
        return toTimestamp(value, source, from, to);
      case INTERVAL_DAY_TIME:
        return toLong(value, source, to, Long.MIN_VALUE, Long.MAX_VALUE);
      case INTERVAL_YEAR_MONTH:
        return (int) toLong(value, source, to, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    throw unsupported(from, to);
  }

  /**
   * Brings a Java value computed by a function (Long, Double, BigDecimal, String, ...) to the
   * exact Java class of {@code to}, with the range checks of a cast. Strings are not cut to the
   * declared length (the planner derived it); CHAR results are padded.
   */
  static Object coerce(Object value, ColumnType to) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      if (to.type().isCharacter()) {
        int codePoints = to.type() == SqlType.CHAR ? s.codePointCount(0, s.length()) : Integer.MAX_VALUE;
        return codePoints < to.length() ? s + " ".repeat(to.length() - codePoints) : s;
      }
      return cast(s, ColumnType.TEXT, to);
    }
    if (value.getClass() == to.type().javaClass() && to.type() != SqlType.DECIMAL) {
      return value;
    }
    return cast(value, naturalType(value, to), to);
  }

  private static ColumnType naturalType(Object value, ColumnType to) {
    if (value instanceof Integer) {
      SqlType t = to.type();
      return t == SqlType.DATE || t == SqlType.TIME || t == SqlType.INTERVAL_YEAR_MONTH ? to : ColumnType.INTEGER;
    }
    if (value instanceof Long) {
      SqlType t = to.type();
      return t == SqlType.TIMESTAMP || t == SqlType.INTERVAL_DAY_TIME ? to : ColumnType.BIGINT;
    }
    if (value instanceof Byte) {
      return ColumnType.TINYINT;
    }
    if (value instanceof Short) {
      return ColumnType.SMALLINT;
    }
    if (value instanceof Float) {
      return ColumnType.REAL;
    }
    if (value instanceof Double) {
      return ColumnType.DOUBLE;
    }
    if (value instanceof BigDecimal) {
      return ColumnType.of(SqlType.DECIMAL);
    }
    if (value instanceof Boolean) {
      return ColumnType.BOOLEAN;
    }
    throw new IllegalArgumentException("not a SQL value: " + value.getClass().getName());
  }

  /** Exact value of a double (as its shortest decimal text); NaN and infinities raise 22003. */
  static BigDecimal doubleToDecimal(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw QuaverException.of(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value %s is not a finite number", value);
    }
    return BigDecimal.valueOf(value);
  }

  /** Rounds half away from zero, as SQL's numeric-to-integral cast does. */
  static double roundHalfAwayFromZero(double value) {
    double floor = Math.floor(value);
    double fraction = value - floor;
    if (fraction > 0.5 || (fraction == 0.5 && value > 0)) {
      return floor + 1;
    }
    return floor;
  }

  /** A double rounded to an integral value and range checked against [min, max] (22003). */
  static long doubleToLong(double value, ColumnType to, long min, long max) {
    if (Double.isNaN(value)) {
      throw ExprErrors.outOfRange(to, value);
    }
    double rounded = roundHalfAwayFromZero(value);
    if (rounded < -9.223372036854775808E18 || rounded >= 9.223372036854775808E18) {
      throw ExprErrors.outOfRange(to, value);
    }
    long result = (long) rounded;
    if (result < min || result > max) {
      throw ExprErrors.outOfRange(to, value);
    }
    return result;
  }

  private static boolean toBoolean(Object value, SqlType source, ColumnType to) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (source.isCharacter()) {
      switch (((String) value).trim().toUpperCase(Locale.ROOT)) {
        case "TRUE": case "T": case "YES": case "Y": case "ON": case "1":
          return true;
        case "FALSE": case "F": case "NO": case "N": case "OFF": case "0":
          return false;
        default:
          throw ExprErrors.badCast(value, to);
      }
    }
    if (source.isNumeric()) {
      return toDecimal(value, source, to).signum() != 0;
    }
    throw unsupported(ColumnType.of(source), to);
  }

  private static long toLong(Object value, SqlType source, ColumnType to, long min, long max) {
    long result;
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      if (source.isDatetime() && !to.type().isIntegral() && to.type() != source) {
        throw unsupported(ColumnType.of(source), to);
      }
      result = ((Number) value).longValue();
    } else if (value instanceof Double || value instanceof Float) {
      return doubleToLong(((Number) value).doubleValue(), to, min, max);
    } else if (value instanceof BigDecimal decimal) {
      result = decimalToLong(decimal, to);
    } else if (value instanceof Boolean b) {
      result = b ? 1 : 0;
    } else if (value instanceof String s) {
      result = decimalToLong(parseNumber(s, to), to);
    } else {
      throw unsupported(ColumnType.of(source), to);
    }
    if (result < min || result > max) {
      throw ExprErrors.outOfRange(to, value);
    }
    return result;
  }

  private static long decimalToLong(BigDecimal decimal, ColumnType to) {
    BigDecimal rounded = decimal.setScale(0, RoundingMode.HALF_UP);
    if (rounded.compareTo(LONG_MIN) < 0 || rounded.compareTo(LONG_MAX) > 0) {
      throw ExprErrors.outOfRange(to, decimal.toPlainString());
    }
    return rounded.longValue();
  }

  private static double toDouble(Object value, SqlType source, ColumnType to) {
    if (value instanceof Number n && source.isNumeric()) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      String trimmed = s.trim();
      char last = trimmed.isEmpty() ? ' ' : Character.toLowerCase(trimmed.charAt(trimmed.length() - 1));
      if (last == 'd' || last == 'f' || trimmed.startsWith("0x") || trimmed.startsWith("0X")) {
        throw ExprErrors.badCast(s, to);
      }
      try {
        return Double.parseDouble(trimmed);
      } catch (NumberFormatException e) {
        switch (trimmed.toLowerCase(Locale.ROOT)) {
          case "inf": case "+inf": case "infinity": case "+infinity":
            return Double.POSITIVE_INFINITY;
          case "-inf": case "-infinity":
            return Double.NEGATIVE_INFINITY;
          case "nan":
            return Double.NaN;
          default:
            throw ExprErrors.badCast(s, to);
        }
      }
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    throw unsupported(ColumnType.of(source), to);
  }

  private static BigDecimal toDecimal(Object value, SqlType source, ColumnType to) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Double || value instanceof Float) {
      return doubleToDecimal(((Number) value).doubleValue());
    }
    if (value instanceof Number n && source.isNumeric()) {
      return BigDecimal.valueOf(n.longValue());
    }
    if (value instanceof String s) {
      return parseNumber(s, to);
    }
    if (value instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    throw unsupported(ColumnType.of(source), to);
  }

  private static BigDecimal parseNumber(String text, ColumnType to) {
    String trimmed = text.trim();
    if (trimmed.startsWith("+")) {
      trimmed = trimmed.substring(1);
    }
    try {
      return new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      throw ExprErrors.badCast(text, to);
    }
  }

  private static String toText(Object value, ColumnType from, ColumnType to) {
    String text = SqlText.format(value, from);
    if (from.type() == SqlType.CHAR && to.type() == SqlType.VARCHAR) {
      int end = text.length(); // CHAR's padding is not part of the value (as in PostgreSQL)
      while (end > 0 && text.charAt(end - 1) == ' ') {
        end--;
      }
      text = text.substring(0, end);
    }
    int length = to.length();
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints > length) {
      int cut = text.offsetByCodePoints(0, length);
      if (!text.substring(cut).chars().allMatch(c -> c == ' ')) {
        throw ExprErrors.truncation(text, to);
      }
      return text.substring(0, cut);
    }
    if (to.type() == SqlType.CHAR && codePoints < length) {
      return text + " ".repeat(length - codePoints);
    }
    return text;
  }

  private static int toDate(Object value, SqlType source, ColumnType from, ColumnType to) {
    switch (source) {
      case DATE:
        return (Integer) value;
      case TIMESTAMP:
        return (int) Math.floorDiv((Long) value, SqlText.MILLIS_PER_DAY);
      case CHAR:
      case VARCHAR:
        return SqlText.parseDate((String) value, to);
      default:
        throw unsupported(from, to);
    }
  }

  private static int toTime(Object value, SqlType source, ColumnType from, ColumnType to) {
    switch (source) {
      case TIME:
        return (Integer) value;
      case TIMESTAMP:
        return (int) Math.floorMod((Long) value, SqlText.MILLIS_PER_DAY);
      case CHAR:
      case VARCHAR: {
        String text = ((String) value).trim();
        return text.indexOf('-') > 0
            ? (int) Math.floorMod(SqlText.parseTimestamp(text, to), SqlText.MILLIS_PER_DAY)
            : SqlText.parseTime(text, to);
      }
      default:
        throw unsupported(from, to);
    }
  }

  private static long toTimestamp(Object value, SqlType source, ColumnType from, ColumnType to) {
    switch (source) {
      case TIMESTAMP:
        return (Long) value;
      case DATE:
        return (Integer) value * SqlText.MILLIS_PER_DAY;
      case CHAR:
      case VARCHAR:
        return SqlText.parseTimestamp((String) value, to);
      default:
        throw unsupported(from, to);
    }
  }

  private static QuaverException unsupported(ColumnType from, ColumnType to) {
    return QuaverException.of(ErrorCode.DATATYPE_MISMATCH, "cannot cast %s to %s", from, to);
  }
}
