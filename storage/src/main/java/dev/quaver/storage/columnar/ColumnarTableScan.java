package dev.quaver.storage.columnar;

import dev.quaver.storage.ScanPredicate;
import dev.quaver.storage.TableScan;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.segment.LiveSegment;
import dev.quaver.storage.columnar.segment.SegmentReader;
import dev.quaver.storage.columnar.segment.ZoneMap;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.storage.row.KeyEncoder;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A scan at snapshot S over a table's columnar version of watermark W ≤ S: the live rows of the
 * segments whose key did not change in (W, S], then the rows of the changed keys as they are at
 * S (a deleted key yields nothing). Which segment rows are superseded, and the changed rows, come
 * from a {@link SupersededRows} that {@link ColumnarStore} computes once per (version, snapshot)
 * and reuses, so a scan loads no row-key column and reads nothing from the row store: it tests one
 * bit per row. Row groups whose zone maps exclude a pushed-down predicate are not loaded. A group
 * without skipped rows is handed over in slices (no copy); otherwise its runs of kept rows are
 * copied in bulk (fixed-width columns: one buffer copy per run). Rows come segment by segment,
 * then the delta in key order. A partition-sliced scan ({@code partition >= 0}) reads only the
 * segments of that partition and the changed rows that {@link PartitionFunction} assigns to it;
 * a changed key still hides its old version in every partition's segments (an UPDATE of the
 * distribution key moves the row to another partition).
 *
 * <p>Thread safety: confined to one thread.
 */
final class ColumnarTableScan implements TableScan {
  private final ColumnarVersion version;
  private final SupersededRows superseded;
  private final List<SupersededRows.DeltaRow> deltaRows;
  private final int partition;
  private final List<ColumnType> types;
  private final int[] columns;
  private final int maxRowsPerBatch;
  private final List<Bound> bounds;
  /** Join build keys pushed down as {@link KeyFilter}s (late materialization). */
  private final ScanKeyFilters keyFilters;
  private final int[] loadColumns; // distinct file columns to load
  private final int[] outputToLoaded;
  private final VectorSchemaRoot root;
  private final BufferAllocator allocator;
  private int segment;
  private int group = -1;
  private VectorSchemaRoot loaded;
  /** Per loaded column: whether the loaded group holds a NULL (counted once per group). */
  private final boolean[] loadedHasNulls;
  /** The current group's runs of kept rows: [runStarts[i], runEnds[i]). */
  private int[] runStarts = new int[0];
  private int[] runEnds = new int[0];
  private int runCount;
  private int run;
  private int runOffset;
  /** Whether the current group's kept rows are all its rows (slices can be transferred). */
  private boolean contiguous;
  private int deltaPosition;
  private boolean exhausted;
  /** Per output column: fixed-width, so copied batches set its validity bits up front. */
  private final boolean[] presetValidity;
  /** Whether the batch vectors hold buffers of their own (a copied batch), not slices. */
  private boolean ownsBuffers;
  private boolean closed;

