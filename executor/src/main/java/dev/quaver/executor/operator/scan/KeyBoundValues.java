package dev.quaver.executor.operator.scan;

import dev.quaver.executor.expr.EvaluationContext;
import dev.quaver.executor.operator.Expressions;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.KeyRange;
import dev.quaver.storage.KeyBounds;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the bounds of a plan's {@link KeyRange} and converts them to the key columns' types
 * (issue #7, access paths), so that the storage range holds every row the predicate can match
 * (the filter on top removes the rest): an INTEGER key compared with {@code 2.5} gets the range
 * {@code [2, 3]} for {@code > 2.5}'s lower bound rounded down, an equality that no key value can
 * meet ({@code = 2.5}, {@code = NULL}, out of the type's range) gives no range at all, and a
 * value that cannot be placed exactly (a DOUBLE against a BIGINT or DECIMAL key beyond 2^53, a
 * failed evaluation, a string outside the basic plane whose UTF-16 and key orders differ) widens
 * the range to the columns before it. A string equality on a CHAR or VARCHAR key reads the value
 * followed by any number of trailing spaces (a short range: comparisons with a CHAR ignore them,
 * and CHAR keys may be stored padded); string range bounds are widened likewise. Stateless.
 */
final class KeyBoundValues {
  private static final BigDecimal TWO_POW_53 = BigDecimal.valueOf(1L << 53);

  private KeyBoundValues() {}

  /** The storage bounds of {@code range}, or null when no row can match it. */
  static KeyBounds bounds(KeyRange range, List<ColumnType> keyTypes, EvaluationContext context) {
    List<Object> equal = new ArrayList<>(range.equal().size());
    for (int i = 0; i < range.equal().size(); i++) {
      if (KeyRange.isNull(range.equal().get(i))) {
        equal.add(KeyBounds.NULL); // IS NULL: the keys whose column is NULL
        continue;
      }
      Value value = evaluate(range.equal().get(i), context);
      if (value.isNull()) {
        return null;
      }
      ColumnType type = keyTypes.get(i);
      if (value.failed() || imprecise(value.value(), type)) {
        return new KeyBounds(equal, null, true, null, true);
      }
      if (type.type().isCharacter() && value.value() instanceof String text) {
        // String comparisons ignore trailing spaces where a CHAR is involved, and CHAR values may
        // be stored padded or not: every key that is the value without its trailing spaces,
        // followed by up to the column's length of spaces (a short range, not a point).
        String stripped = stripTrailingSpaces(text);
        int codePoints = stripped.codePointCount(0, stripped.length());
        if (codePoints > type.length()) {
          return null;
        }
        if (!basicPlane(stripped)) {
          return new KeyBounds(equal, null, true, null, true);
        }
        return new KeyBounds(equal, stripped, true, stripped + " ".repeat(type.length() - codePoints), true);
      }
      Converted floor = convert(value.value(), type, RoundingMode.FLOOR);
      if (floor == null) {
        return new KeyBounds(equal, null, true, null, true);
      }
      if (!floor.exact() || floor.outOfRange() != 0) {
        return null; // no key value equals it
      }
      equal.add(floor.value());
    }
    if (range.lower() == null && range.upper() == null) {
      return new KeyBounds(equal, null, true, null, true);
    }
    ColumnType type = keyTypes.get(equal.size());
    Object lower = null;
    boolean lowerInclusive = true;
    if (range.lower() != null) {
      Value value = evaluate(range.lower(), context);
      if (value.isNull()) {
        return null;
      }
      Converted bound = value.failed() ? null : bound(value.value(), type, RoundingMode.FLOOR);
      if (bound != null && bound.outOfRange() > 0) {
        return null; // above every key value
      }
      if (bound != null && bound.outOfRange() == 0) {
        lower = bound.value();
        lowerInclusive = !bound.exact() || range.lowerInclusive();
      }
    }
    Object upper = null;
    boolean upperInclusive = true;
    if (range.upper() != null) {
      Value value = evaluate(range.upper(), context);
      if (value.isNull()) {
        return null;
      }
      Converted bound = value.failed() ? null : bound(value.value(), type, RoundingMode.CEILING);
      if (bound != null && bound.outOfRange() < 0) {
        return null; // below every key value
      }
      if (bound != null && bound.outOfRange() == 0) {
        upper = bound.value();
        upperInclusive = !bound.exact() || range.upperInclusive();
      }
    }
    return new KeyBounds(equal, lower, lowerInclusive, upper, upperInclusive);
  }

  private record Value(Object value, boolean failed) {
    boolean isNull() {
      return !failed && value == null;
    }
  }

  /**
   * A value converted to a key type: {@code outOfRange} -1 / +1 when below / above every value
   * of the type (then {@code value} is meaningless), {@code exact} when no rounding happened.
   */
  record Converted(Object value, boolean exact, int outOfRange) {}

  private static Value evaluate(PhysicalExpr expr, EvaluationContext context) {
    try {
      return new Value(Expressions.evaluateConstant(expr, context), false);
    } catch (RuntimeException e) { // the filter on top raises it again where the scan would
      return new Value(null, true);
    }
  }

  /** A floating value against a key type that DOUBLE cannot hold exactly, beyond 2^53. */
  private static boolean imprecise(Object value, ColumnType type) {
    return (value instanceof Double || value instanceof Float)
        && (type.type() == SqlType.BIGINT || type.type() == SqlType.DECIMAL)
        && !Double.isNaN(((Number) value).doubleValue())
        && (Double.isInfinite(((Number) value).doubleValue())
            || new BigDecimal(((Number) value).doubleValue()).abs().compareTo(TWO_POW_53) >= 0);
  }

  /** A range bound: floating values against wide keys move outwards by one ulp first, and are never exact. */
  private static Converted bound(Object value, ColumnType type, RoundingMode rounding) {
    if (imprecise(value, type)) {
      double d = ((Number) value).doubleValue();
      if (Double.isInfinite(d)) {
        return new Converted(null, false, d > 0 ? 1 : -1);
      }
      double widened = rounding == RoundingMode.FLOOR ? d - Math.ulp(d) : d + Math.ulp(d);
      Converted converted = convert(widened, type, rounding);
      return converted == null ? null : new Converted(converted.value(), false, converted.outOfRange());
    }
    if (value instanceof String text && (!basicPlane(text) || type.type() == SqlType.CHAR
        || rounding == RoundingMode.CEILING && belowSpace(text))) {
      // CHAR keys: their padded key order is not the comparison order. An upper bound with a
      // character below the space: a key that is a prefix of it plus trailing spaces sorts after
      // it while comparing (spaces ignored) below it. Both read unbounded on that side.
      return null;
    }
    if (value instanceof String text && type.type() == SqlType.VARCHAR) {
      // A comparison with a CHAR value ignores trailing spaces: the lower bound without them,
      // the upper bound followed by as many as a value can hold (wider for plain VARCHAR ones).
      String stripped = stripTrailingSpaces(text);
      String widened = rounding == RoundingMode.FLOOR ? stripped
          : stripped + " ".repeat(Math.max(text.length() - stripped.length(), type.length()));
      return new Converted(widened, widened.equals(text), 0);
    }
    return convert(value, type, rounding);
  }

  /** {@code value} as a value of {@code type}, rounded as said; null when it cannot be placed. */
  static Converted convert(Object value, ColumnType type, RoundingMode rounding) {
    SqlType target = type.type();
    if (target == SqlType.CHAR) {
      // Stored CHAR(n) values are padded to n: the one key equal to the value, spaces ignored.
      if (!(value instanceof String text)) {
        return null;
      }
      String stripped = stripTrailingSpaces(text);
      int codePoints = stripped.codePointCount(0, stripped.length());
      if (codePoints > type.length()) {
        return new Converted(null, false, 1); // longer than any CHAR(n) value
      }
      return new Converted(stripped + " ".repeat(type.length() - codePoints), true, 0);
    }
    if (!target.isNumeric()) {
      return isJavaValueOf(value, target) ? new Converted(value, true, 0) : null;
    }
    if (!(value instanceof Number number)) {
      return null;
    }
    if (target == SqlType.DOUBLE || target == SqlType.REAL) {
      double d = number instanceof BigDecimal big ? big.doubleValue() : number.doubleValue();
      if (Double.isNaN(d)) {
        return null;
      }
      if (target == SqlType.DOUBLE) {
        return new Converted(d, !(number instanceof BigDecimal big) || new BigDecimal(d).compareTo(big) == 0, 0);
      }
      float f = (float) d;
      if (rounding == RoundingMode.FLOOR && f > d) {
        f = Math.nextDown(f);
      } else if (rounding == RoundingMode.CEILING && f < d) {
        f = Math.nextUp(f);
      }
      return new Converted(f, f == d, 0);
    }
    BigDecimal big;
    if (number instanceof BigDecimal decimal) {
      big = decimal;
    } else if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (Double.isNaN(d)) {
        return null;
      }
      if (Double.isInfinite(d)) {
        return new Converted(null, false, d > 0 ? 1 : -1);
      }
      big = new BigDecimal(d);
    } else {
      big = BigDecimal.valueOf(number.longValue());
    }
    int scale = target == SqlType.DECIMAL ? type.scale() : 0;
    BigDecimal rounded = big.setScale(scale, rounding);
    boolean exact = rounded.compareTo(big) == 0;
    BigDecimal max = switch (target) {
      case TINYINT -> BigDecimal.valueOf(Byte.MAX_VALUE);
      case SMALLINT -> BigDecimal.valueOf(Short.MAX_VALUE);
      case INTEGER -> BigDecimal.valueOf(Integer.MAX_VALUE);
      case BIGINT -> BigDecimal.valueOf(Long.MAX_VALUE);
      default -> BigDecimal.ONE.movePointRight(type.precision() - scale).subtract(BigDecimal.ONE.movePointLeft(scale));
    };
    BigDecimal min = switch (target) {
      case TINYINT -> BigDecimal.valueOf(Byte.MIN_VALUE);
      case SMALLINT -> BigDecimal.valueOf(Short.MIN_VALUE);
      case INTEGER -> BigDecimal.valueOf(Integer.MIN_VALUE);
      case BIGINT -> BigDecimal.valueOf(Long.MIN_VALUE);
      default -> max.negate();
    };
    if (rounded.compareTo(max) > 0) {
      return new Converted(null, false, 1);
    }
    if (rounded.compareTo(min) < 0) {
      return new Converted(null, false, -1);
    }
    Object converted = switch (target) {
      case TINYINT -> rounded.byteValueExact();
      case SMALLINT -> rounded.shortValueExact();
      case INTEGER -> rounded.intValueExact();
      case BIGINT -> rounded.longValueExact();
      default -> rounded;
    };
    return new Converted(converted, exact, 0);
  }

  private static boolean isJavaValueOf(Object value, SqlType type) {
    return switch (type) {
      case BOOLEAN -> value instanceof Boolean;
      case CHAR, VARCHAR -> value instanceof String;
      case DATE, TIME, INTERVAL_YEAR_MONTH -> value instanceof Integer;
      case TIMESTAMP, INTERVAL_DAY_TIME -> value instanceof Long;
      default -> false;
    };
  }

  private static String stripTrailingSpaces(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    return text.substring(0, end);
  }

  private static boolean belowSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < ' ') {
        return true;
      }
    }
    return false;
  }

  /** No surrogate or private-use-and-above char: UTF-16 order equals the key's code-point order. */
  private static boolean basicPlane(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0xD800) {
        return false;
      }
    }
    return true;
  }
}
