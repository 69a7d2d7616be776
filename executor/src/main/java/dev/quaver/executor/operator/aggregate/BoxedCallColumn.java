package dev.quaver.executor.operator.aggregate;

import dev.quaver.executor.vector.VectorValues;
import dev.quaver.planner.physical.AggregateCall;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.arrow.vector.FieldVector;

/**
 * An aggregate call the primitive columns do not cover (DISTINCT, ANY_VALUE, SINGLE_VALUE,
 * LITERAL_AGG, BOOL_AND / BOOL_OR, strings, other types), and every call when the aggregation is
 * not vectorized: one {@link Accumulator} per group, fed the boxed argument values row by row.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class BoxedCallColumn implements CallColumn {
  /** Rough heap cost of one accumulator object. */
  private static final long ACCUMULATOR_BYTES = 48;

  private final AggregateCall call;
  private final int[] arguments;
  private final LongConsumer reserve;
  private final List<Accumulator> accumulators = new ArrayList<>();

  BoxedCallColumn(AggregateCall call, LongConsumer reserve) {
    this.call = call;
    this.arguments = call.arguments().stream().mapToInt(Integer::intValue).toArray();
    this.reserve = reserve;
  }

  @Override
  public void add(BatchColumn[] columns, int rowCount, int[] ids, int groups) {
    ensure(groups);
    BatchColumn filter = CallColumns.filter(call, columns);
    for (int i = 0; i < rowCount; i++) {
      int group = ids[i];
      if (group < 0 || filter != null && !Boolean.TRUE.equals(VectorValues.get(filter.vector(), i))) {
        continue;
      }
      Object[] values = new Object[arguments.length];
      for (int a = 0; a < values.length; a++) {
        values[a] = VectorValues.get(columns[arguments[a]].vector(), i);
      }
      accumulators.get(group).add(values);
    }
  }

  @Override
  public void write(FieldVector vector, int from, int count) {
    ensure(from + count);
    for (int k = 0; k < count; k++) {
      VectorValues.set(vector, k, accumulators.get(from + k).result());
    }
    vector.setValueCount(count);
  }

  @Override
  public long bytesPerGroup() {
    return ACCUMULATOR_BYTES;
  }

  private void ensure(int groups) {
    while (accumulators.size() < groups) {
      accumulators.add(Accumulators.create(call, reserve));
    }
  }
}
