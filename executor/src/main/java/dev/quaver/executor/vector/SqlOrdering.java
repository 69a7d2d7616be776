package dev.quaver.executor.vector;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * SQL ordering of two non-NULL Java values of the same SQL type: numbers numerically, strings
 * by {@code String.compareTo} (code point order, as ScalarFunction fixes), booleans false before
 * true, byte arrays unsigned lexicographically. Stateless.
 */
public final class SqlOrdering {
  private SqlOrdering() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object left, Object right) {
    if (left instanceof byte[] a && right instanceof byte[] b) {
      return Arrays.compareUnsigned(a, b);
    }
    if (left.getClass() == right.getClass() && left instanceof Comparable comparable) {
      return comparable.compareTo(right);
    }
    if (left instanceof Number a && right instanceof Number b) {
      if (a instanceof BigDecimal || b instanceof BigDecimal) {
        return toDecimal(a).compareTo(toDecimal(b));
      }
      if (a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float) {
        return Double.compare(a.doubleValue(), b.doubleValue());
      }
      return Long.compare(a.longValue(), b.longValue());
    }
    throw new IllegalArgumentException(
        "cannot compare " + left.getClass().getSimpleName() + " with " + right.getClass().getSimpleName());
  }

  private static BigDecimal toDecimal(Number number) {
    return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
  }
}
