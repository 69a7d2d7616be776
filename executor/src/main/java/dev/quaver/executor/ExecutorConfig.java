package dev.quaver.executor;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Executor settings: the memory limit of one query and of all queries together (bytes), the
 * rows per batch, where spill files go, and how many fragment instances of one query compute at
 * once ({@code parallelism}; 1 = serial, the session setting {@code parallelism} overrides it).
 * Immutable.
 */
public record ExecutorConfig(long queryMemoryLimitBytes, long totalMemoryLimitBytes, int batchRows,
    Path spillDirectory, int parallelism) {
  public ExecutorConfig {
    Objects.requireNonNull(spillDirectory, "spillDirectory is null");
    if (batchRows < 1) {
      throw new IllegalArgumentException("batchRows " + batchRows);
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism " + parallelism);
    }
  }

  /** A configuration with the machine's parallelism ({@link #defaultParallelism()}). */
  public ExecutorConfig(long queryMemoryLimitBytes, long totalMemoryLimitBytes, int batchRows,
      Path spillDirectory) {
    this(queryMemoryLimitBytes, totalMemoryLimitBytes, batchRows, spillDirectory, defaultParallelism());
  }

  /** This configuration with another per-query limit (a session's {@code SET query_memory_limit}). */
  public ExecutorConfig withQueryMemoryLimit(long bytes) {
    return new ExecutorConfig(bytes, totalMemoryLimitBytes, batchRows, spillDirectory, parallelism);
  }

  /** This configuration with another parallelism (a session's {@code SET parallelism}). */
  public ExecutorConfig withParallelism(int workers) {
    return new ExecutorConfig(queryMemoryLimitBytes, totalMemoryLimitBytes, batchRows, spillDirectory, workers);
  }

  /** One worker per core: {@code Runtime.availableProcessors()}. */
  public static int defaultParallelism() {
    return Runtime.getRuntime().availableProcessors();
  }

  public static ExecutorConfig defaults(Path spillDirectory) {
    long heap = Runtime.getRuntime().maxMemory();
    return new ExecutorConfig(1L << 30, Math.max(2L << 30, heap), 4096, spillDirectory);
  }
}
