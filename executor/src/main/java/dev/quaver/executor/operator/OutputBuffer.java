package dev.quaver.executor.operator;

import dev.quaver.executor.vector.Batches;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Turns rows that a row-at-a-time operator (join, aggregate, sort, set operation) produces into
 * the operator's output batches. It owns the last batch it made and closes it when the next one
 * is made or on {@link #close()}, which is exactly the Operator ownership rule. Pending rows are
 * at most about two batches, so the heap they use is not accounted.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class OutputBuffer implements AutoCloseable {
  private final Schema schema;
  private final ExecutionContext context;
  private final List<Object[]> pending = new ArrayList<>();
  private VectorSchemaRoot current;

  public OutputBuffer(Schema schema, ExecutionContext context) {
    this.schema = schema;
    this.context = context;
  }

  public void add(Object[] row) {
    pending.add(row);
  }

  /** True when a full batch is pending. */
  public boolean isFull() {
    return pending.size() >= context.batchRows();
  }

  public boolean hasRows() {
    return !pending.isEmpty();
  }

  /** Closes the previous batch and returns a new one with up to batchRows pending rows. */
  public VectorSchemaRoot flush() {
    releaseCurrent();
    int count = Math.min(pending.size(), context.batchRows());
    current = Batches.fromRows(schema, pending, 0, count, context.allocator());
    pending.subList(0, count).clear();
    return current;
  }

  /** Closes the batch handed out last (call before returning end of data). */
  public void releaseCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  @Override
  public void close() {
    releaseCurrent();
    pending.clear();
  }
}
