package dev.quaver.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.Planner;
import dev.quaver.planner.SessionSettings;
import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared setup of executor tests that run SQL text the way a server statement does: a real
 * storage in a temporary directory, a Planner over its catalog and an Executor, opened before each
 * test (before the subclass's own {@code @BeforeEach}) and closed after it with the check that no
 * Arrow memory is left allocated. {@link ExecutorTestBase} is the same for plan-level tests over a
 * FakeStorage.
 */
public abstract class SqlExecutorTestBase {
  @TempDir protected Path directory;
  protected StorageEngine storage;
  protected Planner planner;
  protected Executor executor;

  @BeforeEach
  void openEngine() {
    storage = Storage.open(StorageConfig.defaults(directory));
    planner = new Planner(storage.catalog());
    executor = new Executor(storage, executorConfig());
  }

  @AfterEach
  void closeEngine() {
    assertThat(executor.allocatedBytes()).isZero();
    executor.close();
    storage.close();
  }

  /** The executor's configuration; the defaults with a spill directory in the test's directory. */
  protected ExecutorConfig executorConfig() {
    return ExecutorConfig.defaults(directory.resolve("spill"));
  }

  /** Closes the executor and storage and opens them again on the same directory. */
  protected void reopen() {
    executor.close();
    storage.close();
    openEngine();
  }

  /** Runs a statement and returns its update count. */
  protected long run(String sql, Object... parameters) {
    try (QueryExecution execution = executor.execute(planner.prepare(sql), Arrays.asList(parameters))) {
      return execution.updateCount();
    }
  }

  /** Runs a query and returns all rows as lists (NULL as null). */
  protected List<List<Object>> query(String sql, Object... parameters) {
    try (QueryExecution execution = executor.execute(planner.prepare(sql), Arrays.asList(parameters))) {
      return drain(execution);
    }
  }

  /** {@link #run} planned and executed under {@code settings}. */
  protected long runWith(SessionSettings settings, String sql) {
    try (QueryExecution execution = executor.execute(planner.prepare(sql, settings), List.of(), settings)) {
      return execution.updateCount();
    }
  }

  /** {@link #query} planned and executed under {@code settings}. */
  protected List<List<Object>> queryWith(SessionSettings settings, String sql) {
    try (QueryExecution execution = executor.execute(planner.prepare(sql, settings), List.of(), settings)) {
      return drain(execution);
    }
  }

  /** Every remaining row of {@code execution} as lists (NULL as null). */
  protected static List<List<Object>> drain(QueryExecution execution) {
    return ExecutorTestBase.drain(execution);
  }
}
