package dev.quaver.storage.etl;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.ChangeLog;
import dev.quaver.storage.columnar.ColumnarStore;
import dev.quaver.storage.columnar.ColumnarVersion;
import dev.quaver.storage.lsm.Cursor;
import dev.quaver.storage.lsm.LsmStore;
import dev.quaver.storage.row.KeySpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The ETL service of one engine: runs {@link EtlRunner} for a table on demand
 * ({@link #run}), after every commit when {@link EtlOptions.Mode#FORCED}, and from a daemon
 * thread that every {@link EtlOptions#intervalMillis} runs it for each table whose delta reached
 * {@link EtlOptions#thresholdRows} (mode BACKGROUND). Writers never wait for it. Beside it (modes
 * BACKGROUND and DISABLED) a {@link DeltaRefresher} precomputes, after bursts of commits, what the
 * next columnar scan needs beyond the segments.
 *
 * <p>Thread safety: safe for concurrent use; one run per table at a time (a lock per table).
 */
public final class Etl implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Etl.class.getName());

  private final LsmStore store;
  private final ColumnarStore columnar;
  private final EtlHost host;
  private final EtlOptions options;
  private final Path spillDirectory;
  private final BufferAllocator allocator = new RootAllocator();
  private final EtlRunner runner;
  private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final Map<Long, EtlResult> lastResults = new ConcurrentHashMap<>();
  /** Per table, the sequence at which the daemon last found its delta below the threshold. */
  private final Map<Long, Long> checkedAt = new ConcurrentHashMap<>();
  private final Thread daemon;
  private final DeltaRefresher refresher;
  private volatile boolean closed;

  public Etl(LsmStore store, ColumnarStore columnar, EtlHost host, EtlOptions options,
      Path spillDirectory) {
    this.store = store;
    this.columnar = columnar;
    this.host = host;
    this.options = options;
    this.spillDirectory = spillDirectory;
    deleteQuietly(spillDirectory); // runs of a crashed process
    this.runner = new EtlRunner(store, columnar, host, options, spillDirectory, allocator);
    // FORCED mode leaves no delta after a commit: nothing to precompute
    this.refresher = new DeltaRefresher(store, columnar, host, DeltaRefreshOptions.defaults(),
        allocator, options.mode() != EtlOptions.Mode.FORCED);
    if (options.mode() == EtlOptions.Mode.BACKGROUND) {
      daemon = new Thread(this::loop, "quaver-etl");
      daemon.setDaemon(true);
      daemon.start();
    } else {
      daemon = null;
    }
  }

  public EtlOptions options() {
    return options;
  }

  /** Runs the ETL of {@code table} now (waits for a run in progress), e.g. for OPTIMIZE TABLE. */
  public EtlResult run(TableDef table) {
    ReentrantLock lock = locks.computeIfAbsent(table.id(), id -> new ReentrantLock());
    lock.lock();
    try {
      return runLocked(table);
    } finally {
      lock.unlock();
    }
  }

  /** In FORCED mode, runs the ETL of each of these tables (the committing thread waits). */
  public void afterCommit(Set<Long> tableIds) {
    if (options.mode() != EtlOptions.Mode.FORCED || closed) {
      return;
    }
    for (long tableId : tableIds) {
      host.table(tableId).ifPresent(this::run);
    }
  }

  /**
   * Runs the delta's background step for {@code table} now, in the calling thread: its cached
   * superseded rows and changed rows brought up to the visible sequence (tests; a daemon does it
   * after bursts of commits unless {@code -Dquaver.columnar.deltaRefresh=false}).
   */
  public ColumnarStore.Precomputed refreshDelta(TableDef table) {
    return refresher.refresh(table);
  }

  /** The last run of each table since the engine opened. */
  public Optional<EtlResult> lastResult(long tableId) {
    return Optional.ofNullable(lastResults.get(tableId));
  }

  /**
   * Rows of {@code table} changed since its watermark (row-store rows when it has no columnar
   * version yet), counting at most {@code limit}.
   */
  public long deltaRows(TableDef table, long limit) {
    Optional<ColumnarVersion> version = columnar.version(table.id());
    long snapshot = store.visibleSequence();
    byte[] from;
    byte[] to;
    if (version.isPresent()) {
      if (version.get().watermark() >= snapshot) {
        return 0;
      }
      from = ChangeLog.from(table.id(), version.get().watermark() + 1);
      to = ChangeLog.tableEnd(table.id());
    } else {
      from = KeySpace.tableStart(table.id());
      to = KeySpace.tableEnd(table.id());
    }
    long count = 0;
    try (Cursor cursor = store.scan(from, to, snapshot)) {
      while (count < limit && cursor.next()) {
        count++;
      }
    }
    return count;
  }

  private EtlResult runLocked(TableDef table) {
    if (closed) {
      throw new QuaverException(ErrorCode.ADMIN_SHUTDOWN, "storage is closed");
    }
    try {
      EtlResult result = runner.run(table);
      refresher.request(); // the new version's delta (commits during the run) is not cached
      if (result.rowsWritten() > 0 || !lastResults.containsKey(table.id())) {
        lastResults.put(table.id(), result);
      }
      if (result.rowsWritten() > 0) {
        host.afterEtl(table, result);
      }
      return result;
    } catch (IOException e) {
      throw new QuaverException(ErrorCode.IO_ERROR, "ETL of table " + table.name()
          + " failed: " + e.getMessage(), e);
    }
  }

  private void loop() {
    while (!closed) {
      try {
        Thread.sleep(options.intervalMillis());
      } catch (InterruptedException e) {
        return;
      }
      for (TableDef table : host.tables()) {
        if (closed) {
          return;
        }
        ReentrantLock lock = locks.computeIfAbsent(table.id(), id -> new ReentrantLock());
        if (!lock.tryLock()) {
          continue;
        }
        try {
          long sequence = store.visibleSequence();
          if (checkedAt.getOrDefault(table.id(), -1L) == sequence) {
            continue; // nothing was committed since the last look
          }
          if (deltaRows(table, options.thresholdRows()) >= options.thresholdRows()) {
            runLocked(table);
            checkedAt.remove(table.id());
          } else {
            checkedAt.put(table.id(), sequence);
          }
        } catch (RuntimeException e) {
          if (!closed) {
            LOG.log(System.Logger.Level.WARNING, "background ETL of table " + table.name()
                + " failed (it is retried): " + e.getMessage(), e);
          }
        } finally {
          lock.unlock();
        }
      }
    }
  }

  /** Stops the daemon and waits for runs in progress. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    refresher.close();
    if (daemon != null) {
      daemon.interrupt();
      try {
        daemon.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (ReentrantLock lock : locks.values()) {
      lock.lock(); // a run on demand finishes first
      lock.unlock();
    }
    allocator.close();
    deleteQuietly(spillDirectory);
  }

  private static void deleteQuietly(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot delete " + directory + ": " + e);
    }
  }
}
