package dev.quaver.server.query;

import dev.quaver.protocol.ColumnBatch;
import dev.quaver.protocol.ColumnInfo;
import java.util.List;

/**
 * One run of a statement. Call protocol: {@code next()} until it returns null (rows are computed
 * as they are pulled, so an idle cursor costs no CPU and at most one batch of memory);
 * {@code cancel()} from any thread makes the running or next {@code next()} throw QUERY_CANCELED;
 * {@code close()} releases everything and may be called more than once.
 *
 * <p>Thread safety: confined to one worker at a time, except {@code cancel()}.
 */
public interface EngineExecution extends AutoCloseable {
  boolean returnsRows();

  List<ColumnInfo> columns();

  /** Rows changed by DML, 0 for DDL, -1 for queries. */
  long updateCount();

  /** The next rows, or null at the end. The batch belongs to the caller. */
  ColumnBatch next();

  void cancel();

  @Override
  void close();
}
