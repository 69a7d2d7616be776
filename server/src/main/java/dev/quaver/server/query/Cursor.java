package dev.quaver.server.query;

import dev.quaver.protocol.ColumnBatch;
import java.util.Objects;

/**
 * An open row result of one session: the running execution plus the rows of its last batch not
 * yet sent. Rows are pulled from the execution only when a fetch needs them.
 *
 * <p>Thread safety: confined to the session's worker (sessions run one request at a time).
 */
public final class Cursor implements AutoCloseable {
  private final int id;
  private final EngineExecution execution;
  private ColumnBatch pending;
  private int pendingOffset;
  private boolean isExhausted;

  public Cursor(int id, EngineExecution execution) {
    this.id = id;
    this.execution = Objects.requireNonNull(execution, "execution is null");
  }

  public int id() {
    return id;
  }

  public EngineExecution execution() {
    return execution;
  }

  /** At most {@code maxRows} next rows, or null when the result is over. */
  ColumnBatch next(int maxRows) {
    while (pending == null || pendingOffset == pending.rowCount()) {
      if (isExhausted) {
        return null;
      }
      pending = execution.next();
      pendingOffset = 0;
      if (pending == null) {
        isExhausted = true;
        return null;
      }
    }
    int count = Math.min(maxRows, pending.rowCount() - pendingOffset);
    ColumnBatch slice = pending.slice(pendingOffset, count);
    pendingOffset += count;
    return slice;
  }

  /** True when the end is known to be reached (no more rows will come). */
  boolean isKnownExhausted() {
    return isExhausted;
  }

  @Override
  public void close() {
    pending = null;
    execution.close();
  }
}
