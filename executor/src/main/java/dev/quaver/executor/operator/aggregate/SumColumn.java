package dev.quaver.executor.operator.aggregate;

import dev.quaver.planner.physical.AggregateCall;
import dev.quaver.planner.physical.AggregateFunction;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import dev.quaver.executor.vector.VectorValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * SUM, SUM0 and AVG by group in primitive arrays, in one of three modes chosen from the call's
 * type and the argument's, each exactly as {@link Accumulators}' Sum / Avg compute:
 * <ul>
 *   <li>CHECKED: integral SUM / SUM0 of an integral argument in a {@code long} with
 *       {@code Math.addExact}: overflow is 22003 at once (the result range is checked at the end);
 *   <li>FLOATING: DOUBLE / REAL SUM or AVG of an integral or floating argument in a {@code double},
 *       added in input order (so equal to the boxed sum bit for bit);
 *   <li>EXACT: DECIMAL SUM / AVG or integral AVG of an integral or DECIMAL argument as the unscaled
 *       sum at the argument's scale, in a {@code long} that moves to a BigInteger when it
 *       overflows: exact whatever the magnitude, checked against the call's type at the end.
 * </ul>
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class SumColumn implements CallColumn {
  private enum Mode { CHECKED, FLOATING, EXACT }

  private final AggregateCall call;
  private final ColumnType type;
  private final Mode mode;
  private final boolean average;
  private final boolean decimalArgument;
  private final int scale;
  private final int argument;
  private long[] longs = new long[16];
  private double[] doubles;
  private BigInteger[] big;
  private long[] counts = new long[16];

  private SumColumn(AggregateCall call, Mode mode, boolean decimalArgument, int scale) {
    this.call = call;
    this.type = call.type();
    this.mode = mode;
    this.average = call.function() == AggregateFunction.AVG;
    this.decimalArgument = decimalArgument;
    this.scale = scale;
    this.argument = call.arguments().get(0);
    if (mode == Mode.FLOATING) {
      doubles = new double[16];
    } else if (mode == Mode.EXACT) {
      big = new BigInteger[16];
    }
  }

  /** The column for a SUM / SUM0 / AVG call over {@code argument}, or null when not covered. */
  static SumColumn of(AggregateCall call, Field argument) {
    BatchColumn.Kind kind = BatchColumn.kindOf(argument);
    boolean integral = argument.getType() instanceof ArrowType.Int;
    SqlType result = call.type().type();
    boolean floatingResult = result == SqlType.DOUBLE || result == SqlType.REAL;
    boolean integralResult = result == SqlType.TINYINT || result == SqlType.SMALLINT
        || result == SqlType.INTEGER || result == SqlType.BIGINT;
    boolean avg = call.function() == AggregateFunction.AVG;
    if (floatingResult && (integral || kind == BatchColumn.Kind.FLOAT || kind == BatchColumn.Kind.DOUBLE)) {
      return new SumColumn(call, Mode.FLOATING, false, 0);
    }
    if (integralResult && integral && !avg) {
      return new SumColumn(call, Mode.CHECKED, false, 0);
    }
    if ((result == SqlType.DECIMAL || integralResult && avg)) {
      if (integral) {
        return new SumColumn(call, Mode.EXACT, false, 0);
      }
      if (argument.getType() instanceof ArrowType.Decimal d && kind == BatchColumn.Kind.DECIMAL) {
        return new SumColumn(call, Mode.EXACT, true, d.getScale());
      }
    }
    return null;
  }

  @Override
  public void add(BatchColumn[] columns, int rowCount, int[] ids, int groups) {
    ensure(groups);
    BatchColumn input = columns[argument];
    BatchColumn filter = CallColumns.filter(call, columns);
    boolean nulls = input.hasNulls();
    long[] counts = this.counts;
    switch (mode) {
      case CHECKED -> {
        long[] sums = longs;
        for (int i = 0; i < rowCount; i++) {
          int group = ids[i];
          if (group < 0 || nulls && input.isNull(i) || filter != null && !CallColumns.passes(filter, i)) {
            continue;
          }
          long value = input.longAt(i);
          long sum = sums[group];
          long result = sum + value;
          if (((sum ^ result) & (value ^ result)) < 0) {
            throw Accumulators.outOfRange(type, BigDecimal.valueOf(sum).add(BigDecimal.valueOf(value)));
          }
          sums[group] = result;
          counts[group]++;
        }
      }
      case FLOATING -> {
        double[] sums = doubles;
        for (int i = 0; i < rowCount; i++) {
          int group = ids[i];
          if (group < 0 || nulls && input.isNull(i) || filter != null && !CallColumns.passes(filter, i)) {
            continue;
          }
          sums[group] += input.doubleAt(i);
          counts[group]++;
        }
      }
      case EXACT -> {
        for (int i = 0; i < rowCount; i++) {
          int group = ids[i];
          if (group < 0 || nulls && input.isNull(i) || filter != null && !CallColumns.passes(filter, i)) {
            continue;
          }
          counts[group]++;
          if (decimalArgument) {
            long low = input.decimalLow(i);
            long high = input.decimalHigh(i);
            if (high != (low >> 63)) {
              addBig(group, wide(low, high));
              continue;
            }
            addExact(group, low);
          } else {
            addExact(group, input.longAt(i));
          }
        }
      }
    }
  }

  private void addExact(int group, long value) {
    long sum = longs[group];
    long result = sum + value;
    if (((sum ^ result) & (value ^ result)) < 0) {
      addBig(group, BigInteger.valueOf(value));
    } else {
      longs[group] = result;
    }
  }

  private void addBig(int group, BigInteger value) {
    BigInteger current = big[group] == null ? BigInteger.ZERO : big[group];
    big[group] = current.add(BigInteger.valueOf(longs[group])).add(value);
    longs[group] = 0;
  }

  private static BigInteger wide(long low, long high) {
    return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
  }

  @Override
  public void write(FieldVector vector, int from, int count) {
    ensure(from + count);
    for (int k = 0; k < count; k++) {
      int group = from + k;
      long n = counts[group];
      if (n == 0 && (average || call.function() == AggregateFunction.SUM)) {
        VectorValues.setNull(vector, k);
        continue;
      }
      switch (mode) {
        case CHECKED -> {
          long sum = longs[group];
          if (type.type() == SqlType.BIGINT) {
            CallColumns.setLong(vector, k, sum);
          } else {
            VectorValues.set(vector, k, Accumulators.checkRange(type, BigDecimal.valueOf(sum)));
          }
        }
        case FLOATING -> {
          double sum = doubles[group];
          double value = average ? sum / n : sum;
          if (type.type() == SqlType.REAL) {
            VectorValues.set(vector, k, (float) value);
          } else {
            CallColumns.setDouble(vector, k, value);
          }
        }
        case EXACT -> {
          BigInteger unscaled = BigInteger.valueOf(longs[group]);
          if (big[group] != null) {
            unscaled = unscaled.add(big[group]);
          }
          BigDecimal sum = new BigDecimal(unscaled, scale);
          Object value;
          if (!average) {
            value = Accumulators.checkRange(type, sum);
          } else if (type.type() == SqlType.DECIMAL) {
            value = Accumulators.checkRange(type, sum.divide(BigDecimal.valueOf(n), type.scale(), RoundingMode.HALF_UP));
          } else {
            value = Accumulators.checkRange(type, sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128)
                .setScale(0, RoundingMode.DOWN));
          }
          VectorValues.set(vector, k, value);
        }
      }
    }
    vector.setValueCount(count);
  }

  @Override
  public long bytesPerGroup() {
    return 24;
  }

  private void ensure(int groups) {
    if (counts.length >= groups) {
      return;
    }
    int capacity = Math.max(groups, counts.length * 2);
    counts = Arrays.copyOf(counts, capacity);
    longs = Arrays.copyOf(longs, capacity);
    if (doubles != null) {
      doubles = Arrays.copyOf(doubles, capacity);
    }
    if (big != null) {
      big = Arrays.copyOf(big, capacity);
    }
  }
}
