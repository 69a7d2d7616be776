package dev.quaver.storage.lsm;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.lsm.compaction.CompactionFilter;
import dev.quaver.storage.lsm.sst.SstMeta;
import dev.quaver.storage.lsm.sst.SstWriter;
import dev.quaver.storage.lsm.wal.LogFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The background thread that turns frozen memtables into L0 SSTables, oldest first: write and
 * fsync the file, append the new version and flush point to the manifest, drop the memtable from
 * reads, then delete the WAL segments the flush made redundant. Writes continue meanwhile into
 * the new active memtable. A failure stops the store (writers get an error; reads continue).
 *
 * <p>Thread safety: one flushing thread; {@link #wakeUp}, {@link #awaitIdle} and {@link #stop}
 * may be called from any thread.
 */
final class MemtableFlusher {
  private static final System.Logger LOG = System.getLogger(MemtableFlusher.class.getName());
  private static final byte[] EMPTY = new byte[0];

  private final LsmStore store;
  private final Thread thread;
  private final java.util.concurrent.atomic.AtomicLong bytesFlushed =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean stopped;

  MemtableFlusher(LsmStore store) {
    this.store = store;
    this.thread = new Thread(this::run, "quaver-lsm-flush");
    this.thread.setDaemon(true);
  }

  long bytesFlushed() {
    return bytesFlushed.get();
  }

  void start() {
    thread.start();
  }

  void wakeUp() {
    synchronized (store.stateLock()) {
      store.stateLock().notifyAll();
    }
  }

  /** Waits until no frozen memtable remains; throws if the background work failed. */
  void awaitIdle(Throwable ignoredEarlierFailure) {
    synchronized (store.stateLock()) {
      while (!store.memtables().frozen().isEmpty()) {
        Throwable failure = store.failure();
        if (failure != null) {
          throw new QuaverException(ErrorCode.IO_ERROR, "flush failed: " + failure.getMessage(), failure);
        }
        try {
          store.stateLock().wait(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new QuaverException(ErrorCode.QUERY_CANCELED, "interrupted while waiting for a flush");
        }
      }
    }
  }

  void stop() {
    stopped = true;
    wakeUp();
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (!stopped && store.failure() == null) {
      ImmutableMemtable oldest;
      synchronized (store.stateLock()) {
        List<ImmutableMemtable> frozen = store.memtables().frozen();
        oldest = frozen.isEmpty() ? null : frozen.get(frozen.size() - 1);
        if (oldest == null) {
          try {
            store.stateLock().wait(100);
          } catch (InterruptedException e) {
            return;
          }
          continue;
        }
      }
      try {
        flush(oldest);
      } catch (Throwable e) {
        store.fail(e);
        return;
      }
    }
  }

  private void flush(ImmutableMemtable frozen) throws IOException {
    long started = System.nanoTime();
    VersionSet versions = store.versions();
    SstMeta written = null;
    if (!frozen.table().isEmpty()) {
      long number = versions.newFileNumber();
      Path path = versions.filePath(number);
      try (SstWriter writer = new SstWriter(path, number, null);
          CompactionFilter versionsToKeep = new CompactionFilter(
              frozen.table().iterator(EMPTY, null), store.horizon(), false)) {
        while (versionsToKeep.next()) {
          writer.add(versionsToKeep.key(), versionsToKeep.sequence(), versionsToKeep.value());
        }
        written = writer.entries() == 0 ? null : writer.finish();
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(path);
        throw e;
      }
      if (written == null) {
        Files.deleteIfExists(path);
      }
    }
    SstMeta file = written;
    if (file != null) {
      bytesFlushed.addAndGet(file.fileSize());
    }
    ManifestState point = new ManifestState(0, frozen.lastSequence(), frozen.nextLogSegment(),
        frozen.catalog(), frozen.rowIds(), List.of());
    Version installed = versions.logAndApply(current -> {
      List<List<SstMeta>> levels = current.mutableLevels();
      if (file != null) {
        levels.get(0).add(0, file);
      }
      return levels;
    }, point);
    store.flushed(frozen);
    deleteSegmentsBelow(frozen.nextLogSegment());
    LOG.log(System.Logger.Level.DEBUG, () -> String.format("flushed %s in %d ms; now %s",
        file, (System.nanoTime() - started) / 1_000_000, installed));
  }

  private void deleteSegmentsBelow(long segment) throws IOException {
    try (Stream<Path> files = Files.list(store.walDirectory())) {
      for (Path f : (Iterable<Path>) files::iterator) {
        long number = LogFormat.segmentNumber(f);
        if (number >= 0 && number < segment) {
          store.recycleLogSegment(f);
        }
      }
    }
  }
}
