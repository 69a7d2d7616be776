package dev.quaver.executor.operator.aggregate;

import dev.quaver.planner.physical.AggregateCall;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * COUNT(*) and COUNT(arguments) (rows where every argument is non-NULL) as a {@code long[]} by
 * group.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class CountColumn implements CallColumn {
  private final AggregateCall call;
  private final int[] arguments;
  private long[] counts = new long[16];

  CountColumn(AggregateCall call, int[] arguments) {
    this.call = call;
    this.arguments = arguments;
  }

  @Override
  public void add(BatchColumn[] columns, int rowCount, int[] ids, int groups) {
    if (counts.length < groups) {
      counts = Arrays.copyOf(counts, Math.max(groups, counts.length * 2));
    }
    long[] counts = this.counts;
    BatchColumn filter = CallColumns.filter(call, columns);
    boolean simple = filter == null && (arguments.length == 0
        || arguments.length == 1 && !columns[arguments[0]].hasNulls());
    if (simple) {
      for (int i = 0; i < rowCount; i++) {
        int group = ids[i];
        if (group >= 0) {
          counts[group]++;
        }
      }
      return;
    }
    rows:
    for (int i = 0; i < rowCount; i++) {
      int group = ids[i];
      if (group < 0 || filter != null && !CallColumns.passes(filter, i)) {
        continue;
      }
      for (int argument : arguments) {
        if (columns[argument].isNull(i)) {
          continue rows;
        }
      }
      counts[group]++;
    }
  }

  @Override
  public void write(FieldVector vector, int from, int count) {
    for (int k = 0; k < count; k++) {
      int group = from + k;
      CallColumns.setLong(vector, k, group < counts.length ? counts[group] : 0);
    }
    vector.setValueCount(count);
  }

  @Override
  public long bytesPerGroup() {
    return 8;
  }
}
