package dev.quaver.executor.expr;

import java.math.BigDecimal;

/** Comparison of two non-NULL Java values of SQL types, for the row-at-a-time paths. Stateless. */
final class Values {
  private Values() {}

  /**
   * The sign of a - b: numbers by value (exactly when both are exact), strings by
   * String.compareTo (without trailing spaces when {@code padded}), booleans false before true.
   */
  static int compare(Object a, Object b, boolean padded) {
    if (a instanceof String x && b instanceof String y) {
      if (padded) {
        x = SqlText.stripTrailingSpaces(x);
        y = SqlText.stripTrailingSpaces(y);
      }
      return Integer.signum(x.compareTo(y));
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      if (isFloating(x) || isFloating(y)) {
        return ComparisonNode.compareDoubles(x.doubleValue(), y.doubleValue());
      }
      if (x instanceof BigDecimal || y instanceof BigDecimal) {
        return exact(x).compareTo(exact(y));
      }
      return Long.compare(x.longValue(), y.longValue());
    }
    throw new IllegalArgumentException("cannot compare " + a.getClass().getSimpleName() + " with "
        + b.getClass().getSimpleName());
  }

  private static boolean isFloating(Number n) {
    return n instanceof Double || n instanceof Float;
  }

  private static BigDecimal exact(Number n) {
    return n instanceof BigDecimal d ? d : BigDecimal.valueOf(n.longValue());
  }
}
