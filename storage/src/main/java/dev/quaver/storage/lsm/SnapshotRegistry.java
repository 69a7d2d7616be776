package dev.quaver.storage.lsm;

import java.util.ArrayDeque;
import java.util.TreeMap;

/**
 * The snapshots readers are using, so that flushes and compactions keep every version they may
 * still read. {@link #horizon} is the oldest sequence anyone may read at: the smallest registered
 * snapshot, and no newer than the visible sequence of {@code graceMillis} ago — a snapshot handed
 * out by {@code currentSnapshot()} but not yet registered by a scan is covered by the grace.
 * Versions older than the newest version at or below the horizon are garbage.
 *
 * <p>Thread safety: all methods are synchronized (registrations are short).
 */
public final class SnapshotRegistry {
  private final TreeMap<Long, Integer> live = new TreeMap<>();
  private final ArrayDeque<long[]> samples = new ArrayDeque<>(); // {nanoTime, visibleSequence}
  private final long graceNanos;

  public SnapshotRegistry(long graceMillis) {
    this.graceNanos = graceMillis * 1_000_000L;
  }

  /** Pins {@code sequence}; the returned handle unpins it (once, however often it is run). */
  public Runnable register(long sequence) {
    synchronized (this) {
      live.merge(sequence, 1, Integer::sum);
    }
    boolean[] released = {false};
    return () -> {
      synchronized (this) {
        if (!released[0]) {
          released[0] = true;
          live.computeIfPresent(sequence, (k, n) -> n == 1 ? null : n - 1);
        }
      }
    };
  }

  public synchronized int liveCount() {
    return live.size();
  }

  /** The oldest sequence a reader may use, given the currently visible sequence. */
  public synchronized long horizon(long visibleSequence) {
    long now = System.nanoTime();
    if (samples.isEmpty() || now - samples.peekLast()[0] > graceNanos / 8) {
      samples.addLast(new long[] {now, visibleSequence});
    }
    long bound = graceNanos == 0 ? visibleSequence : 0;
    while (!samples.isEmpty() && now - samples.peekFirst()[0] >= graceNanos) {
      long[] sample = samples.pollFirst();
      bound = Math.max(bound, sample[1]);
      if (samples.isEmpty() || now - samples.peekFirst()[0] < graceNanos) {
        samples.addFirst(sample); // keep the newest sample old enough
        break;
      }
    }
    if (!live.isEmpty()) {
      bound = Math.min(bound, live.firstKey());
    }
    return Math.min(bound, visibleSequence);
  }
}
