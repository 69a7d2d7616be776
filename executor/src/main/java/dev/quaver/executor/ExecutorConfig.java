package dev.quaver.executor;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Executor settings: the memory limit of one query and of all queries together (bytes), the
 * rows per batch, and where spill files go. Immutable.
 */
public record ExecutorConfig(long queryMemoryLimitBytes, long totalMemoryLimitBytes, int batchRows,
    Path spillDirectory) {
  public ExecutorConfig {
    Objects.requireNonNull(spillDirectory, "spillDirectory is null");
    if (batchRows < 1) {
      throw new IllegalArgumentException("batchRows " + batchRows);
    }
  }

  /** This configuration with another per-query limit (a session's {@code SET query_memory_limit}). */
  public ExecutorConfig withQueryMemoryLimit(long bytes) {
    return new ExecutorConfig(bytes, totalMemoryLimitBytes, batchRows, spillDirectory);
  }

  public static ExecutorConfig defaults(Path spillDirectory) {
    long heap = Runtime.getRuntime().maxMemory();
    return new ExecutorConfig(1L << 30, Math.max(2L << 30, heap), 4096, spillDirectory);
  }
}
