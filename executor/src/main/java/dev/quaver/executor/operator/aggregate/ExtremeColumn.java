package dev.quaver.executor.operator.aggregate;

import dev.quaver.planner.physical.AggregateCall;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * MIN and MAX of an integral / date / time / timestamp argument (compared as longs) or a floating
 * point one (compared as {@code Double.compare} orders them, as SqlOrdering does: -0.0 before 0.0,
 * NaN last), by group; NULLs skipped, NULL for a group without a non-NULL value.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class ExtremeColumn implements CallColumn {
  private final AggregateCall call;
  private final boolean max;
  private final boolean floating;
  private final int argument;
  private long[] longs = new long[16];
  private double[] doubles = new double[16];
  private boolean[] seen = new boolean[16];

  ExtremeColumn(AggregateCall call, BatchColumn.Kind kind) {
    this.call = call;
    this.max = call.function() == dev.quaver.planner.physical.AggregateFunction.MAX;
    this.floating = kind != BatchColumn.Kind.LONG;
    this.argument = call.arguments().get(0);
  }

  @Override
  public void add(BatchColumn[] columns, int rowCount, int[] ids, int groups) {
    if (seen.length < groups) {
      int capacity = Math.max(groups, seen.length * 2);
      seen = Arrays.copyOf(seen, capacity);
      if (floating) {
        doubles = Arrays.copyOf(doubles, capacity);
      } else {
        longs = Arrays.copyOf(longs, capacity);
      }
    }
    BatchColumn input = columns[argument];
    BatchColumn filter = CallColumns.filter(call, columns);
    boolean nulls = input.hasNulls();
    for (int i = 0; i < rowCount; i++) {
      int group = ids[i];
      if (group < 0 || nulls && input.isNull(i) || filter != null && !CallColumns.passes(filter, i)) {
        continue;
      }
      if (floating) {
        double value = input.doubleAt(i);
        if (!seen[group] || (max ? Double.compare(value, doubles[group]) > 0
            : Double.compare(value, doubles[group]) < 0)) {
          doubles[group] = value;
        }
      } else {
        long value = input.longAt(i);
        if (!seen[group] || (max ? value > longs[group] : value < longs[group])) {
          longs[group] = value;
        }
      }
      seen[group] = true;
    }
  }

  @Override
  public void write(FieldVector vector, int from, int count) {
    for (int k = 0; k < count; k++) {
      int group = from + k;
      if (group >= seen.length || !seen[group]) {
        dev.quaver.executor.vector.VectorValues.setNull(vector, k);
      } else if (floating) {
        CallColumns.setDouble(vector, k, doubles[group]);
      } else {
        CallColumns.setLong(vector, k, longs[group]);
      }
    }
    vector.setValueCount(count);
  }

  @Override
  public long bytesPerGroup() {
    return 9;
  }
}
