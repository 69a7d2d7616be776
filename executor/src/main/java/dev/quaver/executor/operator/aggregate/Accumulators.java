package dev.quaver.executor.operator.aggregate;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.vector.SqlOrdering;
import dev.quaver.planner.physical.AggregateCall;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.LongConsumer;

/**
 * Creates the accumulator of an aggregate call. Semantics (AggregateFunction's Javadoc): NULL
 * arguments are skipped; an empty group gives NULL except for COUNT, COUNT_STAR and SUM0; SUM of
 * an integral or DECIMAL type fails with NUMERIC_VALUE_OUT_OF_RANGE (22003) beyond the result
 * type; AVG is computed in the call's type (DOUBLE, or DECIMAL at the call's scale, or an
 * integral type truncating); SINGLE_VALUE fails with CARDINALITY_VIOLATION (21000) on a second
 * row. Stateless.
 */
final class Accumulators {
  private Accumulators() {}

  static Accumulator create(AggregateCall call, LongConsumer reserve) {
    Accumulator accumulator = plain(call);
    return call.distinct() ? new DistinctAccumulator(accumulator, reserve) : accumulator;
  }

  private static Accumulator plain(AggregateCall call) {
    ColumnType type = call.type();
    switch (call.function()) {
      case COUNT_STAR:
        return new Count(false);
      case COUNT:
        return new Count(true);
      case SUM:
        return new Sum(type, false);
      case SUM0:
        return new Sum(type, true);
      case AVG:
        return new Avg(type);
      case MIN:
        return new Extreme(false);
      case MAX:
        return new Extreme(true);
      case ANY_VALUE:
        return new AnyValue();
      case SINGLE_VALUE:
        return new SingleValue();
      case LITERAL_AGG:
        return new Literal(call.literal());
      case BOOL_AND:
        return new BoolFold(true);
      case BOOL_OR:
        return new BoolFold(false);
    }
    throw new AssertionError(call.function());
  }

  private static boolean anyNull(Object[] arguments) {
    for (Object argument : arguments) {
      if (argument == null) {
        return true;
      }
    }
    return false;
  }

  static QuaverException outOfRange(ColumnType type, Object value) {
    return QuaverException.of(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range: %s", type, value);
  }

  /** {@code value} checked against the range of an integral or DECIMAL type. */
  static Object checkRange(ColumnType type, BigDecimal value) {
    switch (type.type()) {
      case TINYINT:
        return Byte.valueOf((byte) checkLong(type, value, Byte.MIN_VALUE, Byte.MAX_VALUE));
      case SMALLINT:
        return Short.valueOf((short) checkLong(type, value, Short.MIN_VALUE, Short.MAX_VALUE));
      case INTEGER:
      case INTERVAL_YEAR_MONTH:
        return Integer.valueOf((int) checkLong(type, value, Integer.MIN_VALUE, Integer.MAX_VALUE));
      case BIGINT:
      case INTERVAL_DAY_TIME:
        return Long.valueOf(checkLong(type, value, Long.MIN_VALUE, Long.MAX_VALUE));
      case DECIMAL:
        BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
          throw outOfRange(type, value);
        }
        return scaled;
      case REAL:
        return value.floatValue();
      case DOUBLE:
        return value.doubleValue();
      default:
        throw new IllegalArgumentException("not numeric: " + type);
    }
  }

