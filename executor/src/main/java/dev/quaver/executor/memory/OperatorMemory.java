package dev.quaver.executor.memory;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.operator.ExecutionContext;

/**
 * The heap bytes one operator holds (hash table, sort buffer), reserved in the statement's
 * ExecutionContext so the query memory limit covers them. The operator's share is a fixed
 * fraction of the query memory limit (of its fragment instance's part of it, see
 * {@code ExecutionContext.operatorMemoryBytes}; {@link #SHARE_DIVISOR}): several spilling operators of
 * one plan can all stay in memory at once, and Arrow batches in flight have room too. When
 * {@link #overShare()} the operator spills; when even the limit is exceeded the reservation
 * fails with OUT_OF_MEMORY (53200) naming the operator.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class OperatorMemory implements AutoCloseable {
  /** An operator's share is the query memory limit divided by this. */
  public static final long SHARE_DIVISOR = 4;

  private final ExecutionContext context;
  private final String operator;
  private final long share;
  private long reserved;

  public OperatorMemory(ExecutionContext context, String operator) {
    this.context = context;
    this.operator = operator;
    this.share = Math.max(1, context.operatorMemoryBytes() / SHARE_DIVISOR);
  }

  /** Reserves {@code bytes} more; OUT_OF_MEMORY when the query limit would be exceeded. */
  public void reserve(long bytes) {
    try {
      context.reserveHeap(bytes);
    } catch (QuaverException e) {
      if (e.code() != ErrorCode.OUT_OF_MEMORY) {
        throw e;
      }
      throw outOfMemory("");
    }
    reserved += bytes;
  }

  /** Gives back {@code bytes} of what was reserved. */
  public void release(long bytes) {
    long amount = Math.min(bytes, reserved);
    context.releaseHeap(amount);
    reserved -= amount;
  }

  /** True when the operator holds more than its share and should spill. */
  public boolean overShare() {
    return reserved > share;
  }

  public long reserved() {
    return reserved;
  }

  public long share() {
    return share;
  }

  /** The 53200 error for when spilling cannot help; {@code why} is appended (may be empty). */
  public QuaverException outOfMemory(String why) {
    return QuaverException.of(ErrorCode.OUT_OF_MEMORY,
        "%s needs more than the query memory limit of %d bytes (%d bytes held by it)%s",
        operator, context.memoryLimitBytes(), reserved, why.isEmpty() ? "" : ": " + why);
  }

  /** Releases everything reserved. */
  @Override
  public void close() {
    context.releaseHeap(reserved);
    reserved = 0;
  }
}