  ColumnarTableScan(ColumnarVersion version, SupersededRows superseded, TableDef table,
      int[] columns, List<ScanPredicate> predicates, BufferAllocator allocator,
      int maxRowsPerBatch, int partition) {
    if (maxRowsPerBatch < 1) {
      throw new IllegalArgumentException("maxRowsPerBatch " + maxRowsPerBatch);
    }
    if (superseded.version() != version) {
      throw new IllegalArgumentException("superseded rows of another version");
    }
    this.version = version;
    this.superseded = superseded;
    this.deltaRows = superseded.rows();
    this.partition = partition;
    this.types = new ArrayList<>();
    table.columns().forEach(column -> types.add(column.type()));
    this.columns = columns.clone();
    this.maxRowsPerBatch = maxRowsPerBatch;
    this.bounds = bounds(predicates, types);
    this.keyFilters = ScanKeyFilters.of(predicates, types.size());
    Map<Integer, Integer> loadIndex = new LinkedHashMap<>();
    this.outputToLoaded = new int[columns.length];
    for (int i = 0; i < columns.length; i++) {
      outputToLoaded[i] = loadIndex.computeIfAbsent(columns[i], c -> loadIndex.size());
    }
    this.loadColumns = loadIndex.keySet().stream().mapToInt(Integer::intValue).toArray();
    this.loadedHasNulls = new boolean[loadColumns.length];
    List<Field> fields = new ArrayList<>();
    for (int column : columns) {
      fields.add(ArrowTypes.field(table.columns().get(column).name(), types.get(column)));
    }
    this.root = VectorSchemaRoot.create(new Schema(fields), allocator);
    root.getFieldVectors().forEach(v -> v.setInitialCapacity(maxRowsPerBatch));
    this.presetValidity = new boolean[columns.length];
    for (int i = 0; i < columns.length; i++) {
      FieldVector vector = root.getFieldVectors().get(i);
      presetValidity[i] = vector instanceof BaseFixedWidthVector && !(vector instanceof BitVector);
    }
    this.allocator = allocator;
  }

  @Override
  public VectorSchemaRoot next() {
    if (closed || exhausted) {
      return null;
    }
    int count = 0;
    List<FieldVector> out = root.getFieldVectors();
    while (count < maxRowsPerBatch) {
      if (run < runCount && count == 0 && contiguous) {
        root.clear();
        ownsBuffers = false;
        int start = runStarts[run] + runOffset;
        int take = Math.min(runEnds[run] - start, maxRowsPerBatch);
        transfer(out, start, take);
        count = take;
        advance(take);
        break; // a batch of one slice, handed over without copying values
      } else if (run < runCount) {
        if (count == 0) {
          prepareCopyBatch();
        }
        int start = runStarts[run] + runOffset;
        int take = Math.min(runEnds[run] - start, maxRowsPerBatch - count);
        copy(out, start, count, take);
        count += take;
        advance(take);
      } else if (nextGroup()) {
        continue;
      } else if (deltaPosition < deltaRows.size()) {
        SupersededRows.DeltaRow delta = deltaRows.get(deltaPosition++);
        if ((partition < 0 || delta.partition() == partition)
            && (!keyFilters.active() || keyFilters.passes(delta.values()))) {
          if (count == 0) {
            prepareCopyBatch();
          }
          Object[] values = delta.values();
          for (int i = 0; i < columns.length; i++) {
            ArrowTypes.set(out.get(i), count, types.get(columns[i]), values[columns[i]]);
          }
          count++;
        }
      } else {
        break;
      }
    }
    if (count == 0) {
      exhausted = true;
      closeLoaded();
      root.clear();
      return null;
    }
    root.setRowCount(count);
    return root;
  }

  /**
   * Readies the batch vectors for copied values: the buffers of the previous copied batch are
   * reused (a fixed-width vector only has its validity bits cleared; the values are overwritten),
   * new ones are allocated only after a batch of transferred slices (or the first time).
   */
  private void prepareCopyBatch() {
    boolean fresh = !ownsBuffers;
    if (fresh) {
      root.clear();
      root.allocateNew();
      ownsBuffers = true;
    }
    List<FieldVector> vectors = root.getFieldVectors();
    for (int i = 0; i < vectors.size(); i++) {
      FieldVector vector = vectors.get(i);
      if (presetValidity[i]) {
        // every bit set up front, one fill per batch: runs without NULLs then copy only data
        // (setting their bits run by run was the delta scan's top frame); runs with NULLs and
        // delta rows write each bit
        // (a batch never grows past maxRowsPerBatch, so no reallocation clears them later)
        BaseFixedWidthVector fixed = (BaseFixedWidthVector) vector;
        while (fixed.getValueCapacity() < maxRowsPerBatch) {
          fixed.reAlloc();
        }
        fixed.setValueCount(0);
        fixed.getValidityBuffer().setOne(0, (int) Math.min((maxRowsPerBatch + 7) / 8,
            fixed.getValidityBuffer().capacity()));
      } else if (!fresh) {
        vector.reset();
      }
    }
  }

