package dev.quaver.storage.etl;

import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.ColumnarStore;
import dev.quaver.storage.lsm.LsmStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The background step of the columnar delta (docs/columnar.md "Precomputed superseded rows"):
 * a daemon thread that watches the store's visible sequence and, once a burst of commits has gone
 * quiet for {@link DeltaRefreshOptions#quietMillis} (or every
 * {@link DeltaRefreshOptions#maxDelayMillis} under a steady stream), asks
 * {@link ColumnarStore#precompute} for every table with a columnar version to bring its cached
 * superseded rows and decoded changed rows up to that sequence. The first scan after a burst then
 * finds them ready and only extends them by the commits since (usually none).
 *
 * <p>It only reads: it takes no commit lock and no ETL lock, so writers and ETL runs never wait
 * for it; a result for a version an ETL replaced meanwhile is dropped ({@code precompute} cancels
 * itself when it sees the new version). Its snapshot is pinned while it reads. Close stops it
 * at the next cancellation check (no interrupt: an interrupt would close the store's file
 * channels).
 *
 * <p>Thread safety: safe for concurrent use; {@link #refresh} may run beside the daemon (both
 * only install results newer than the cached one).
 */
final class DeltaRefresher implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DeltaRefresher.class.getName());

  /** What the step has done since the engine opened: for the benchmark and SYS views. */
  record Stats(long runs, long computed, long cpuNanos) {}

  private final LsmStore store;
  private final ColumnarStore columnar;
  private final EtlHost host;
  private final DeltaRefreshOptions options;
  private final BufferAllocator allocator;
  private final Object wakeUp = new Object();
  private final AtomicLong runs = new AtomicLong();
  private final AtomicLong computed = new AtomicLong();
  private final AtomicLong cpuNanos = new AtomicLong();
  private final Thread thread;
  private volatile boolean closed;
  private volatile boolean requested;

  DeltaRefresher(LsmStore store, ColumnarStore columnar, EtlHost host,
      DeltaRefreshOptions options, BufferAllocator allocator, boolean daemon) {
    this.store = store;
    this.columnar = columnar;
    this.host = host;
    this.options = options;
    this.allocator = allocator;
    if (daemon && options.enabled()) {
      thread = new Thread(this::loop, "quaver-delta-refresh");
      thread.setDaemon(true);
      thread.start();
    } else {
      thread = null;
    }
  }

  /**
   * Brings the cached state of {@code table} up to the visible sequence now, in the calling
   * thread (tests; the daemon does the same for every table).
   */
  ColumnarStore.Precomputed refresh(TableDef table) {
    long snapshot = store.visibleSequence();
    Runnable unpin = store.snapshots().register(snapshot);
    try {
      return columnar.precompute(table, snapshot, store, allocator, () -> closed,
          options.maxRows());
    } finally {
      unpin.run();
    }
  }

  Stats stats() {
    return new Stats(runs.get(), computed.get(), cpuNanos.get());
  }

  private void loop() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
    long quietNanos = options.quietMillis() * 1_000_000L;
    long maxDelayNanos = options.maxDelayMillis() * 1_000_000L;
    long seen = -1; // forces a first pass: a reopened store may hold deltas already
    long lastChange = System.nanoTime();
    long pendingSince = -1;
    while (!closed) {
      synchronized (wakeUp) {
        try {
          wakeUp.wait(options.pollMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
      long now = System.nanoTime();
      long visible = store.visibleSequence();
      if (requested) { // an ETL published a version: its delta since the watermark is unknown
        requested = false;
        seen = -1;
      }
      if (visible != seen) {
        seen = visible;
        lastChange = now;
        if (pendingSince < 0) {
          pendingSince = now;
        }
      }
      if (closed || pendingSince < 0
          || (now - lastChange < quietNanos && now - pendingSince < maxDelayNanos)) {
        continue;
      }
      if (!switchedOn()) {
        continue; // switched off at run time: the pending burst is skipped
      }
      pendingSince = -1;
      long cpuBefore = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
      if (!refreshAll(visible)) { // a table's run was cancelled by a new version: again soon
        pendingSince = now;
        lastChange = now;
      }
      if (cpuTimed) {
        cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuBefore);
      }
      runs.incrementAndGet();
    }
  }

  /**
   * {@code quaver.columnar.deltaRefresh} read again at every run, so a running engine can switch
   * the step off and on (the benchmark's before/after in one process).
   */
  private static boolean switchedOn() {
    return Boolean.parseBoolean(System.getProperty("quaver.columnar.deltaRefresh", "true"));
  }

  /** Runs the step for every table at {@code snapshot}; false when one should be run again. */
  private boolean refreshAll(long snapshot) {
    Runnable unpin = store.snapshots().register(snapshot);
    boolean complete = true;
    try {
      for (TableDef table : host.tables()) {
        if (closed) {
          return true;
        }
        if (columnar.precomputedSnapshot(table.id()) >= snapshot) {
          continue;
        }
        try {
          ColumnarStore.Precomputed outcome = columnar.precompute(table, snapshot, store,
              allocator, () -> closed, options.maxRows());
          if (outcome == ColumnarStore.Precomputed.COMPUTED) {
            computed.incrementAndGet();
          } else if (outcome == ColumnarStore.Precomputed.CANCELLED) {
            complete = false;
          }
        } catch (RuntimeException e) {
          if (!closed) {
            LOG.log(System.Logger.Level.WARNING, "precomputing the delta of table " + table.name()
                + " failed (the next scan computes it): " + e.getMessage(), e);
          }
        }
      }
    } finally {
      unpin.run();
    }
    return complete;
  }

  /**
   * Asks for a run soon although no commit was seen: after an ETL published a new version, whose
   * delta (the commits made while it ran) nobody has computed.
   */
  void request() {
    requested = true;
  }

  /** Stops the daemon: it notices at its next poll or cancellation check. */
  @Override
  public void close() {
    closed = true;
    if (thread != null) {
      synchronized (wakeUp) {
        wakeUp.notifyAll();
      }
      try {
        thread.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
