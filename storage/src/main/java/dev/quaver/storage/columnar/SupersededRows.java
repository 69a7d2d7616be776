package dev.quaver.storage.columnar;

import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.segment.IntegralKeyMatch;
import dev.quaver.storage.columnar.segment.KeyMatch;
import dev.quaver.storage.columnar.segment.SegmentReader;
import dev.quaver.storage.io.ByteArrayKey;
import dev.quaver.storage.lsm.LsmStore;
import dev.quaver.storage.row.RowCodec;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.apache.arrow.memory.BufferAllocator;

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

  /** The background step polls for cancellation after this many row reads. */
  private static final int CANCEL_CHECK_KEYS = 256;

  private final ColumnarVersion version;
  private final long snapshot;
  private final byte[][] changed; // sorted, distinct
  private final long[][] bits; // per segment; null: no row of it superseded
  private final List<DeltaRow> rows;

  private SupersededRows(ColumnarVersion version, long snapshot, byte[][] changed,
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

  /** How many keys changed in (W, S]. */
  int changedCount() {
    return changed.length;
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
   * version, snapshot ≤ {@code snapshot}; null: from scratch). The changed keys are collected
   * from the change log into a sorted array (no tree), the segment rows they supersede found in
   * bulk per row group ({@link #mark}), and the changed rows read in key order.
   */
  static SupersededRows compute(ColumnarVersion version, TableDef table, LsmStore store,
      long snapshot, SupersededRows base, BufferAllocator allocator) {
    return compute(version, table, store, snapshot, base, allocator, () -> false, Long.MAX_VALUE);
  }

  /**
   * As above, for the background step ({@link ColumnarStore#precompute}): {@code cancelled} is
   * polled per segment and every {@value #CANCEL_CHECK_KEYS} row reads (a {@link
   * CancellationException} when it says so), and null is returned, before any row is read or
   * marked, when the state would hold more than {@code maxRows} changed keys.
   */
  static SupersededRows compute(ColumnarVersion version, TableDef table, LsmStore store,
      long snapshot, SupersededRows base, BufferAllocator allocator, BooleanSupplier cancelled,
      long maxRows) {
    if (base != null && (base.version != version || base.snapshot > snapshot)) {
      throw new IllegalArgumentException("cannot extend " + base.snapshot + " to " + snapshot);
    }
    List<ColumnType> types = new ArrayList<>();
    table.columns().forEach(column -> types.add(column.type()));
    long from = base == null ? version.watermark() : base.snapshot;
    byte[][] fresh = ColumnarStore.changedKeyArray(store, table.id(), from, snapshot);
    if (base != null && fresh.length == 0) {
      return new SupersededRows(version, snapshot, base.changed, base.bits, base.rows);
    }
    byte[][] previous = base == null ? new byte[0][] : base.changed;
    if ((long) fresh.length + previous.length > maxRows
        && (long) SortedKeys.union(fresh, previous).length > maxRows) {
      return null; // over the budget: the scan computes it itself, as without the background step
    }
    long[][] bits = base == null ? new long[version.readers().size()][] : base.bits.clone();
    byte[][] added = SortedKeys.minus(fresh, previous);
    if (added.length > 0) {
      mark(version, table, types.size(), added, bits, base == null ? null : base.bits, allocator,
          cancelled);
    }
    byte[][] changed = SortedKeys.union(fresh, previous);
    List<DeltaRow> oldRows = base == null ? List.of() : base.rows;
    List<DeltaRow> rows = new ArrayList<>(oldRows.size() + fresh.length);
    // merge: old rows of unchanged keys (runs copied in bulk), fresh reads of the rest
    int oldAt = 0;
    int sinceCheck = 0;
    for (byte[] key : fresh) {
      if (++sinceCheck == CANCEL_CHECK_KEYS) {
        sinceCheck = 0;
        checkCancelled(cancelled);
      }
      int at = lowerBound(oldRows, oldAt, key);
      rows.addAll(oldRows.subList(oldAt, at));
      boolean replaced = at < oldRows.size() && Arrays.equals(oldRows.get(at).key().bytes(), key);
      oldAt = replaced ? at + 1 : at;
      byte[] value = store.get(key, snapshot);
      if (value != null) {
        Object[] values = RowCodec.decode(value, types);
        int partition = table.distributionKey().isEmpty()
            ? PartitionFunction.ofRowKey(key, table.partitions())
            : PartitionFunction.ofRow(table, types, values); // decoded once, not again
        rows.add(new DeltaRow(new ByteArrayKey(key), values, partition));
      }
    }
    rows.addAll(oldRows.subList(oldAt, oldRows.size()));
    return new SupersededRows(version, snapshot, changed, bits,
        Collections.unmodifiableList(rows));
  }

  /**
   * Sets the bits of the rows whose key is in {@code keys} (sorted) ({@link KeyMatch}: the sorted
   * keys sliced by each group's key zone map, binary-searched in a group in row-key order),
   * copying an array of {@code shared} before changing it. A table partitioned by its row key
   * (no distribution key) holds each key in one partition only, so each segment is matched
   * against the keys of its own partition. A table keyed by one INTEGER/BIGINT column is
   * searched in that column ({@link IntegralKeyMatch}).
   */
  private static void mark(ColumnarVersion version, TableDef table, int rowKeyColumn,
      byte[][] keys, long[][] bits, long[][] shared, BufferAllocator allocator,
      BooleanSupplier cancelled) {
    byte[][][] byPartition = PartitionFunction.splitByRowKeyPartition(table, keys);
    boolean keyOrdered = table.sortKey().isEmpty();
    int integral = IntegralKeyMatch.keyColumn(table); // INTEGER/BIGINT key: search its column
    ColumnType integralType = integral < 0 ? null : table.columns().get(integral).type();
    for (int segment = 0; segment < version.readers().size(); segment++) {
      checkCancelled(cancelled);
      SegmentReader reader = version.readers().get(segment);
      byte[][] candidates = keys;
      if (byPartition != null) {
        int partition = reader.partition();
        candidates = partition >= 0 && partition < byPartition.length ? byPartition[partition]
            : keys;
      }
      int index = segment;
      IntConsumer mark = row -> {
        long[] words = bits[index];
        if (words == null || (shared != null && words == shared[index])) {
          int size = (int) ((reader.rowCount() + 63) >>> 6);
          words = words == null ? new long[size] : Arrays.copyOf(words, size);
          bits[index] = words;
        }
        words[row >>> 6] |= 1L << row;
      };
      long[] values = integral < 0 ? null : IntegralKeyMatch.values(candidates, integralType);
      if (values != null) {
        IntegralKeyMatch.matchingRows(reader, integral, integralType, values, candidates,
            rowKeyColumn, allocator, mark);
      } else {
        KeyMatch.matchingRows(reader, rowKeyColumn, candidates, keyOrdered, allocator, mark);
      }
    }
  }

  /** As {@link SortedKeys#lowerBound}, over rows in key order. */
  private static int lowerBound(List<DeltaRow> rows, int from, byte[] key) {
    int step = 1;
    int low = from;
    int high = from;
    while (high < rows.size() && Arrays.compareUnsigned(rows.get(high).key().bytes(), key) < 0) {
      low = high + 1;
      high = from + step;
      step <<= 1;
    }
    high = Math.min(high, rows.size());
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (Arrays.compareUnsigned(rows.get(mid).key().bytes(), key) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static void checkCancelled(BooleanSupplier cancelled) {
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("superseded rows no longer needed");
    }
  }
}
