package dev.quaver.storage.lsm;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.StorageConfig.SyncMode;
import dev.quaver.storage.io.ByteReader;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.storage.lsm.wal.LogFormat;
import dev.quaver.storage.lsm.wal.LogReader;
import dev.quaver.storage.lsm.wal.LogWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The LSM key-value store of one data directory: the WAL, the memtable and the sequence numbers
 * that give snapshots. A commit is {@link #write} (under the caller's commit lock: assign the
 * next sequence, append one WAL record, apply it to the memtable) and then {@link #finish}
 * (outside the lock: wait for durability as the sync mode says, then publish the sequence so
 * readers see it). Readers use only published sequences, so they never see half a commit.
 *
 * <p>TODO(#4): immutable memtables, flush to SSTables, manifest, WAL segment deletion; reads then
 * merge the memtables and SSTables behind the same {@link #get}/{@link #scan} methods.
 *
 * <p>Thread safety: {@link #write} requires the caller's commit lock (one writer at a time);
 * everything else may be called concurrently.
 */
public final class LsmStore implements AutoCloseable {
  /** What recovery found besides key-value writes. */
  public interface RecoveryListener {
    void onCatalog(byte[] state);

    void onRowId(long tableId, long nextRowId);
  }

  /** A written but not yet published commit. */
  public record PendingCommit(long sequence, long logPosition) {}

  private final Memtable memtable;
  private final LogWriter log;
  private final SyncMode syncMode;
  private final AtomicLong visibleSequence = new AtomicLong();
  private final ScheduledExecutorService syncer;
  private long lastSequence; // guarded by the caller's commit lock
  private volatile IOException failure;

  private LsmStore(Path walDirectory, long nextSegment, Memtable memtable, long lastSequence,
      SyncMode syncMode, long syncIntervalMillis, long segmentBytes) throws IOException {
    this.memtable = memtable;
    this.log = new LogWriter(walDirectory, nextSegment, segmentBytes);
    this.syncMode = syncMode;
    this.lastSequence = lastSequence;
    this.visibleSequence.set(lastSequence);
    if (syncMode == SyncMode.INTERVAL) {
      syncer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quaver-wal-sync");
        thread.setDaemon(true);
        return thread;
      });
      long interval = Math.max(1, syncIntervalMillis);
      syncer.scheduleWithFixedDelay(this::backgroundSync, interval, interval, TimeUnit.MILLISECONDS);
    } else {
      syncer = null;
    }
  }

  /** Opens the store in {@code walDirectory}, replaying every segment into the memtable. */
  public static LsmStore open(Path walDirectory, SyncMode syncMode, long syncIntervalMillis,
      long segmentBytes, RecoveryListener listener) throws IOException {
    if (!Files.isDirectory(walDirectory)) {
      Files.createDirectories(walDirectory);
      LogWriter.syncDirectory(walDirectory.toAbsolutePath().getParent());
    }
    List<Path> segments = new ArrayList<>();
    try (Stream<Path> files = Files.list(walDirectory)) {
      files.filter(f -> LogFormat.segmentNumber(f) >= 0).sorted().forEach(segments::add);
    }
    Memtable replayed = new SkipListMemtable();
    long lastSequence = 0;
    for (int i = 0; i < segments.size(); i++) {
      lastSequence = replay(segments.get(i), i == segments.size() - 1, replayed, lastSequence,
          listener);
    }
    long nextSegment = segments.isEmpty() ? 1 : LogFormat.segmentNumber(segments.get(segments.size() - 1)) + 1;
    return new LsmStore(walDirectory, nextSegment, replayed, lastSequence, syncMode,
        syncIntervalMillis, segmentBytes);
  }

  public Memtable memtable() {
    return memtable;
  }

  /** The newest published sequence: a snapshot that sees every finished commit. */
  public long visibleSequence() {
    return visibleSequence.get();
  }

  /** The newest written sequence. Requires: the caller's commit lock. */
  public long lastSequence() {
    return lastSequence;
  }

  /** The value of {@code key} at {@code snapshot}, or null if absent or deleted. */
  public byte[] get(byte[] key, long snapshot) {
    byte[] value = memtable.get(key, snapshot);
    return value == Memtable.TOMBSTONE ? null : value;
  }

  public long latestSequence(byte[] key) {
    return memtable.latestSequence(key);
  }

  public Cursor scan(byte[] from, byte[] to, long snapshot) {
    return memtable.scan(from, to, snapshot);
  }

  /**
   * Assigns the next sequence, appends the WAL record and applies {@code writes} to the
   * memtable. Not yet visible to readers: call {@link #finish}.
   *
   * <p>Requires: the caller holds its commit lock, so sequences reach the log in order.
   */
  public PendingCommit write(WriteSet writes) {
    checkHealthy();
    long sequence = lastSequence + 1;
    ByteWriter record = writes.encode(sequence);
    long position;
    try {
      position = log.append(LogFormat.TYPE_COMMIT, record.array(), record.size());
    } catch (IOException e) {
      failure = e;
      throw ioError("cannot append to the WAL", e);
    }
    writes.applyTo(memtable, sequence);
    lastSequence = sequence;
    return new PendingCommit(sequence, position);
  }

  /**
   * Waits until the commit is durable as the sync mode says ({@code forceSync} always fsyncs, for
   * DDL), then publishes it. Call without holding the commit lock so committers share fsyncs.
   */
  public void finish(PendingCommit commit, boolean forceSync) {
    try {
      if (forceSync || syncMode == SyncMode.COMMIT) {
        log.syncTo(commit.logPosition());
      } else {
        log.flushTo(commit.logPosition()); // survives a process crash, not an OS crash
      }
    } catch (IOException e) {
      failure = e;
      throw ioError("cannot write the WAL", e);
    }
    visibleSequence.accumulateAndGet(commit.sequence(), Math::max);
  }

  @Override
  public void close() throws IOException {
    if (syncer != null) {
      syncer.shutdownNow();
    }
    log.close();
  }

  private static long replay(Path segment, boolean isNewest, Memtable memtable, long lastSequence,
      RecoveryListener listener) throws IOException {
    LogReader reader = new LogReader(segment, isNewest);
    while (reader.next()) {
      WriteSet writes = new WriteSet();
      long sequence;
      try {
        sequence = WriteSet.decode(new ByteReader(reader.buffer(), reader.payloadOffset(),
            reader.payloadLength()), writes);
      } catch (RuntimeException e) {
        throw reader.corrupt(reader.recordOffset(), "malformed commit payload: " + e.getMessage());
      }
      if (sequence <= lastSequence) {
        throw reader.corrupt(reader.recordOffset(),
            "sequence " + sequence + " does not follow " + lastSequence);
      }
      writes.applyTo(memtable, sequence);
      if (writes.catalogState() != null) {
        listener.onCatalog(writes.catalogState());
      }
      for (long[] rowId : writes.rowIds()) {
        listener.onRowId(rowId[0], rowId[1]);
      }
      lastSequence = sequence;
    }
    if (reader.hasTornTail()) {
      truncate(segment, reader.validLength());
    }
    return lastSequence;
  }

  /** Drops a torn tail so that new records never follow garbage. */
  private static void truncate(Path segment, long length) throws IOException {
    if (length < LogFormat.SEGMENT_HEADER_BYTES) {
      Files.delete(segment);
      LogWriter.syncDirectory(segment.getParent());
      return;
    }
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      file.setLength(length);
      file.getFD().sync();
    }
  }

  private void backgroundSync() {
    try {
      log.sync();
    } catch (IOException e) {
      failure = e;
    }
  }

  private void checkHealthy() {
    IOException e = failure;
    if (e != null) {
      throw ioError("the WAL failed earlier; restart to recover", e);
    }
  }

  private static QuaverException ioError(String what, IOException e) {
    return new QuaverException(ErrorCode.IO_ERROR, what + ": " + e.getMessage(), e);
  }
}
