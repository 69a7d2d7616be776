package dev.quaver.storage.columnar;

import dev.quaver.storage.ScanPredicate;
import dev.quaver.storage.TableScan;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.segment.LiveSegment;
import dev.quaver.storage.columnar.segment.SegmentReader;
import dev.quaver.storage.columnar.segment.ZoneMap;
import dev.quaver.storage.io.ByteArrayKey;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.storage.lsm.LsmStore;
import dev.quaver.storage.row.KeyEncoder;
import dev.quaver.storage.row.RowCodec;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A scan at snapshot S over a table's columnar version of watermark W ≤ S: the live rows of the
 * segments whose key did not change in (W, S], then the rows of the changed keys as they are at
 * S in the row store (point reads; a deleted key yields nothing). Row groups whose zone maps
 * exclude a pushed-down predicate are not loaded. Rows come segment by segment, then the delta in
 * key order. A partition-sliced scan ({@code partition >= 0}) reads only the segments of that
 * partition and the changed rows that {@link PartitionFunction} assigns to it; a changed key
 * still hides its old version in every partition's segments (an UPDATE of the distribution key
 * moves the row to another partition).
 *
 * <p>Thread safety: confined to one thread.
 */
final class ColumnarTableScan implements TableScan {
  private final ColumnarVersion version;
  private final NavigableSet<ByteArrayKey> changed;
  private final List<ByteArrayKey> changedList;
  private final TableDef table;
  private final int partition;
  private final LsmStore store;
  private final long snapshot;
  private final List<ColumnType> types;
  private final int[] columns;
  private final int maxRowsPerBatch;
  private final List<Bound> bounds;
  private final int[] loadColumns; // distinct file columns to load (+ the row key when needed)
  private final int[] outputToLoaded;
  private final int rowKeyColumn;
  private final VectorSchemaRoot root;
  private final Object[] row;
  private int segment;
  private int group = -1;
  private VectorSchemaRoot loaded;
  private int[] selected = new int[0];
  private int selectedCount;
  private int selectedPosition;
  /** Whether the current group's selected rows are all its rows (slices can be transferred). */
  private boolean contiguous;
  private int deltaPosition;
  private boolean exhausted;
  private boolean closed;

  ColumnarTableScan(ColumnarVersion version, NavigableSet<ByteArrayKey> changed, LsmStore store,
      long snapshot, TableDef table, int[] columns, List<ScanPredicate> predicates,
      BufferAllocator allocator, int maxRowsPerBatch, int partition) {
    if (maxRowsPerBatch < 1) {
      throw new IllegalArgumentException("maxRowsPerBatch " + maxRowsPerBatch);
    }
    this.version = version;
    this.changed = changed;
    this.changedList = new ArrayList<>(changed);
    this.table = table;
    this.partition = partition;
    this.store = store;
    this.snapshot = snapshot;
    this.types = new ArrayList<>();
    table.columns().forEach(column -> types.add(column.type()));
    this.columns = columns.clone();
    this.maxRowsPerBatch = maxRowsPerBatch;
    this.bounds = bounds(predicates, types);
    this.rowKeyColumn = types.size();
    Map<Integer, Integer> loadIndex = new LinkedHashMap<>();
    this.outputToLoaded = new int[columns.length];
    for (int i = 0; i < columns.length; i++) {
      outputToLoaded[i] = loadIndex.computeIfAbsent(columns[i], c -> loadIndex.size());
    }
    if (!changed.isEmpty()) {
      loadIndex.putIfAbsent(rowKeyColumn, loadIndex.size());
    }
    this.loadColumns = loadIndex.keySet().stream().mapToInt(Integer::intValue).toArray();
    this.row = new Object[types.size()];
    List<Field> fields = new ArrayList<>();
    for (int column : columns) {
      fields.add(ArrowTypes.field(table.columns().get(column).name(), types.get(column)));
    }
    this.root = VectorSchemaRoot.create(new Schema(fields), allocator);
    this.allocator = allocator;
  }

  private final BufferAllocator allocator;

