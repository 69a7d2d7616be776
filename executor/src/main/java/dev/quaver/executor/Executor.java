package dev.quaver.executor;

import dev.quaver.planner.PreparedPlan;
import dev.quaver.storage.StorageEngine;
import java.util.List;
import java.util.Objects;

/**
 * Runs prepared plans against the storage: builds one operator per physical node, gives each
 * statement its own Arrow allocator (a child of the executor's root, limited to the query
 * memory limit), applies DDL to the catalog and commits DML atomically.
 *
 * <p>Thread safety: safe for concurrent use; each QueryExecution is confined to its caller.
 */
public final class Executor implements AutoCloseable {
  private final StorageEngine storage;
  private final ExecutorConfig config;

  public Executor(StorageEngine storage, ExecutorConfig config) {
    this.storage = Objects.requireNonNull(storage, "storage is null");
    this.config = Objects.requireNonNull(config, "config is null");
  }

  /**
   * Starts a statement. {@code parameters} are the Java values (see SqlType) of the plan's
   * {@code ?} parameters, already converted to plan.parameterTypes(). Errors are thrown as
   * QuaverExceptions; the allocator is released on failure.
   */
  public QueryExecution execute(PreparedPlan plan, List<Object> parameters) {
    throw new UnsupportedOperationException("TODO(#2): executor");
  }

  /** Bytes allocated by running statements right now (0 when idle: tests assert it). */
  public long allocatedBytes() {
    return 0;
  }

  @Override
  public void close() {}
}