  private static long checkLong(ColumnType type, BigDecimal value, long min, long max) {
    BigInteger integer = value.toBigInteger();
    if (integer.compareTo(BigInteger.valueOf(min)) < 0 || integer.compareTo(BigInteger.valueOf(max)) > 0) {
      throw outOfRange(type, value);
    }
    return integer.longValue();
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    } else if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue());
    }
    return BigDecimal.valueOf(((Number) value).longValue());
  }

  private static boolean isFloating(ColumnType type) {
    return type.type() == SqlType.DOUBLE || type.type() == SqlType.REAL;
  }

  private static final class Count implements Accumulator {
    private final boolean skipNulls;
    private long count;

    Count(boolean skipNulls) {
      this.skipNulls = skipNulls;
    }

    @Override
    public void add(Object[] arguments) {
      if (!skipNulls || !anyNull(arguments)) {
        count++;
      }
    }

    @Override
    public Object result() {
      return count;
    }
  }

  /**
   * SUM and SUM0. Integral sums run in a long with overflow checks (BIGINT overflow is 22003
   * right away, as PostgreSQL does), DECIMAL in BigDecimal, floating point in a double.
   */
  private static final class Sum implements Accumulator {
    private final ColumnType type;
    private final boolean zeroWhenEmpty;
    private boolean seen;
    private long longSum;
    private double doubleSum;
    private BigDecimal decimalSum = BigDecimal.ZERO;

    Sum(ColumnType type, boolean zeroWhenEmpty) {
      this.type = type;
      this.zeroWhenEmpty = zeroWhenEmpty;
    }

    @Override
    public void add(Object[] arguments) {
      Object value = arguments[0];
      if (value == null) {
        return;
      }
      seen = true;
      if (isFloating(type)) {
        doubleSum += ((Number) value).doubleValue();
      } else if (type.type() == SqlType.DECIMAL) {
        decimalSum = decimalSum.add(decimal(value));
      } else {
        try {
          longSum = Math.addExact(longSum, ((Number) value).longValue());
        } catch (ArithmeticException e) {
          throw outOfRange(type, BigDecimal.valueOf(longSum).add(decimal(value)));
        }
      }
    }

    @Override
    public Object result() {
      if (!seen && !zeroWhenEmpty) {
        return null;
      }
      if (isFloating(type)) {
        return type.type() == SqlType.REAL ? (Object) (float) doubleSum : (Object) doubleSum;
      } else if (type.type() == SqlType.DECIMAL) {
        return checkRange(type, decimalSum);
      }
      return checkRange(type, BigDecimal.valueOf(longSum));
    }
  }

  /** AVG in the call's type: floating, DECIMAL at the call's scale (HALF_UP), or integral (truncating). */
  private static final class Avg implements Accumulator {
    private final ColumnType type;
    private long count;
    private double doubleSum;
    private BigDecimal decimalSum = BigDecimal.ZERO;

    Avg(ColumnType type) {
      this.type = type;
    }

    @Override
    public void add(Object[] arguments) {
      Object value = arguments[0];
      if (value == null) {
        return;
      }
      count++;
      if (isFloating(type)) {
        doubleSum += ((Number) value).doubleValue();
      } else {
        decimalSum = decimalSum.add(decimal(value));
      }
    }

    @Override
    public Object result() {
      if (count == 0) {
        return null;
      }
      if (isFloating(type)) {
        double average = doubleSum / count;
        return type.type() == SqlType.REAL ? (Object) (float) average : (Object) average;
      }
      BigDecimal divisor = BigDecimal.valueOf(count);
      if (type.type() == SqlType.DECIMAL) {
        return checkRange(type, decimalSum.divide(divisor, type.scale(), RoundingMode.HALF_UP));
      }
      return checkRange(type, decimalSum.divide(divisor, MathContext.DECIMAL128)
          .setScale(0, RoundingMode.DOWN));
    }
  }

  private static final class Extreme implements Accumulator {
    private final boolean max;
    private Object value;

    Extreme(boolean max) {
      this.max = max;
    }

    @Override
    public void add(Object[] arguments) {
      Object candidate = arguments[0];
      if (candidate == null) {
        return;
      }
      if (value == null) {
        value = candidate;
        return;
      }
      int order = SqlOrdering.compare(candidate, value);
      if (max ? order > 0 : order < 0) {
        value = candidate;
      }
    }

    @Override
    public Object result() {
      return value;
    }
  }

  private static final class AnyValue implements Accumulator {
    private boolean seen;
    private Object value;

    @Override
    public void add(Object[] arguments) {
      if (!seen) {
        seen = true;
        value = arguments[0];
      }
    }

    @Override
    public Object result() {
      return value;
    }
  }

  private static final class SingleValue implements Accumulator {
    private boolean seen;
    private Object value;

    @Override
    public void add(Object[] arguments) {
      if (seen) {
        throw new QuaverException(ErrorCode.CARDINALITY_VIOLATION,
            "more than one row returned by a subquery used as an expression");
      }
      seen = true;
      value = arguments[0];
    }

    @Override
    public Object result() {
      return value;
    }
  }

  private static final class Literal implements Accumulator {
    private final Object value;

    Literal(Object value) {
      this.value = value;
    }

    @Override
    public void add(Object[] arguments) {}

    @Override
    public Object result() {
      return value;
    }
  }

  /** BOOL_AND (identity true) and BOOL_OR (identity false); NULL when no non-NULL input. */
  private static final class BoolFold implements Accumulator {
    private final boolean isAnd;
    private Boolean value;

    BoolFold(boolean isAnd) {
      this.isAnd = isAnd;
    }

    @Override
    public void add(Object[] arguments) {
      Boolean candidate = (Boolean) arguments[0];
      if (candidate == null) {
        return;
      }
      value = value == null ? candidate : isAnd ? value && candidate : value || candidate;
    }

    @Override
    public Object result() {
      return value;
    }
  }
}
