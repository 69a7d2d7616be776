package dev.quaver.executor;

import dev.quaver.planner.physical.Field;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One running statement. For a QUERY or EXPLAIN, the caller pulls result batches with
 * {@link #next()}; for DML and DDL the work is done when {@code Executor.execute} returns and
 * {@link #updateCount()} tells how many rows changed.
 *
 * <p>Call protocol: {@code next()} until it returns null; a returned batch is owned by the
 * execution and valid until the next call to {@code next()} or {@code close()}. {@code cancel()}
 * may be called from any thread at any time: the running or next {@code next()} then throws
 * QUERY_CANCELED (57014). {@code close()} releases every buffer of the statement (its allocator
 * is then empty) and may be called more than once.
 *
 * <p>Thread safety: confined to one thread, except {@code cancel()}.
 */
public interface QueryExecution extends AutoCloseable {
  /** True for QUERY and EXPLAIN. */
  boolean returnsRows();

  /** The result columns (empty unless returnsRows()). */
  List<Field> fields();

  /** Rows inserted, updated or deleted by DML; 0 for DDL; -1 for queries. */
  long updateCount();

  VectorSchemaRoot next();

  void cancel();

  @Override
  void close();
}
