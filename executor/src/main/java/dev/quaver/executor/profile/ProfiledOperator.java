package dev.quaver.executor.profile;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.operator.aggregate.HashAggregateOperator;
import dev.quaver.executor.operator.join.HashJoinOperator;
import dev.quaver.executor.operator.join.NestedLoopJoinOperator;
import dev.quaver.executor.operator.sort.SortOperator;
import dev.quaver.executor.spill.SpillStats;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An operator that records what its delegate does into an {@link OperatorProfile}; batches pass
 * through unchanged (same ownership). Spill counters are read when it closes.
 *
 * <p>Thread safety: confined to the thread running its fragment instance.
 */
final class ProfiledOperator implements Operator {
  private final Operator delegate;
  private final OperatorProfile profile;
  private final ExecutionContext context;
  private boolean closed;

  ProfiledOperator(Operator delegate, OperatorProfile profile, ExecutionContext context) {
    this.delegate = delegate;
    this.profile = profile;
    this.context = context;
  }

  @Override
  public Schema schema() {
    return delegate.schema();
  }

  @Override
  public VectorSchemaRoot next() {
    long start = System.nanoTime();
    try {
      VectorSchemaRoot batch = delegate.next();
      if (batch != null) {
        profile.batches++;
        profile.rows += batch.getRowCount();
        profile.peakBytes = Math.max(profile.peakBytes,
            context.allocator().getAllocatedMemory() + context.heapBytes());
      }
      return batch;
    } finally {
      profile.nanos += System.nanoTime() - start;
    }
  }

  @Override
  public boolean lastBatchTransferable() {
    return delegate.lastBatchTransferable();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      SpillStats stats = spillStats(delegate);
      if (stats != null) {
        profile.spilledBytes += stats.spilledBytes();
      }
    }
    delegate.close();
  }

  private static SpillStats spillStats(Operator operator) {
    if (operator instanceof SortOperator sort) {
      return sort.spillStats();
    }
    if (operator instanceof HashAggregateOperator aggregate) {
      return aggregate.spillStats();
    }
    if (operator instanceof HashJoinOperator join) {
      return join.spillStats();
    }
    if (operator instanceof NestedLoopJoinOperator join) {
      return join.spillStats();
    }
    return null;
  }
}
