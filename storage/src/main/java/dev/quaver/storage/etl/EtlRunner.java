package dev.quaver.storage.etl;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.storage.columnar.ColumnarStore;
import dev.quaver.storage.columnar.ColumnarVersion;
import dev.quaver.storage.columnar.segment.IntegralKeyMatch;
import dev.quaver.storage.columnar.segment.KeyMatch;
import dev.quaver.storage.columnar.segment.LiveSegment;
import dev.quaver.storage.columnar.segment.SegmentFile;
import dev.quaver.storage.columnar.segment.SegmentReader;
import dev.quaver.storage.columnar.segment.SegmentWriter;
import dev.quaver.storage.columnar.segment.TableManifest;
import dev.quaver.storage.io.ByteArrayKey;
import dev.quaver.storage.lsm.Cursor;
import dev.quaver.storage.lsm.LsmStore;
import dev.quaver.storage.row.KeySpace;
import dev.quaver.storage.row.RowCodec;
import dev.quaver.type.ColumnType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One ETL run of one table (docs/formats/segment.md §6). The first run of a table tracks it
 * (its commits start logging changes), then copies every row at the newest sequence W into
 * segments. Later runs read the keys changed in (W_old, W], mark their old rows deleted in the
 * segments that hold them, sort the changed rows' versions at W (plus the live rows of small or
 * sparse segments being merged) by partition and sort key, and write new segments. Either way the
 * run ends by writing a manifest with watermark W (the atomic switch) and publishing it; segment
 * files no manifest names are deleted now or at the next open, so a crash at any point leaves
 * the old or the new version.
 *
 * <p>Thread safety: one run per table at a time (the caller's per-table lock); runs of different
 * tables may overlap. Never holds the commit lock except inside {@link EtlHost#trackTable}.
 */
final class EtlRunner {
  private static final System.Logger LOG = System.getLogger(EtlRunner.class.getName());
  private static final long VISIBILITY_WAIT_MILLIS = 30_000;

  private final LsmStore store;
  private final ColumnarStore columnar;
  private final EtlHost host;
  private final EtlOptions options;
  private final Path spillDirectory;
  private final BufferAllocator allocator;

  EtlRunner(LsmStore store, ColumnarStore columnar, EtlHost host, EtlOptions options,
      Path spillDirectory, BufferAllocator allocator) {
    this.store = store;
    this.columnar = columnar;
    this.host = host;
    this.options = options;
    this.spillDirectory = spillDirectory;
    this.allocator = allocator;
  }

  EtlResult run(TableDef table) throws IOException {
    long startNanos = System.nanoTime();
    Optional<ColumnarVersion> current = columnar.version(table.id());
    boolean full = current.isEmpty() || !columnar.isTracked(table.id())
        || current.get().manifest().schema() != ColumnarStore.schemaOf(table);
    long watermark;
    if (full) {
      watermark = host.trackTable(table.id());
      awaitVisible(watermark);
    } else {
      watermark = store.visibleSequence();
      if (watermark == current.get().watermark()) {
        TableManifest manifest = current.get().manifest();
        return new EtlResult(table.name(), watermark, 0, manifest.liveRows(),
            manifest.segments().size(), 0);
      }
    }
    Runnable unpin = store.snapshots().register(watermark);
    Path directory = columnar.tableDirectory(table.id());
    Files.createDirectories(directory);
    TableLayout layout = new TableLayout(table);
    Progress progress = new Progress(table.name(), options.progressRows());
    try (ExternalSorter sorter = new ExternalSorter(options.memoryBudgetBytes(),
        spillDirectory.resolve(Long.toString(table.id())))) {
      List<LiveSegment> kept = new ArrayList<>();
      long nextSegmentId = 1;
      if (full) {
        try (Cursor cursor = store.scan(KeySpace.tableStart(table.id()),
            KeySpace.tableEnd(table.id()), watermark)) {
          while (cursor.next()) {
            sorter.add(layout.record(cursor.key(), cursor.value()));
            progress.read(1);
          }
        }
        if (current.isPresent()) {
          nextSegmentId = current.get().manifest().nextSegmentId();
        }
      } else {
        ColumnarVersion version = current.get();
        nextSegmentId = version.manifest().nextSegmentId();
        NavigableSet<ByteArrayKey> changed = ColumnarStore.changedKeys(store, table.id(),
            version.watermark(), watermark);
        byte[][] sortedKeys = new byte[changed.size()][];
        int k = 0;
        for (ByteArrayKey key : changed) {
          sortedKeys[k++] = key.bytes();
        }
        for (int i = 0; i < version.readers().size(); i++) {
          LiveSegment live = version.manifest().segments().get(i);
          int[] superseded = rowsWithKeys(version.readers().get(i), sortedKeys, layout);
          if (superseded.length > 0) {
            live = live.withDeleted(superseded);
          }
          if (live.liveRows() > 0) {
            kept.add(live);
          }
        }
        ChangedRowReader.read(store, sortedKeys, watermark, (key, value) -> {
          sorter.add(layout.record(key, value));
          progress.read(1);
        });
        kept = merge(kept, version, sorter, layout, progress);
      }
      List<LiveSegment> segments = new ArrayList<>(kept);
      long rowsWritten = sorter.count();
      nextSegmentId = write(sorter, layout, directory, nextSegmentId, segments, progress);
      long millis = (System.nanoTime() - startNanos) / 1_000_000;
      TableManifest manifest = new TableManifest(table.id(), watermark,
          ColumnarStore.schemaOf(table), nextSegmentId, segments, millis, rowsWritten);
      if (host.table(table.id()).isEmpty()) {
        columnar.drop(table.id()); // dropped while we worked
        return new EtlResult(table.name(), watermark, 0, 0, 0, millis);
      }
      // FORCED mode (a run per commit): the manifest is written atomically but not fsynced; the
      // compactor syncs it before dropping change-log entries an older one would need (§6)
      columnar.writeManifest(manifest, options.mode() != EtlOptions.Mode.FORCED
          || Boolean.getBoolean("quaver.etl.syncEachManifest"));
      ColumnarVersion next = ColumnarStore.openVersion(directory, manifest, false,
          current.orElse(null));
      columnar.publish(table.id(), next);
      ColumnarStore.deleteOrphans(directory, manifest);
      progress.done(rowsWritten);
      return new EtlResult(table.name(), watermark, rowsWritten, manifest.liveRows(),
          segments.size(), millis);
    } finally {
      unpin.run();
    }
  }

  /** Waits until every commit up to {@code sequence} is published (they were written already). */
  private void awaitVisible(long sequence) {
    long deadline = System.currentTimeMillis() + VISIBILITY_WAIT_MILLIS;
    while (store.visibleSequence() < sequence) {
      if (System.currentTimeMillis() > deadline) {
        throw new QuaverException(ErrorCode.INTERNAL_ERROR,
            "ETL: commit " + sequence + " was not published within " + VISIBILITY_WAIT_MILLIS + " ms");
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new QuaverException(ErrorCode.QUERY_CANCELED, "ETL interrupted", e);
      }
    }
  }

  /** Ordinals (in the segment, ascending) of rows whose key is in {@code changed} (sorted). */
  private int[] rowsWithKeys(SegmentReader reader, byte[][] changed, TableLayout layout) {
    IntArrayBuilder rows = new IntArrayBuilder();
    TableDef table = layout.table();
    int integral = IntegralKeyMatch.keyColumn(table);
    long[] values = integral < 0 ? null
        : IntegralKeyMatch.values(changed, table.columns().get(integral).type());
    if (values != null) {
      IntegralKeyMatch.matchingRows(reader, integral, table.columns().get(integral).type(), values,
          changed, layout.types().size(), allocator, rows);
    } else {
      KeyMatch.matchingRows(reader, layout.types().size(), changed, table.sortKey().isEmpty(),
          allocator, rows);
    }
    return rows.toArray();
  }

  /** Collects ints. Not thread-safe. */
  private static final class IntArrayBuilder implements java.util.function.IntConsumer {
    private int[] values = new int[16];
    private int size;

    @Override
    public void accept(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /**
   * Per partition, once {@link EtlOptions#mergeSegments} segments are small (under a quarter of
   * the maximum size) or sparse (under half live), moves their live rows into the sort so they
   * are rewritten with this run's rows; returns the segments kept as they are.
   */
  private List<LiveSegment> merge(List<LiveSegment> kept, ColumnarVersion version,
      ExternalSorter sorter, TableLayout layout, Progress progress) {
    long smallRows = options.segments().maxSegmentRows() / 4;
    java.util.Map<Integer, List<LiveSegment>> candidates = new java.util.TreeMap<>();
    for (LiveSegment segment : kept) {
      boolean small = segment.file().rowCount() < smallRows;
      boolean sparse = segment.liveRows() * 2 < segment.file().rowCount();
      if (small || sparse) {
        candidates.computeIfAbsent(segment.file().partition(), p -> new ArrayList<>()).add(segment);
      }
    }
    List<LiveSegment> result = new ArrayList<>(kept);
    for (List<LiveSegment> group : candidates.values()) {
      boolean anySparse = group.stream().anyMatch(s -> s.liveRows() * 2 < s.file().rowCount());
      if (group.size() < options.mergeSegments() && !anySparse) {
        continue;
      }
      for (LiveSegment segment : group) {
        SegmentReader reader = readerOf(version, segment.file().id());
        readLiveRows(reader, segment, sorter, layout, progress);
        result.remove(segment);
      }
    }
    return result;
  }

  private static SegmentReader readerOf(ColumnarVersion version, long segmentId) {
    for (int i = 0; i < version.readers().size(); i++) {
      if (version.manifest().segments().get(i).file().id() == segmentId) {
        return version.readers().get(i);
      }
    }
    throw new IllegalStateException("segment " + segmentId + " has no reader");
  }

  private void readLiveRows(SegmentReader reader, LiveSegment segment, ExternalSorter sorter,
      TableLayout layout, Progress progress) {
    List<ColumnType> types = layout.types();
    int[] all = new int[types.size() + 1];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    int groupRows = reader.rowGroupRows(0);
    for (int group = 0; group < reader.rowGroupCount(); group++) {
      try (VectorSchemaRoot loaded = reader.load(group, all, allocator)) {
        List<FieldVector> vectors = loaded.getFieldVectors();
        VarBinaryVector keys = (VarBinaryVector) vectors.get(types.size());
        for (int r = 0; r < loaded.getRowCount(); r++) {
          if (segment.isDeleted(group * groupRows + r)) {
            continue;
          }
          Object[] row = new Object[types.size()];
          for (int c = 0; c < row.length; c++) {
            row[c] = ArrowTypes.get(vectors.get(c), r, types.get(c));
          }
          sorter.add(layout.record(keys.get(r), row));
          progress.read(1);
        }
      }
    }
  }

  /** Writes the sorted records as segments (cut per partition and at the size limit). */
  private long write(ExternalSorter sorter, TableLayout layout, Path directory, long nextSegmentId,
      List<LiveSegment> segments, Progress progress) throws IOException {
    List<String> names = layout.table().columns().stream().map(ColumnDef::name).toList();
    SegmentWriter writer = null;
    int partition = -1;
    long segmentId = nextSegmentId;
    Iterator<SortRecord> sorted = sorter.sorted();
    while (sorted.hasNext()) {
      SortRecord record = sorted.next();
      int recordPartition = TableLayout.partitionOf(record);
      if (writer != null && (recordPartition != partition || writer.isFull())) {
        segments.add(LiveSegment.of(finish(writer, directory, segmentId++)));
        writer = null;
      }
      if (writer == null) {
        partition = recordPartition;
        writer = new SegmentWriter(layout.table().id(), partition, names, layout.types(),
            options.segments());
      }
      writer.add(RowCodec.decode(record.value(), layout.types()), record.rowKey());
      progress.wrote(1);
    }
    if (writer != null && writer.rowCount() > 0) {
      segments.add(LiveSegment.of(finish(writer, directory, segmentId++)));
    }
    return segmentId;
  }

  private SegmentFile finish(SegmentWriter writer, Path directory, long segmentId)
      throws IOException {
    Path file = directory.resolve(dev.quaver.storage.columnar.segment.SegmentFormat.fileName(segmentId));
    Files.deleteIfExists(file); // a leftover of a crashed run with the same id
    // In FORCED mode a run follows every commit and writes a few rows: an fsync per segment was
    // half of a forced commit's time. The manifest records the file's CRC, which the engine
    // checks at open, so an unsynced segment lost to a power failure means a rebuild.
    return writer.write(file, segmentId, allocator, options.mode() != EtlOptions.Mode.FORCED);
  }

  /** Logs the progress of a long run every {@code every} rows. */
  private static final class Progress {
    private final String table;
    private final long every;
    private final long startNanos = System.nanoTime();
    private long read;
    private long wrote;
    private long nextLog;

    Progress(String table, long every) {
      this.table = table;
      this.every = every;
      this.nextLog = every;
    }

    void read(long rows) {
      read += rows;
      maybeLog();
    }

    void wrote(long rows) {
      wrote += rows;
      maybeLog();
    }

    private void maybeLog() {
      if (read + wrote >= nextLog) {
        nextLog += every;
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        LOG.log(System.Logger.Level.INFO, String.format("ETL of %s: %d rows sorted, %d written"
            + " (%.0f rows/s)", table, read, wrote, (read + wrote) / seconds));
      }
    }

    void done(long rows) {
      if (rows >= every) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        LOG.log(System.Logger.Level.INFO, String.format("ETL of %s done: %d rows in %.1f s"
            + " (%.0f rows/s)", table, rows, seconds, rows / seconds));
      }
    }
  }
}
