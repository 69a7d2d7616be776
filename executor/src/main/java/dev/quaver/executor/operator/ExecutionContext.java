package dev.quaver.executor.operator;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.ExecutorConfig;
import dev.quaver.executor.expr.EvaluationContext;
import dev.quaver.storage.StorageEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Everything the operators of one statement share: the statement's allocator (limited to the
 * query memory limit), parameter values, the snapshot taken once at statement start, the start
 * time, the values of the current left rows of correlates, the cancel flag, and the count of Java
 * heap bytes that hash tables and sort buffers hold (checked against the same limit, so a huge
 * join fails with OUT_OF_MEMORY (53200) instead of taking the JVM down).
 *
 * <p>Thread safety: confined to the statement's thread, except {@link #cancel()} (volatile flag).
 */
public final class ExecutionContext implements EvaluationContext {
  private final StorageEngine storage;
  private final ExecutorConfig config;
  private final BufferAllocator allocator;
  private final List<Object> parameters;
  private final long snapshot;
  private final long startMillis;
  private final Map<Integer, Object[]> correlations = new HashMap<>();
  private volatile boolean canceled;
  private long heapBytes;

  public ExecutionContext(StorageEngine storage, ExecutorConfig config, BufferAllocator allocator,
      List<Object> parameters, long snapshot, long startMillis) {
    this.storage = Objects.requireNonNull(storage, "storage is null");
    this.config = Objects.requireNonNull(config, "config is null");
    this.allocator = Objects.requireNonNull(allocator, "allocator is null");
    this.parameters = parameters;
    this.snapshot = snapshot;
    this.startMillis = startMillis;
  }

  @Override
  public BufferAllocator allocator() {
    return allocator;
  }

  @Override
  public Object parameter(int index) {
    if (index < 0 || index >= parameters.size()) {
      throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE,
          "parameter %d is not set (statement has %d)", index + 1, parameters.size());
    }
    return parameters.get(index);
  }

  @Override
  public Object correlationValue(int correlationId, int index) {
    Object[] row = correlations.get(correlationId);
    if (row == null) {
      throw new IllegalStateException("correlation $cor" + correlationId + " is not bound");
    }
    return row[index];
  }

  /** Binds (or with null unbinds) the current left row of correlate {@code correlationId}. */
  public void bindCorrelation(int correlationId, Object[] row) {
    if (row == null) {
      correlations.remove(correlationId);
    } else {
      correlations.put(correlationId, row);
    }
  }

  @Override
  public long statementStartMillis() {
    return startMillis;
  }

  public StorageEngine storage() {
    return storage;
  }

  public long snapshot() {
    return snapshot;
  }

  public int batchRows() {
    return config.batchRows();
  }

  public long memoryLimitBytes() {
    return config.queryMemoryLimitBytes();
  }

  /** Where spilling operators put their per-statement spill subdirectories. */
  public java.nio.file.Path spillDirectory() {
    return config.spillDirectory();
  }

  public void cancel() {
    canceled = true;
  }

  public boolean isCanceled() {
    return canceled;
  }

  /** Throws QUERY_CANCELED (57014) once {@link #cancel()} was called. */
  public void checkCanceled() {
    if (canceled) {
      throw new QuaverException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
    }
  }

  /**
   * Accounts {@code bytes} more of Java heap held by an operator; fails with OUT_OF_MEMORY when
   * heap plus Arrow memory exceeds the query memory limit. The caller releases what it reserved.
   */
  public void reserveHeap(long bytes) {
    heapBytes += bytes;
    long total = heapBytes + allocator.getAllocatedMemory();
    if (total > config.queryMemoryLimitBytes()) {
      heapBytes -= bytes;
      throw QuaverException.of(ErrorCode.OUT_OF_MEMORY,
          "query needs more than its memory limit of %d bytes (%d bytes in hash tables and buffers)",
          config.queryMemoryLimitBytes(), heapBytes);
    }
  }

  public void releaseHeap(long bytes) {
    heapBytes -= bytes;
  }

  /** Heap bytes reserved right now (0 after every operator closed). */
  public long heapBytes() {
    return heapBytes;
  }
}