  private void advance(int rows) {
    runOffset += rows;
    if (runStarts[run] + runOffset >= runEnds[run]) {
      run++;
      runOffset = 0;
    }
  }

  private void transfer(List<FieldVector> out, int start, int take) {
    for (int i = 0; i < out.size(); i++) {
      FieldVector source = loaded.getFieldVectors().get(outputToLoaded[i]);
      source.makeTransferPair(out.get(i)).splitAndTransfer(start, take);
    }
  }

  private void copy(List<FieldVector> out, int from, int at, int take) {
    for (int i = 0; i < out.size(); i++) {
      VectorRuns.copy(loaded.getFieldVectors().get(outputToLoaded[i]),
          loadedHasNulls[outputToLoaded[i]], from, out.get(i), at, take, presetValidity[i]);
    }
  }

  /** Moves to the next row group with kept rows; false when the segments are done. */
  private boolean nextGroup() {
    closeLoaded();
    List<SegmentReader> readers = version.readers();
    while (segment < readers.size()) {
      SegmentReader reader = readers.get(segment);
      if (partition >= 0 && version.manifest().segments().get(segment).file().partition() != partition) {
        segment++;
        group = -1;
        continue;
      }
      group++;
      if (group >= reader.rowGroupCount()) {
        segment++;
        group = -1;
        continue;
      }
      int rows = reader.rowGroupRows(group);
      if (!passesZoneMaps(reader, group, rows)) {
        continue;
      }
      LiveSegment live = version.manifest().segments().get(segment);
      int groupStart = group * reader.rowGroupRows(0);
      int[] deleted = live.deletedRows();
      int nextDeleted = firstAtOrAfter(deleted, groupStart);
      if (runStarts.length < rows / 2 + 1) {
        runStarts = new int[rows / 2 + 1];
        runEnds = new int[rows / 2 + 1];
      }
      // runs between skipped rows: the group's deleted rows (sorted ordinals) and superseded
      // rows (bitmap, searched a 64-bit word at a time)
      int count = 0;
      int kept = 0;
      int r = 0;
      while (r < rows) {
        int skip = superseded.nextSuperseded(segment, groupStart + r, groupStart + rows)
            - groupStart;
        while (nextDeleted < deleted.length && deleted[nextDeleted] < groupStart + r) {
          nextDeleted++;
        }
        if (nextDeleted < deleted.length) {
          skip = Math.min(skip, deleted[nextDeleted] - groupStart);
        }
        if (skip > r) {
          runStarts[count] = r;
          runEnds[count++] = Math.min(skip, rows);
          kept += Math.min(skip, rows) - r;
        }
        r = skip + 1;
      }
      if (kept == 0) {
        continue;
      }
      if (keyFilters.active()) {
        int[] keptOut = {kept};
        count = loadFiltered(reader, group, count, keptOut);
        kept = keptOut[0];
        if (kept == 0) {
          continue;
        }
      } else if (loadColumns.length > 0) {
        loaded = reader.load(group, loadColumns, allocator);
      }
      if (loaded != null) {
        for (int i = 0; i < loadColumns.length; i++) { // a contiguous group may be copied too
          loadedHasNulls[i] = loaded.getFieldVectors().get(i).getNullCount() > 0;
        }
      }
      runCount = count;
      run = 0;
      runOffset = 0;
      contiguous = kept == rows;
      return true;
    }
    runCount = 0;
    run = 0;
    runOffset = 0;
    return false;
  }

