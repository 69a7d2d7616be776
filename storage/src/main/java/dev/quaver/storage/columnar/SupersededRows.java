package dev.quaver.storage.columnar;

import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.segment.KeyProbe;
import dev.quaver.storage.columnar.segment.SegmentReader;
import dev.quaver.storage.columnar.segment.ZoneMap;
import dev.quaver.storage.io.ByteArrayKey;
import dev.quaver.storage.lsm.LsmStore;
import dev.quaver.storage.row.RowCodec;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * What a scan at snapshot S of one {@link ColumnarVersion} (watermark W) needs beyond the
 * segments: per segment, a bitmap of the rows superseded by the keys changed in (W, S], and the
 * changed rows as they are at S (decoded, in key order; a deleted key has none). Computing it
 * loads the {@code $rowkey} column of every row group whose key zone map may hold a changed key
 * and reads each changed key, so {@link ColumnarStore} computes it once per (version, snapshot)
 * and <em>extends</em> it for a later snapshot S': changes only accumulate, so only the keys
 * changed in (S, S'] are probed (groups whose zone maps cannot hold one stay unloaded) and read;
 * a key not changed in (S, S'] reads the same at S' as at S. A scan then pays one bit test per
 * row, as for rows an ETL marked deleted.
 *
 * <p>Immutable (the bitmaps and rows are never changed after construction; an extension copies
 * the bitmaps it adds bits to).
 */
final class SupersededRows {
  /** A changed row at the snapshot: its row key, all its column values and its partition. */
  record DeltaRow(ByteArrayKey key, Object[] values, int partition) {}

  private final ColumnarVersion version;
  private final long snapshot;
  private final NavigableSet<ByteArrayKey> changed;
  private final long[][] bits; // per segment; null: no row of it superseded
  private final List<DeltaRow> rows;

  private SupersededRows(ColumnarVersion version, long snapshot, NavigableSet<ByteArrayKey> changed,
      long[][] bits, List<DeltaRow> rows) {
    this.version = version;
    this.snapshot = snapshot;
    this.changed = changed;
    this.bits = bits;
    this.rows = rows;
  }

  ColumnarVersion version() {
    return version;
  }

  long snapshot() {
    return snapshot;
  }

  /** The keys changed in (W, S] (unmodifiable). */
  NavigableSet<ByteArrayKey> changed() {
    return changed;
  }

  /** The changed rows at S that exist there, in key order. */
  List<DeltaRow> rows() {
    return rows;
  }

  /** Whether row {@code row} of segment {@code segment} is superseded. */
  boolean isSuperseded(int segment, int row) {
    long[] words = bits[segment];
    return words != null && (words[row >>> 6] & (1L << row)) != 0;
  }

  /** The first superseded row in [from, to) of segment {@code segment}, or {@code to}. */
  int nextSuperseded(int segment, int from, int to) {
    long[] words = bits[segment];
    if (words == null || from >= to) {
      return to;
    }
    int word = from >>> 6;
    long current = words[word] & (-1L << from);
    while (true) {
      if (current != 0) {
        return Math.min(to, (word << 6) + Long.numberOfTrailingZeros(current));
      }
      if (++word >= words.length || word << 6 >= to) {
        return to;
      }
      current = words[word];
    }
  }

  /** Whether any row in [from, to) of segment {@code segment} is superseded. */
  boolean anySuperseded(int segment, int from, int to) {
    long[] words = bits[segment];
    if (words == null || from >= to) {
      return false;
    }
    for (int word = from >>> 6, last = (to - 1) >>> 6; word <= last; word++) {
      long mask = -1L;
      if (word == from >>> 6) {
        mask &= -1L << from;
      }
      if (word == last) {
        mask &= -1L >>> (63 - ((to - 1) & 63));
      }
      if ((words[word] & mask) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The state at {@code snapshot} (≥ the version's watermark), extending {@code base} (same
   * version, snapshot ≤ {@code snapshot}; null: from scratch).
   */
  static SupersededRows compute(ColumnarVersion version, TableDef table, LsmStore store,
      long snapshot, SupersededRows base, BufferAllocator allocator) {
    if (base != null && (base.version != version || base.snapshot > snapshot)) {
      throw new IllegalArgumentException("cannot extend " + base.snapshot + " to " + snapshot);
    }
    List<ColumnType> types = new ArrayList<>();
    table.columns().forEach(column -> types.add(column.type()));
    long from = base == null ? version.watermark() : base.snapshot;
    NavigableSet<ByteArrayKey> fresh = ColumnarStore.changedKeys(store, table.id(), from, snapshot);
    if (base != null && fresh.isEmpty()) {
      return new SupersededRows(version, snapshot, base.changed, base.bits, base.rows);
    }
    long[][] bits = base == null ? new long[version.readers().size()][] : base.bits.clone();
    NavigableSet<ByteArrayKey> added = new TreeSet<>(fresh);
    if (base != null) {
      added.removeAll(base.changed);
    }
    if (!added.isEmpty()) {
      mark(version, types.size(), added, bits, base == null ? null : base.bits, allocator);
    }
    NavigableSet<ByteArrayKey> changed = new TreeSet<>(fresh);
    if (base != null) {
      changed.addAll(base.changed);
    }
    List<DeltaRow> rows = new ArrayList<>();
    Iterator<DeltaRow> old = base == null ? Collections.emptyIterator() : base.rows.iterator();
    DeltaRow next = old.hasNext() ? old.next() : null;
    for (ByteArrayKey key : fresh) { // merge: old rows of unchanged keys, fresh reads of the rest
      while (next != null && next.key().compareTo(key) <= 0) {
        if (next.key().compareTo(key) < 0) {
          rows.add(next);
        }
        next = old.hasNext() ? old.next() : null;
      }
      byte[] value = store.get(key.bytes(), snapshot);
      if (value != null) {
        rows.add(new DeltaRow(key, RowCodec.decode(value, types),
            PartitionFunction.ofStoredRow(table, types, key.bytes(), value)));
      }
    }
    while (next != null) {
      rows.add(next);
      next = old.hasNext() ? old.next() : null;
    }
    return new SupersededRows(version, snapshot, Collections.unmodifiableNavigableSet(changed),
        bits, List.copyOf(rows));
  }

  /** Sets the bits of the rows whose key is in {@code keys}, copying an array of {@code shared}. */
  private static void mark(ColumnarVersion version, int rowKeyColumn,
      NavigableSet<ByteArrayKey> keys, long[][] bits, long[][] shared, BufferAllocator allocator) {
    KeyProbe probe = new KeyProbe(keys);
    int[] keyColumn = {rowKeyColumn};
    for (int segment = 0; segment < version.readers().size(); segment++) {
      SegmentReader reader = version.readers().get(segment);
      int groupRows = reader.rowGroupCount() == 0 ? 0 : reader.rowGroupRows(0);
      for (int group = 0; group < reader.rowGroupCount(); group++) {
        if (!mayHold(keys, reader.zoneMap(group, rowKeyColumn))) {
          continue;
        }
        int groupStart = group * groupRows;
        try (VectorSchemaRoot loaded = reader.load(group, keyColumn, allocator)) {
          VarBinaryVector vector = (VarBinaryVector) loaded.getFieldVectors().get(0);
          int rows = loaded.getRowCount();
          for (int r = 0; r < rows; r++) {
            if (vector.isNull(r) || !probe.contains(vector, r)) {
              continue;
            }
            long[] words = bits[segment];
            if (words == null || (shared != null && words == shared[segment])) {
              int size = (int) ((reader.rowCount() + 63) >>> 6);
              words = words == null ? new long[size] : Arrays.copyOf(words, size);
              bits[segment] = words;
            }
            int row = groupStart + r;
            words[row >>> 6] |= 1L << row;
          }
        }
      }
    }
  }

  private static boolean mayHold(NavigableSet<ByteArrayKey> keys, ZoneMap zone) {
    if (zone.min() == null || zone.max() == null) {
      return true;
    }
    ByteArrayKey first = keys.ceiling(new ByteArrayKey(zone.min()));
    return first != null && Arrays.compareUnsigned(first.bytes(), zone.max()) <= 0;
  }
}
