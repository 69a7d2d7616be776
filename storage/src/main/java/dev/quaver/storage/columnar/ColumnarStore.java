package dev.quaver.storage.columnar;

import dev.quaver.storage.ScanPredicate;
import dev.quaver.storage.TableScan;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.segment.LiveSegment;
import dev.quaver.storage.columnar.segment.ManifestFile;
import dev.quaver.storage.columnar.segment.SegmentFormat;
import dev.quaver.storage.columnar.segment.SegmentReader;
import dev.quaver.storage.columnar.segment.TableManifest;
import dev.quaver.storage.io.ByteArrayKey;
import dev.quaver.storage.lsm.Cursor;
import dev.quaver.storage.lsm.LsmStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The columnar side of one data directory ({@code columnar/<tableId>/}: a MANIFEST and segment
 * files). Holds the published {@link ColumnarVersion} of each table and the set of tracked
 * tables, whose commits write change-log entries ({@link ChangeLog}). The columnar store is
 * derived data: the row store holds every row, so a table whose manifest or segments are
 * missing or corrupt is simply read from the row store and rebuilt by its next ETL.
 *
 * <p>Thread safety: safe for concurrent use. Versions are published atomically (one map write);
 * {@link #track} must be called under the engine's commit lock so that every commit after it
 * logs its changes.
 */
public final class ColumnarStore {
  private static final System.Logger LOG = System.getLogger(ColumnarStore.class.getName());

  private final Path root;
  private final Map<Long, ColumnarVersion> versions = new ConcurrentHashMap<>();
  private final Set<Long> tracked = ConcurrentHashMap.newKeySet();
  /**
   * Per table, the watermark of its newest manifest known to survive a power failure: change-log
   * entries above it are kept (a restart may find that manifest, which needs them).
   */
  private final Map<Long, Long> durableWatermarks = new ConcurrentHashMap<>();
  /** Tables whose newest manifest was written lazily (not fsynced): its watermark. */
  private final Map<Long, Long> unsynced = new ConcurrentHashMap<>();
  /** Orders manifest writes against {@link #syncManifests}. */
  private final Object manifestLock = new Object();
  /** Per table, the superseded rows of the latest snapshot scanned (reused and extended). */
  private final Map<Long, SupersededRows> superseded = new ConcurrentHashMap<>();
  /** Per table, the background step's computation in progress (at most one). */
  private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();

  private ColumnarStore(Path root) {
    this.root = root;
  }

  /**
   * Opens {@code root} (created if missing): loads each table's manifest and maps its segments,
   * deletes the directories of tables that {@code liveTables} does not hold, leftovers of
   * interrupted ETL runs (files no manifest names), and state that is corrupt or was written
   * for another table definition (logged; the table falls back to the row store).
   */
  public static ColumnarStore open(Path root, Map<Long, TableDef> liveTables) throws IOException {
    Files.createDirectories(root);
    ColumnarStore store = new ColumnarStore(root);
    List<Path> directories;
    try (Stream<Path> list = Files.list(root)) {
      directories = list.filter(Files::isDirectory).sorted().toList();
    }
    for (Path directory : directories) {
      long tableId;
      try {
        tableId = Long.parseLong(directory.getFileName().toString());
      } catch (NumberFormatException e) {
        continue;
      }
      TableDef table = liveTables.get(tableId);
      if (table == null) {
        deleteRecursively(directory);
        continue;
      }
      try {
        Optional<TableManifest> manifest = ManifestFile.read(directory);
        if (manifest.isEmpty() || manifest.get().schema() != schemaOf(table)
            || manifest.get().tableId() != tableId) {
          deleteRecursively(directory);
          continue;
        }
        store.versions.put(tableId, openVersion(directory, manifest.get(), true));
        store.durableWatermarks.put(tableId, manifest.get().watermark());
        store.tracked.add(tableId);
        deleteOrphans(directory, manifest.get());
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "dropping the columnar state of table " + table.name()
            + " (it is read from the row store until the next ETL): " + e.getMessage());
        deleteRecursively(directory);
      }
    }
    return store;
  }

  /** Opens a reader per live segment of {@code manifest}. */
  public static ColumnarVersion openVersion(Path directory, TableManifest manifest,
      boolean verifyChecksums) {
    return openVersion(directory, manifest, verifyChecksums, null);
  }

  /** As above, reusing the readers of {@code previous} (may be null) for the files it shares. */
  public static ColumnarVersion openVersion(Path directory, TableManifest manifest,
      boolean verifyChecksums, ColumnarVersion previous) {
    Map<Long, SegmentReader> reusable = new java.util.HashMap<>();
    if (previous != null) {
      for (int i = 0; i < previous.readers().size(); i++) {
        reusable.put(previous.manifest().segments().get(i).file().id(), previous.readers().get(i));
      }
    }
    List<SegmentReader> readers = new ArrayList<>();
    for (LiveSegment segment : manifest.segments()) {
      SegmentReader reader = reusable.get(segment.file().id());
      readers.add(reader != null ? reader : SegmentReader.open(
          directory.resolve(segment.file().fileName()), verifyChecksums ? segment.file().crc() : null));
    }
    return new ColumnarVersion(manifest, readers);
  }

  /** A fingerprint of the column names and types that segments are written with. */
  public static long schemaOf(TableDef table) {
    long hash = 1125899906842597L;
    for (ColumnDef column : table.columns()) {
      String text = column.name() + ":" + column.type();
      for (int i = 0; i < text.length(); i++) {
        hash = 31 * hash + text.charAt(i);
      }
      hash = 31 * hash + ';';
    }
    return hash;
  }

  public Path tableDirectory(long tableId) {
    return root.resolve(Long.toString(tableId));
  }

  public Optional<ColumnarVersion> version(long tableId) {
    return Optional.ofNullable(versions.get(tableId));
  }

  public boolean isTracked(long tableId) {
    return tracked.contains(tableId);
  }

  /** Starts logging the table's changes. Requires: the engine's commit lock. */
  public void track(long tableId) {
    tracked.add(tableId);
  }

  /**
   * Writes {@code manifest} as its table's live manifest: {@code durable}, fsynced now; otherwise
   * atomically but without fsyncs (the forced ETL mode, a run per commit), made durable by the
   * next {@link #syncManifests} — which {@link #obsoleteChanges} runs before it lets compaction
   * drop change-log entries that an older manifest would need (docs/formats/segment.md §6).
   */
  public void writeManifest(TableManifest manifest, boolean durable) throws IOException {
    long tableId = manifest.tableId();
    synchronized (manifestLock) {
      ManifestFile.write(tableDirectory(tableId), manifest, durable);
      if (durable) {
        durableWatermarks.put(tableId, manifest.watermark());
        unsynced.remove(tableId);
      } else {
        unsynced.put(tableId, manifest.watermark());
      }
    }
  }

  /** fsyncs the lazily written manifests; a table whose sync fails keeps its older watermark. */
  public void syncManifests() {
    synchronized (manifestLock) {
      for (Map.Entry<Long, Long> entry : Map.copyOf(unsynced).entrySet()) {
        long tableId = entry.getKey();
        try {
          ManifestFile.sync(tableDirectory(tableId));
          durableWatermarks.put(tableId, entry.getValue());
          unsynced.remove(tableId);
        } catch (IOException e) {
          LOG.log(System.Logger.Level.WARNING, "cannot sync the columnar manifest of table "
              + tableId + " (its change log is kept): " + e);
        }
      }
    }
  }

  /** Makes {@code version} the table's live columnar state (after its manifest is written). */
  public void publish(long tableId, ColumnarVersion version) {
    versions.put(tableId, version);
    superseded.remove(tableId); // of the old version: would keep its readers alive
  }

  /** Forgets a dropped table and deletes its files. */
  public void drop(long tableId) {
    versions.remove(tableId);
    tracked.remove(tableId);
    superseded.remove(tableId);
    unsynced.remove(tableId);
    durableWatermarks.remove(tableId);
    try {
      deleteRecursively(tableDirectory(tableId));
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot delete " + tableDirectory(tableId) + ": " + e);
    }
  }

  /**
   * A scan of {@code table} at {@code snapshot} through its columnar version, or null when the
   * row store must serve it: no version yet, a version newer than the snapshot (an old snapshot),
   * or a version written for another definition.
   */
  public TableScan scan(TableDef table, long snapshot, int[] columns,
      List<ScanPredicate> predicates, BufferAllocator allocator, int maxRowsPerBatch,
      LsmStore store) {
    return scan(table, snapshot, columns, predicates, allocator, maxRowsPerBatch, store, -1);
  }

  /**
   * As above, of one partition only ({@code partition < 0}: all): its segments and the changed
   * rows that {@link PartitionFunction} assigns to it.
   */
  public TableScan scan(TableDef table, long snapshot, int[] columns,
      List<ScanPredicate> predicates, BufferAllocator allocator, int maxRowsPerBatch,
      LsmStore store, int partition) {
    ColumnarVersion version = versions.get(table.id());
    if (version == null || version.watermark() > snapshot
        || version.manifest().schema() != schemaOf(table)) {
      return null;
    }
    return new ColumnarTableScan(version, superseded(table, version, snapshot, store, allocator),
        table, columns, predicates, allocator, maxRowsPerBatch, partition);
  }

  /**
   * The superseded rows of {@code version} at {@code snapshot}: the cached ones, extended when the
   * snapshot is later; computed afresh for another version or an earlier snapshot (cached only
   * when not older than the cached one).
   */
  private SupersededRows superseded(TableDef table, ColumnarVersion version, long snapshot,
      LsmStore store, BufferAllocator allocator) {
    SupersededRows cached = superseded.get(table.id());
    boolean reusable = cached != null && cached.version() == version
        && cached.snapshot() <= snapshot;
    if (reusable && cached.snapshot() == snapshot) {
      return cached;
    }
    InFlight running = inFlight.get(table.id());
    if (running != null && running.version() == version && running.snapshot() <= snapshot
        && (!reusable || cached.snapshot() < running.snapshot())) {
      // the background step (or another scan) is computing a state this scan can extend: wait
      // for it rather than repeat its work beside it (null: it gave up; compute as without it)
      SupersededRows done = running.result().join();
      if (done != null) {
        cached = done;
        reusable = true;
        if (done.snapshot() == snapshot) {
          return done;
        }
      }
    }
    // registered while it runs, so that the background step and later scans wait for it
    InFlight mine = new InFlight(version, snapshot, new CompletableFuture<>());
    boolean registered = inFlight.putIfAbsent(table.id(), mine) == null;
    SupersededRows result = null;
    try {
      result = SupersededRows.compute(version, table, store, snapshot, reusable ? cached : null,
          allocator);
      install(table.id(), result);
      return result;
    } finally {
      if (registered) {
        inFlight.remove(table.id(), mine);
        mine.result().complete(result);
      }
    }
  }

  /**
   * A computation in progress (the background step's or a scan's; at most one registered per
   * table): scans that can extend its result wait for it, the background step leaves the table
   * to it.
   */
  private record InFlight(ColumnarVersion version, long snapshot,
      CompletableFuture<SupersededRows> result) {}

  /**
   * Caches {@code result} unless it is of a version no longer published (an ETL published a newer
   * one meanwhile: {@link #publish} removes the entry after switching the version, so a result
   * installed just before is dropped too) or the cache already holds this version at a snapshot
   * at least as new (a scan or the background step got further). Atomic per table.
   */
  private void install(long tableId, SupersededRows result) {
    superseded.compute(tableId, (id, cached) -> {
      if (versions.get(id) != result.version()) {
        return cached != null && versions.get(id) == cached.version() ? cached : null;
      }
      if (cached != null && cached.version() == result.version()
          && cached.snapshot() >= result.snapshot()) {
        return cached;
      }
      return result;
    });
  }

  /** What {@link #precompute} did. */
  public enum Precomputed {
    /** Extended or computed and cached at the snapshot. */
    COMPUTED,
    /** The cache already held the table's version at this snapshot or a later one. */
    UP_TO_DATE,
    /** No columnar version the snapshot can read (none yet, newer, or another definition). */
    NO_VERSION,
    /** More changed keys than the budget: left to the next scan. */
    OVER_BUDGET,
    /** Cancelled, or the version was replaced while it ran: nothing cached. */
    CANCELLED
  }

  /**
   * The background step (docs/columnar.md "Precomputed superseded rows"): the superseded rows
   * and decoded changed rows of the table's published version at {@code snapshot}, extending the
   * cached state when it is of the same version and not newer, and cached for the next scan
   * (which extends it by the keys changed after {@code snapshot}, or ignores it if its own
   * snapshot is older). Reads only: never waits for writers or ETL runs. The caller pins
   * {@code snapshot} (it must stay readable while this runs). Stops when {@code cancelled} says
   * so or the published version changes; gives up, caching nothing, when the delta holds more
   * than {@code maxRows} changed keys.
   */
  public Precomputed precompute(TableDef table, long snapshot, LsmStore store,
      BufferAllocator allocator, BooleanSupplier cancelled, long maxRows) {
    ColumnarVersion version = versions.get(table.id());
    if (version == null || version.watermark() > snapshot
        || version.manifest().schema() != schemaOf(table)) {
      return Precomputed.NO_VERSION;
    }
    SupersededRows cached = superseded.get(table.id());
    boolean reusable = cached != null && cached.version() == version;
    if (reusable && cached.snapshot() >= snapshot) {
      return Precomputed.UP_TO_DATE;
    }
    // stop when told, when an ETL replaced the version, or when a scan got there first
    BooleanSupplier stop = () -> cancelled.getAsBoolean() || versions.get(table.id()) != version
        || precomputedSnapshot(table.id()) >= snapshot;
    InFlight running = new InFlight(version, snapshot, new CompletableFuture<>());
    InFlight other = inFlight.putIfAbsent(table.id(), running);
    if (other != null) { // a scan (or another step) is computing: at S' or later, leave it to it
      return other.version() == version && other.snapshot() >= snapshot
          ? Precomputed.UP_TO_DATE : Precomputed.CANCELLED;
    }
    SupersededRows result = null;
    try {
      result = SupersededRows.compute(version, table, store, snapshot, reusable ? cached : null,
          allocator, stop, maxRows);
      if (result == null) {
        return Precomputed.OVER_BUDGET;
      }
      install(table.id(), result);
      return versions.get(table.id()) == version ? Precomputed.COMPUTED : Precomputed.CANCELLED;
    } catch (CancellationException e) {
      return Precomputed.CANCELLED;
    } finally {
      inFlight.remove(table.id(), running);
      running.result().complete(result); // null (gave up or failed): waiting scans compute
    }
  }

  /** The snapshot of the table's cached superseded rows of its published version, or -1. */
  public long precomputedSnapshot(long tableId) {
    SupersededRows cached = superseded.get(tableId);
    return cached != null && cached.version() == versions.get(tableId) ? cached.snapshot() : -1;
  }

  /** Row keys of {@code tableId} changed by commits in (after, through], read at {@code through}. */
  public static NavigableSet<ByteArrayKey> changedKeys(LsmStore store, long tableId, long after,
      long through) {
    NavigableSet<ByteArrayKey> keys = new TreeSet<>();
    byte[] end = through == Long.MAX_VALUE ? ChangeLog.tableEnd(tableId)
        : ChangeLog.from(tableId, through + 1);
    try (Cursor cursor = store.scan(ChangeLog.from(tableId, after + 1), end, through)) {
      while (cursor.next()) {
        keys.add(new ByteArrayKey(ChangeLog.rowKeyOf(cursor.key())));
      }
    }
    return keys;
  }

  /**
   * As {@link #changedKeys}, as a sorted array of distinct row keys (collected in change-log
   * order, then sorted once).
   */
  public static byte[][] changedKeyArray(LsmStore store, long tableId, long after, long through) {
    byte[][] keys = new byte[64][];
    int count = 0;
    byte[] end = through == Long.MAX_VALUE ? ChangeLog.tableEnd(tableId)
        : ChangeLog.from(tableId, through + 1);
    try (Cursor cursor = store.scan(ChangeLog.from(tableId, after + 1), end, through)) {
      while (cursor.next()) {
        if (count == keys.length) {
          keys = java.util.Arrays.copyOf(keys, count * 2);
        }
        keys[count++] = ChangeLog.rowKeyOf(cursor.key());
      }
    }
    return SortedKeys.sortDistinct(keys, count);
  }

  /**
   * For compaction: change-log entries nobody needs any more, those of untracked tables and
   * those at or below their table's <em>durable</em> watermark (lazily written manifests are
   * synced first, so that is usually the published one).
   */
  public Predicate<byte[]> obsoleteChanges() {
    syncManifests();
    Map<Long, Long> watermarks = new java.util.HashMap<>();
    versions.forEach((id, version) -> {
      Long durable = durableWatermarks.get(id);
      if (durable != null) {
        watermarks.put(id, Math.min(durable, version.watermark()));
      }
    });
    Set<Long> live = new HashSet<>(tracked);
    return key -> {
      if (!ChangeLog.isChangeKey(key)) {
        return false;
      }
      long tableId = ChangeLog.tableIdOf(key);
      if (!live.contains(tableId)) {
        return true;
      }
      Long watermark = watermarks.get(tableId);
      return watermark != null && ChangeLog.sequenceOf(key) <= watermark;
    };
  }

  /** Table ids with a published version. */
  public Set<Long> tables() {
    return Set.copyOf(versions.keySet());
  }

  /** Deletes segment files and temporaries in {@code directory} that {@code manifest} does not name. */
  public static void deleteOrphans(Path directory, TableManifest manifest) {
    Set<Long> live = new HashSet<>();
    manifest.segments().forEach(segment -> live.add(segment.file().id()));
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        long id = SegmentFormat.segmentId(name);
        if ((id >= 0 && !live.contains(id)) || name.endsWith(".tmp")) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot clean " + directory + ": " + e);
    }
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