  /**
   * Loads a row group under key filters: the filtered key columns first, then, if a row passes,
   * the other columns (never decompressed for a group without one). Narrows the current runs
   * ({@code count} of them) and returns the new count; {@code kept[0]} holds the kept rows on
   * entry and on return. Sets {@link #loaded} (in {@link #loadColumns} order) unless none is kept.
   */
  private int loadFiltered(SegmentReader reader, int group, int count, int[] kept) {
    int[] filterColumns = keyFilters.columns();
    FieldVector[] keyVectors = new FieldVector[filterColumns.length];
    VectorSchemaRoot keys = reader.load(group, filterColumns, allocator);
    try {
      for (int i = 0; i < filterColumns.length; i++) {
        keyVectors[i] = keys.getVector(i);
        if (!ScanKeyFilters.applicable(keyVectors[i])) {
          throw new IllegalStateException("key filter on column " + filterColumns[i] + " of type "
              + keyVectors[i].getField().getType());
        }
      }
      int narrowed = keyFilters.narrow(filterColumns, keyVectors, runStarts, runEnds, count, kept);
      if (kept[0] == 0) {
        return 0;
      }
      int[] rest = Arrays.stream(loadColumns).filter(c -> indexOf(filterColumns, c) < 0).toArray();
      VectorSchemaRoot others = rest.length == 0 ? null : reader.load(group, rest, allocator);
      List<FieldVector> vectors = new ArrayList<>();
      boolean[] used = new boolean[filterColumns.length];
      for (int column : loadColumns) {
        int k = indexOf(filterColumns, column);
        if (k >= 0) {
          used[k] = true;
          vectors.add(keyVectors[k]);
        } else {
          vectors.add(others.getVector(indexOf(rest, column)));
        }
      }
      for (int k = 0; k < filterColumns.length; k++) {
        if (!used[k]) {
          keyVectors[k].close(); // loaded only to filter
        }
      }
      keys = null; // its vectors now belong to the merged root (or were closed)
      loaded = new VectorSchemaRoot(vectors);
      loaded.setRowCount(reader.rowGroupRows(group));
      return narrowed;
    } finally {
      if (keys != null) {
        keys.close();
      }
    }
  }

  private static int indexOf(int[] values, int value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the first element of sorted {@code values} that is {@code >= from}. */
  private static int firstAtOrAfter(int[] values, int from) {
    if (values.length == 0) {
      return 0;
    }
    int index = Arrays.binarySearch(values, from);
    return index >= 0 ? index : -index - 1;
  }

  private boolean passesZoneMaps(SegmentReader reader, int group, int rows) {
    for (Bound bound : bounds) {
      ZoneMap map = reader.zoneMap(group, bound.column());
      if (map.nullCount() >= rows) {
        return false; // only NULLs: no comparison with a literal is true
      }
      if (!map.mayOverlap(bound.low(), bound.lowInclusive(), bound.high(), bound.highInclusive())) {
        return false;
      }
    }
    return true;
  }

  private void closeLoaded() {
    if (loaded != null) {
      loaded.close();
      loaded = null;
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      closeLoaded();
      root.close();
    }
  }

  /** A predicate as an interval of encoded values. */
  private record Bound(int column, byte[] low, boolean lowInclusive, byte[] high,
      boolean highInclusive) {}

  private static List<Bound> bounds(List<ScanPredicate> predicates, List<ColumnType> types) {
    List<Bound> bounds = new ArrayList<>();
    for (ScanPredicate predicate : predicates) {
      if (predicate.column() >= types.size() || predicate.value() instanceof KeyFilter) {
        continue; // key filters are applied row by row (ScanKeyFilters), not to zone maps
      }
      byte[] value;
      try {
        ByteWriter out = new ByteWriter(16);
        KeyEncoder.encode(out, types.get(predicate.column()), predicate.value());
        value = out.toByteArray();
      } catch (RuntimeException e) {
        continue; // a literal of another Java class, or out of the column's range: no pruning
      }
      int column = predicate.column();
      bounds.add(switch (predicate.op()) {
        case EQ -> new Bound(column, value, true, value, true);
        case LT -> new Bound(column, null, true, value, false);
        case LE -> new Bound(column, null, true, value, true);
        case GT -> new Bound(column, value, false, null, true);
        case GE -> new Bound(column, value, true, null, true);
      });
    }
    return bounds;
  }
}
