package dev.quaver.executor.expr;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * ABS, CEIL, FLOOR, ROUND, TRUNCATE and SIGN on any numeric Java value, keeping exact types exact
 * (the caller brings the result to the call type, with its range check), and the DOUBLE functions
 * that can raise. Rounding is half away from zero for every type. Stateless.
 */
final class MathFunctions {
  private MathFunctions() {}

  static Object abs(Object x) {
    if (x instanceof BigDecimal d) {
      return d.abs();
    }
    if (x instanceof Double d) {
      return Math.abs(d);
    }
    if (x instanceof Float f) {
      return Math.abs(f);
    }
    long value = ((Number) x).longValue();
    if (value == Long.MIN_VALUE) {
      throw QuaverException.of(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "ABS(%d) is out of range for BIGINT", value);
    }
    return Math.abs(value);
  }

  static Object ceilOrFloor(Object x, boolean isCeil) {
    if (x instanceof BigDecimal d) {
      return d.setScale(0, isCeil ? RoundingMode.CEILING : RoundingMode.FLOOR);
    }
    if (x instanceof Double || x instanceof Float) {
      double d = ((Number) x).doubleValue();
      return isCeil ? Math.ceil(d) : Math.floor(d);
    }
    return x;
  }

  /** ROUND (HALF_UP, i.e. half away from zero) or TRUNCATE (DOWN) to {@code digits} after the point. */
  static Object round(Object x, int digits, RoundingMode mode) {
    if (x instanceof BigDecimal d) {
      return d.setScale(digits, mode);
    }
    if (x instanceof Double || x instanceof Float) {
      double d = ((Number) x).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return d;
      }
      return BigDecimal.valueOf(d).setScale(digits, mode).doubleValue();
    }
    long value = ((Number) x).longValue();
    if (digits >= 0) {
      return value;
    }
    return BigDecimal.valueOf(value).setScale(digits, mode).setScale(0, RoundingMode.UNNECESSARY);
  }

  static Object sign(Object x) {
    if (x instanceof BigDecimal d) {
      return BigDecimal.valueOf(d.signum());
    }
    if (x instanceof Double || x instanceof Float) {
      return Math.signum(((Number) x).doubleValue());
    }
    return (long) Long.signum(((Number) x).longValue());
  }

  static double ln(double x) {
    if (x <= 0) {
      throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE, "cannot take logarithm of %s", x);
    }
    return Math.log(x);
  }

  static double log10(double x) {
    if (x <= 0) {
      throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE, "cannot take logarithm of %s", x);
    }
    return Math.log10(x);
  }

  static double cot(double x) {
    return 1.0 / Math.tan(x);
  }
}
