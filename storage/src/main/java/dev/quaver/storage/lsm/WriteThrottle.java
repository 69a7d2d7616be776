package dev.quaver.storage.lsm;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Slows writers when background work falls behind, gradually and never forever:
 *
 * <ul>
 *   <li>more frozen memtables than {@code maxImmutableMemtables}: wait for the flusher, at most
 *       {@link #MAX_WAIT_NANOS} per write;
 *   <li>L0 at or above {@code l0StopTrigger} files: wait for compaction, at most
 *       {@link #MAX_WAIT_NANOS};
 *   <li>L0 at or above {@code l0SlowdownTrigger}: delay each write by 100 µs per file over the
 *       trigger (up to 2 ms).
 * </ul>
 *
 * Delays are counted and reported in the log at most every 5 seconds. The waits need no lock the
 * background threads take, so they cannot deadlock.
 *
 * <p>Thread safety: called by the single writer holding the commit lock.
 */
final class WriteThrottle {
  private static final System.Logger LOG = System.getLogger(WriteThrottle.class.getName());
  static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final LsmOptions options;
  private final VersionSet versions;
  private final LsmStore store;
  private long delayedWrites;
  private long delayNanos;
  private long lastReport = System.nanoTime();

  WriteThrottle(LsmOptions options, VersionSet versions, LsmStore store) {
    this.options = options;
    this.versions = versions;
    this.store = store;
  }

  void beforeWrite() {
    long start = System.nanoTime();
    boolean throttled = false;
    if (store.frozenCount() > options.maxImmutableMemtables()) {
      throttled = true;
      synchronized (store.stateLock()) {
        while (store.frozenCount() > options.maxImmutableMemtables()
            && System.nanoTime() - start < MAX_WAIT_NANOS && store.failure() == null) {
          waitOn(store.stateLock());
        }
      }
    }
    int l0 = versions.current().level(0).size();
    if (l0 >= options.l0StopTrigger()) {
      throttled = true;
      while (versions.current().level(0).size() >= options.l0StopTrigger()
          && System.nanoTime() - start < MAX_WAIT_NANOS && store.failure() == null) {
        store.compactor().wakeUp();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
    } else if (l0 >= options.l0SlowdownTrigger()) {
      throttled = true;
      long delay = Math.min(2_000_000L, 100_000L * (l0 - options.l0SlowdownTrigger() + 1));
      LockSupport.parkNanos(delay);
    }
    if (throttled) {
      long waited = System.nanoTime() - start;
      delayedWrites++;
      delayNanos += waited;
      if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(5)) {
        LOG.log(System.Logger.Level.WARNING, String.format(
            "write slowdown: %d writes delayed %d ms in total (L0 %d files, %d frozen memtables)",
            delayedWrites, delayNanos / 1_000_000, versions.current().level(0).size(),
            store.frozenCount()));
        lastReport = System.nanoTime();
        delayedWrites = 0;
        delayNanos = 0;
      }
    }
  }

  private static void waitOn(Object monitor) {
    try {
      monitor.wait(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuaverException(ErrorCode.QUERY_CANCELED, "interrupted while waiting for a flush");
    }
  }
}
