package dev.quaver.executor.operator.aggregate;

import dev.quaver.executor.operator.HeapRows;
import dev.quaver.executor.vector.RowKey;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * DISTINCT: forwards each distinct argument tuple once (NULL tuples too; the inner accumulator
 * skips them as its function says). Seen tuples are accounted as heap memory.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class DistinctAccumulator implements Accumulator {
  private final Accumulator inner;
  private final LongConsumer reserve;
  private final Set<RowKey> seen = new HashSet<>();

  DistinctAccumulator(Accumulator inner, LongConsumer reserve) {
    this.inner = inner;
    this.reserve = reserve;
  }

  @Override
  public void add(Object[] arguments) {
    RowKey key = RowKey.of(arguments.clone());
    if (seen.add(key)) {
      reserve.accept(HeapRows.estimateBytes(arguments) + 48);
      inner.add(arguments);
    }
  }

  @Override
  public Object result() {
    return inner.result();
  }
}
