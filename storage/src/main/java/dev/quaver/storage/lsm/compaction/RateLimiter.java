package dev.quaver.storage.lsm.compaction;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Limits compaction's write rate so that foreground commits keep the disk: a token bucket of one
 * second's worth of bytes, refilled continuously; {@link #acquire} sleeps when it is empty.
 * A rate of 0 means unlimited.
 *
 * <p>Thread safety: used by the compaction thread only.
 */
public final class RateLimiter {
  private final long bytesPerSecond;
  private double available;
  private long last = System.nanoTime();

  public RateLimiter(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
    this.available = bytesPerSecond;
  }

  public void acquire(long bytes) {
    if (bytesPerSecond <= 0) {
      return;
    }
    long now = System.nanoTime();
    available = Math.min(bytesPerSecond, available + (now - last) * bytesPerSecond / 1e9);
    last = now;
    available -= bytes;
    if (available < 0) {
      long sleep = (long) (-available * 1e9 / bytesPerSecond);
      LockSupport.parkNanos(Math.min(sleep, TimeUnit.SECONDS.toNanos(1)));
    }
  }
}
