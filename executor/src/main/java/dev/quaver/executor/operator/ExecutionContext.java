package dev.quaver.executor.operator;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.ExecutorConfig;
import dev.quaver.executor.expr.EvaluationContext;
import dev.quaver.executor.fragment.FragmentInstance;
import dev.quaver.storage.StorageEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Everything the operators of one statement share: the statement's allocator (limited to the
 * query memory limit), parameter values, the snapshot taken once at statement start, the start
 * time, the values of the current left rows of correlates, the cancel flag, and the count of Java
 * heap bytes that hash tables and sort buffers hold (checked against the same limit, so a huge
 * join fails with OUT_OF_MEMORY (53200) instead of taking the JVM down).
 *
 * <p>A parallel statement has one context per fragment instance ({@link #forInstance}): each has
 * its own allocator (a child of the statement's) and correlation values, and tells its operators
 * which {@link FragmentInstance} they run in; the cancel flag and the heap count are shared by
 * all contexts of the statement, so the memory limit and cancel cover every instance.
 *
 * <p>Thread safety: confined to one thread (the statement's, or a fragment instance's worker),
 * except {@link #cancel()}, and the shared cancel flag and heap count (atomic).
 */
public final class ExecutionContext implements EvaluationContext {
  private final StorageEngine storage;
  private final ExecutorConfig config;
  private final BufferAllocator allocator;
  private final List<Object> parameters;
  private final long snapshot;
  private final long startMillis;
  private final Map<Integer, Object[]> correlations = new HashMap<>();
  /** The statement's allocator (the memory limit's account); {@link #allocator} for a serial one. */
  private final BufferAllocator statementAllocator;
  private final FragmentInstance instance;
  private final AtomicBoolean canceled;
  private final AtomicLong heapBytes;

  public ExecutionContext(StorageEngine storage, ExecutorConfig config, BufferAllocator allocator,
      List<Object> parameters, long snapshot, long startMillis) {
    this(storage, config, allocator, parameters, snapshot, startMillis, allocator, FragmentInstance.SERIAL,
        new AtomicBoolean(), new AtomicLong());
  }

  private ExecutionContext(StorageEngine storage, ExecutorConfig config, BufferAllocator allocator,
      List<Object> parameters, long snapshot, long startMillis, BufferAllocator statementAllocator,
      FragmentInstance instance, AtomicBoolean canceled, AtomicLong heapBytes) {
    this.storage = Objects.requireNonNull(storage, "storage is null");
    this.config = Objects.requireNonNull(config, "config is null");
    this.allocator = Objects.requireNonNull(allocator, "allocator is null");
    this.parameters = parameters;
    this.snapshot = snapshot;
    this.startMillis = startMillis;
    this.statementAllocator = statementAllocator;
    this.instance = Objects.requireNonNull(instance, "instance is null");
    this.canceled = canceled;
    this.heapBytes = heapBytes;
  }

  /**
   * The context of one fragment instance of this statement: same storage, snapshot, parameters,
   * cancel flag and heap count; its own {@code allocator} (a child of this context's) and
   * correlation values.
   */
  public ExecutionContext forInstance(BufferAllocator instanceAllocator, FragmentInstance fragmentInstance) {
    return new ExecutionContext(storage, config, instanceAllocator, parameters, snapshot, startMillis,
        statementAllocator, fragmentInstance, canceled, heapBytes);
  }

  /** Which fragment instance this context runs ({@link FragmentInstance#SERIAL} when not parallel). */
  public FragmentInstance instance() {
    return instance;
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

  /**
   * The part of the query memory limit that this context's operators divide among themselves
   * (spilling operators spill at a fixed fraction of it): the whole limit for a serial statement,
   * an equal part per instance of a parallel fragment (instances hold memory at the same time).
   */
  public long operatorMemoryBytes() {
    return config.queryMemoryLimitBytes() / Math.max(1, instance.partitionCount());
  }

  /** Where spilling operators put their per-statement spill subdirectories. */
  public java.nio.file.Path spillDirectory() {
    return config.spillDirectory();
  }

  public void cancel() {
    canceled.set(true);
  }

  public boolean isCanceled() {
    return canceled.get();
  }

  /** Throws QUERY_CANCELED (57014) once {@link #cancel()} was called. */
  public void checkCanceled() {
    if (canceled.get()) {
      throw new QuaverException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
    }
  }

  /**
   * Accounts {@code bytes} more of Java heap held by an operator; fails with OUT_OF_MEMORY when
   * heap plus Arrow memory exceeds the query memory limit. The caller releases what it reserved.
   */
  public void reserveHeap(long bytes) {
    long heap = heapBytes.addAndGet(bytes);
    long total = heap + statementAllocator.getAllocatedMemory();
    if (total > config.queryMemoryLimitBytes()) {
      heapBytes.addAndGet(-bytes);
      throw QuaverException.of(ErrorCode.OUT_OF_MEMORY,
          "query needs more than its memory limit of %d bytes (%d bytes in hash tables and buffers)",
          config.queryMemoryLimitBytes(), heap - bytes);
    }
  }

  public void releaseHeap(long bytes) {
    heapBytes.addAndGet(-bytes);
  }

  /** Heap bytes reserved by the statement right now, all instances (0 after every operator closed). */
  public long heapBytes() {
    return heapBytes.get();
  }
}