  @Override
  public VectorSchemaRoot next() {
    if (closed || exhausted) {
      return null;
    }
    root.clear();
    int count = 0;
    List<FieldVector> out = root.getFieldVectors();
    while (count < maxRowsPerBatch) {
      if (selectedPosition < selectedCount && count == 0 && contiguous) {
        int take = Math.min(selectedCount - selectedPosition, maxRowsPerBatch);
        transfer(out, take);
        count = take;
        selectedPosition += take;
        break; // a batch of one slice, handed over without copying values
      } else if (selectedPosition < selectedCount) {
        if (count == 0) {
          root.allocateNew();
        }
        int take = Math.min(selectedCount - selectedPosition, maxRowsPerBatch - count);
        copy(out, count, take);
        count += take;
        selectedPosition += take;
      } else if (nextGroup()) {
        continue;
      } else if (deltaPosition < changedList.size()) {
        byte[] value = store.get(changedList.get(deltaPosition++).bytes(), snapshot);
        if (value != null && (partition < 0
            || PartitionFunction.ofStoredRow(table, types, changedList.get(deltaPosition - 1).bytes(), value)
                == partition)) {
          if (count == 0) {
            root.allocateNew();
          }
          RowCodec.decode(value, types, row);
          for (int i = 0; i < columns.length; i++) {
            ArrowTypes.set(out.get(i), count, types.get(columns[i]), row[columns[i]]);
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
      return null;
    }
    root.setRowCount(count);
    return root;
  }

  private void transfer(List<FieldVector> out, int take) {
    for (int i = 0; i < out.size(); i++) {
      FieldVector source = loaded.getFieldVectors().get(outputToLoaded[i]);
      source.makeTransferPair(out.get(i)).splitAndTransfer(selectedPosition, take);
    }
  }

  private void copy(List<FieldVector> out, int at, int take) {
    for (int i = 0; i < out.size(); i++) {
      FieldVector target = out.get(i);
      FieldVector source = loaded == null ? null : loaded.getFieldVectors().get(outputToLoaded[i]);
      for (int j = 0; j < take; j++) {
        target.copyFromSafe(selected[selectedPosition + j], at + j, source);
      }
    }
  }

  /** Moves to the next row group with selected rows; false when the segments are done. */
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
      boolean keysMatter = !changed.isEmpty() && mayHoldChangedKey(reader.zoneMap(group, rowKeyColumn));
      int groupStart = group * reader.rowGroupRows(0);
      boolean anyDeleted = hasDeletedIn(live.deletedRows(), groupStart, groupStart + rows);
      if (loadColumns.length > 0 && (columns.length > 0 || keysMatter)) {
        loaded = reader.load(group, loadColumns, allocator);
      }
      if (selected.length < rows) {
        selected = new int[rows];
      }
      int count = 0;
      VarBinaryVector keys = keysMatter
          ? (VarBinaryVector) loaded.getFieldVectors().get(loadColumns.length - 1) : null;
      for (int r = 0; r < rows; r++) {
        if (anyDeleted && live.isDeleted(groupStart + r)) {
          continue;
        }
        if (keys != null && changed.contains(new ByteArrayKey(keys.get(r)))) {
          continue;
        }
        selected[count++] = r;
      }
      if (count == 0) {
        closeLoaded();
        continue;
      }
      selectedCount = count;
      selectedPosition = 0;
      contiguous = count == rows;
      return true;
    }
    selectedCount = 0;
    selectedPosition = 0;
    return false;
  }

  private boolean mayHoldChangedKey(ZoneMap keys) {
    if (keys.min() == null || keys.max() == null) {
      return true;
    }
    ByteArrayKey first = changed.ceiling(new ByteArrayKey(keys.min()));
    return first != null && Arrays.compareUnsigned(first.bytes(), keys.max()) <= 0;
  }

  private static boolean hasDeletedIn(int[] deleted, int from, int to) {
    if (deleted.length == 0) {
      return false;
    }
    int index = Arrays.binarySearch(deleted, from);
    int insertion = index >= 0 ? index : -index - 1;
    return insertion < deleted.length && deleted[insertion] < to;
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
      if (predicate.column() >= types.size()) {
        continue;
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
