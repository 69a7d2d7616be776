package dev.quaver.storage.lsm;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.StorageConfig.SyncMode;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.storage.lsm.compaction.Compactor;
import dev.quaver.storage.lsm.sst.BlockCache;
import dev.quaver.storage.lsm.sst.SstMeta;
import dev.quaver.storage.lsm.sst.SstReader;
import dev.quaver.storage.lsm.wal.LogFormat;
import dev.quaver.storage.lsm.wal.LogWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The LSM key-value store of one data directory: WAL, active and frozen memtables, SSTables by
 * level ({@link VersionSet}), and the sequence numbers that give snapshots. A commit is
 * {@link #write} (under the caller's commit lock: assign the next sequence, append one WAL
 * record, apply it to the active memtable, freeze the memtable if it is full) and then
 * {@link #finish} (outside the lock: wait for durability as the sync mode says, then publish the
 * sequence so readers see it). Readers use only published sequences, so they never see half a
 * commit. A frozen memtable is flushed to an L0 SSTable by the {@link MemtableFlusher}; the
 * {@link Compactor} merges levels. Reads merge all of them ({@link #get}, {@link #scan}).
 *
 * <p>Thread safety: {@link #write} requires the caller's commit lock (one writer at a time);
 * everything else may be called concurrently. {@code memtables} is replaced under
 * {@code stateLock} and read without it.
 */
public final class LsmStore implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LsmStore.class.getName());

  /** What recovery found besides key-value writes. */
  public interface RecoveryListener {
    void onCatalog(byte[] state);

    void onRowId(long tableId, long nextRowId);
  }

  /** A written but not yet published commit. */
  public record PendingCommit(long sequence, long logPosition) {}

  /** The memtables readers merge: the active one and the frozen ones, newest first. */
  record Memtables(Memtable active, List<ImmutableMemtable> frozen) {}

  private final Path walDirectory;
  private final LogWriter log;
  private final SyncMode syncMode;
  private final LsmOptions options;
  private final VersionSet versions;
  private final SnapshotRegistry snapshots;
  private final BlockCache cache;
  private final AtomicLong visibleSequence = new AtomicLong();
  private final ScheduledExecutorService syncer;
  private final Object stateLock = new Object();
  private final WriteThrottle throttle;
  private final MemtableFlusher flusher;
  private final Compactor compactor;
  private volatile Memtables memtables;
  private long lastSequence; // guarded by the caller's commit lock
  private static final int INITIAL_RECORD_BUFFER = 64 << 10;
  private static final int MAX_KEPT_RECORD_BUFFER = 4 << 20;
  /** Every commit's WAL record is encoded here (the log copies it); guarded by the commit lock. */
  private ByteWriter recordBuffer = new ByteWriter(INITIAL_RECORD_BUFFER);
  private byte[] catalog; // guarded by the caller's commit lock
  private final Map<Long, Long> rowIds; // guarded by the caller's commit lock
  private volatile Throwable failure;

  LsmStore(Recovery recovered, SyncMode syncMode, long syncIntervalMillis, LsmOptions options)
      throws IOException {
    this.walDirectory = recovered.walDirectory();
    this.options = options;
    this.versions = recovered.versions();
    this.cache = recovered.cache();
    this.syncMode = syncMode;
    this.lastSequence = recovered.lastSequence();
    this.catalog = recovered.catalog();
    this.rowIds = new HashMap<>(recovered.rowIds());
    this.visibleSequence.set(lastSequence);
    this.memtables = new Memtables(recovered.memtable(), List.of());
    this.snapshots = new SnapshotRegistry(options.snapshotGraceMillis());
    this.log = new LogWriter(walDirectory, recovered.nextSegment(), options.walSegmentBytes());
    this.flusher = new MemtableFlusher(this);
    this.compactor = new Compactor(versions, options, this::horizon, this::fail);
    this.throttle = new WriteThrottle(options, versions, this);
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
    flusher.start();
    compactor.start();
  }

  /**
   * Opens the store of {@code dataDirectory} ({@code wal/} and {@code lsm/}): reads the manifest,
   * opens its SSTables and replays the WAL segments it does not cover into the memtable.
   */
  public static LsmStore open(Path dataDirectory, SyncMode syncMode, long syncIntervalMillis,
      LsmOptions options, RecoveryListener listener) throws IOException {
    Recovery recovered = Recovery.run(dataDirectory, options, listener);
    try {
      return new LsmStore(recovered, syncMode, syncIntervalMillis, options);
    } catch (IOException | RuntimeException e) {
      recovered.versions().close();
      throw e;
    }
  }

  /** The newest published sequence: a snapshot that sees every finished commit. */
  public long visibleSequence() {
    return visibleSequence.get();
  }

  /** The newest written sequence. Requires: the caller's commit lock. */
  public long lastSequence() {
    return lastSequence;
  }

  public LsmOptions options() {
    return options;
  }

  public SnapshotRegistry snapshots() {
    return snapshots;
  }

  public VersionSet versions() {
    return versions;
  }

  public BlockCache blockCache() {
    return cache;
  }

  public Compactor compactor() {
    return compactor;
  }

  /** The value of {@code key} at {@code snapshot}, or null if absent or deleted. */
  public byte[] get(byte[] key, long snapshot) {
    SstReader.Found found = find(key, snapshot);
    return found == null || found.value() == Memtable.TOMBSTONE ? null : found.value();
  }

  /** Sequence number of the newest version of {@code key} (a deletion counts), or 0. */
  public long latestSequence(byte[] key) {
    SstReader.Found found = find(key, Long.MAX_VALUE);
    return found == null ? 0 : found.sequence();
  }

  /**
   * Live pairs in [from, to) at {@code snapshot}, merged over memtables and SSTables. The cursor
   * pins the snapshot and the files it reads until closed.
   */
  public Cursor scan(byte[] from, byte[] to, long snapshot) {
    Runnable unregister = snapshots.register(Math.min(snapshot, visibleSequence.get()));
    Memtables current = memtables; // read before the version: see #flushed
    Version version = versions.acquire();
    List<InternalIterator> sources = new ArrayList<>();
    try {
      sources.add(current.active().iterator(from, to));
      for (ImmutableMemtable frozen : current.frozen()) {
        sources.add(frozen.table().iterator(from, to));
      }
      byte[] last = to == null ? null : to;
      for (SstMeta file : version.level(0)) {
        if (file.overlaps(from, last)) {
          sources.add(versions.reader(file.fileNumber()).iterator(from, to));
        }
      }
      for (int level = 1; level < Version.LEVELS; level++) {
        List<SstMeta> files = new ArrayList<>();
        for (SstMeta file : version.level(level)) {
          if (file.overlaps(from, last)) {
            files.add(file);
          }
        }
        if (!files.isEmpty()) {
          sources.add(new LevelIterator(versions, files, from, to));
        }
      }
    } catch (RuntimeException e) {
      versions.release(version);
      unregister.run();
      throw e;
    }
    return new VisibleCursor(new MergingIterator(sources), snapshot, () -> {
      versions.release(version);
      unregister.run();
    });
  }

  /**
   * Assigns the next sequence, appends the WAL record and applies {@code writes} to the
   * memtable; freezes the memtable when it is full. Not yet visible to readers: call
   * {@link #finish}. Delays (gradually, bounded) when flushes or compactions fall behind.
   *
   * <p>Requires: the caller holds its commit lock, so sequences reach the log in order.
   */
  public PendingCommit write(WriteSet writes) {
    checkHealthy();
    throttle.beforeWrite();
    long sequence = lastSequence + 1;
    ByteWriter record = writes.encode(sequence, recordBuffer);
    long position;
    try {
      position = log.append(LogFormat.TYPE_COMMIT, record.array(), record.size());
    } catch (IOException e) {
      failure = e;
      throw ioError("cannot append to the WAL", e);
    }
    writes.applyTo(memtables.active(), sequence);
    if (writes.catalogState() != null) {
      catalog = writes.catalogState();
    }
    for (long[] rowId : writes.rowIds()) {
      rowIds.merge(rowId[0], rowId[1], Math::max);
    }
    lastSequence = sequence;
    if (record.array().length > MAX_KEPT_RECORD_BUFFER) {
      recordBuffer = new ByteWriter(INITIAL_RECORD_BUFFER); // an index build's record: let it go
    }
    if (memtables.active().approximateBytes() >= options.memtableBytes()) {
      freeze();
    }
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

  /**
   * Freezes the active memtable (if not empty) and waits until every frozen memtable is flushed.
   * Requires: the caller's commit lock (tests and shutdown use it).
   */
  public void flush() {
    if (!memtables.active().isEmpty()) {
      freeze();
    }
    flusher.awaitIdle(failure());
  }

  /** Bytes appended to the WAL, written by flushes, and written by compactions since open. */
  public record WriteStats(long walBytes, long flushBytes, long compactionBytes) {}

  public WriteStats writeStats() {
    return new WriteStats(log.appendedBytes(), flusher.bytesFlushed(), compactor.bytesWritten());
  }

  /** Frozen memtables awaiting a flush. */
  public int frozenCount() {
    return memtables.frozen().size();
  }

  @Override
  public void close() throws IOException {
    if (syncer != null) {
      syncer.shutdownNow();
    }
    flusher.stop();
    compactor.close();
    try {
      log.close();
    } finally {
      versions.close();
    }
  }

  Memtables memtables() {
    return memtables;
  }

  Object stateLock() {
    return stateLock;
  }

  Path walDirectory() {
    return walDirectory;
  }

  /** A WAL segment whose records are all flushed: its file is reused for a later segment or deleted. */
  void recycleLogSegment(Path segment) throws IOException {
    log.recycle(segment);
  }

  /** Called by the flusher after the manifest records {@code flushed}: drop it from reads. */
  void flushed(ImmutableMemtable flushed) {
    synchronized (stateLock) {
      Memtables current = memtables;
      List<ImmutableMemtable> frozen = new ArrayList<>(current.frozen());
      frozen.remove(flushed);
      memtables = new Memtables(current.active(), List.copyOf(frozen));
      stateLock.notifyAll();
    }
    compactor.wakeUp();
  }

  long horizon() {
    return snapshots.horizon(visibleSequence.get());
  }

  void fail(Throwable e) {
    if (failure == null) {
      failure = e;
    }
    LOG.log(System.Logger.Level.ERROR, "LSM background work failed: " + e, e);
    synchronized (stateLock) {
      stateLock.notifyAll();
    }
  }

  Throwable failure() {
    return failure;
  }

  /** Requires: the commit lock. */
  private void freeze() {
    long nextSegment;
    try {
      nextSegment = log.rotateSegment();
    } catch (IOException e) {
      failure = e;
      throw ioError("cannot rotate the WAL", e);
    }
    ImmutableMemtable frozen = new ImmutableMemtable(memtables.active(), lastSequence, nextSegment,
        catalog, Map.copyOf(rowIds));
    synchronized (stateLock) {
      List<ImmutableMemtable> list = new ArrayList<>();
      list.add(frozen);
      list.addAll(memtables.frozen());
      memtables = new Memtables(Memtable.create(), List.copyOf(list));
    }
    flusher.wakeUp();
  }

  /** The newest version of {@code key} at {@code snapshot} anywhere in the tree, or null. */
  private SstReader.Found find(byte[] key, long snapshot) {
    Memtables current = memtables;
    byte[] value = current.active().get(key, snapshot);
    if (value != null) {
      return new SstReader.Found(snapshot == Long.MAX_VALUE
          ? current.active().latestSequence(key) : snapshot, value);
    }
    for (ImmutableMemtable frozen : current.frozen()) {
      value = frozen.table().get(key, snapshot);
      if (value != null) {
        return new SstReader.Found(snapshot == Long.MAX_VALUE
            ? frozen.table().latestSequence(key) : snapshot, value);
      }
    }
    Version version = versions.acquire();
    try {
      for (SstMeta file : version.level(0)) {
        if (file.mayContain(key)) {
          SstReader.Found found = versions.reader(file.fileNumber()).get(key, snapshot);
          if (found != null) {
            return found;
          }
        }
      }
      for (int level = 1; level < Version.LEVELS; level++) {
        SstMeta file = version.fileFor(level, key);
        if (file != null) {
          SstReader.Found found = versions.reader(file.fileNumber()).get(key, snapshot);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    } finally {
      versions.release(version);
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
    Throwable e = failure;
    if (e != null) {
      throw new QuaverException(ErrorCode.IO_ERROR,
          "the store failed earlier; restart to recover: " + e.getMessage(), e);
    }
  }

  private static QuaverException ioError(String what, IOException e) {
    return new QuaverException(ErrorCode.IO_ERROR, what + ": " + e.getMessage(), e);
  }
}
