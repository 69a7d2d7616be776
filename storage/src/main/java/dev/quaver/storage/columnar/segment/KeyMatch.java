package dev.quaver.storage.columnar.segment;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Finds the rows of a segment whose row key is in a sorted array of keys (the keys changed
 * after the watermark): the scan's superseded rows and the ETL's rows to delete. Per row group,
 * the key zone map's [min, max] selects the slice of the sorted keys that can be there (two
 * binary searches; an empty slice leaves the group unloaded). In a segment written in row-key
 * order (a table without a sort key: its partitions are sorted by the row key) each of those
 * keys is then binary-searched in the group's {@code $rowkey} column, starting after the previous
 * match: about (keys in the group) × log2(rows) comparisons of eight bytes at a time, instead of
 * hashing every row of the group; a 1% delta touches every group but only ~1% of its rows.
 * Other segments probe every row against a {@link KeyProbe} of the slice. Stateless.
 */
public final class KeyMatch {
  private static final VarHandle BIG_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

  private KeyMatch() {}

  /**
   * Calls {@code rows} with the ordinal (in the segment, ascending) of every row of {@code reader}
   * whose row key (file column {@code keyColumn}) is one of {@code sortedKeys} (ascending,
   * unsigned, distinct). {@code keyOrdered}: the segment's rows are in row-key order (checked
   * against each group's zone map; a group that disagrees is probed by hash).
   */
  public static void matchingRows(SegmentReader reader, int keyColumn, byte[][] sortedKeys,
      boolean keyOrdered, BufferAllocator allocator, IntConsumer rows) {
    if (sortedKeys.length == 0) {
      return;
    }
    KeyProbe[] all = new KeyProbe[1];
    for (int group = 0; group < reader.rowGroupCount(); group++) {
      ZoneMap zone = reader.zoneMap(group, keyColumn);
      int lo = zone.min() == null ? 0 : lowerBound(sortedKeys, zone.min(), false);
      int hi = zone.max() == null ? sortedKeys.length : lowerBound(sortedKeys, zone.max(), true);
      if (lo < hi) {
        matchGroup(reader, group, keyColumn, sortedKeys, lo, hi, keyOrdered, all, allocator, rows);
      }
    }
  }

  /** As {@link #matchingRows}, for one row group and a segment not known to be in key order. */
  public static void matchingRowsOfGroup(SegmentReader reader, int group, int keyColumn,
      byte[][] sortedKeys, BufferAllocator allocator, IntConsumer rows) {
    if (sortedKeys.length > 0) {
      matchGroup(reader, group, keyColumn, sortedKeys, 0, sortedKeys.length, false,
          new KeyProbe[1], allocator, rows);
    }
  }

  /** {@code all}: a probe of all the keys, built on first use and shared by the groups. */
  private static void matchGroup(SegmentReader reader, int group, int keyColumn,
      byte[][] sortedKeys, int lo, int hi, boolean keyOrdered, KeyProbe[] all,
      BufferAllocator allocator, IntConsumer rows) {
    ZoneMap zone = reader.zoneMap(group, keyColumn);
    int groupStart = group * reader.rowGroupRows(0);
    try (VectorSchemaRoot loaded = reader.load(group, new int[] {keyColumn}, allocator)) {
      VarBinaryVector vector = (VarBinaryVector) loaded.getFieldVectors().get(0);
      int count = loaded.getRowCount();
      if (keyOrdered && wellFormed(vector, count) && inZoneOrder(vector, count, zone)) {
        long offsets = vector.getOffsetBuffer().memoryAddress();
        long data = vector.getDataBuffer().memoryAddress();
        int from = 0;
        for (int k = lo; k < hi && from < count; k++) {
          int at = search(offsets, data, from, count, sortedKeys[k]);
          if (at >= 0) {
            rows.accept(groupStart + at);
            from = at + 1;
          } else {
            from = -at - 1;
          }
        }
        return;
      }
      KeyProbe probe;
      if (lo == 0 && hi == sortedKeys.length || hi - lo > sortedKeys.length / 2) {
        if (all[0] == null) {
          all[0] = new KeyProbe(sortedKeys, 0, sortedKeys.length);
        }
        probe = all[0];
      } else {
        probe = new KeyProbe(sortedKeys, lo, hi);
      }
      for (int r = 0; r < count; r++) {
        if (!vector.isNull(r) && probe.contains(vector, r)) {
          rows.accept(groupStart + r);
        }
      }
    }
  }

  /**
   * Whether the offsets of the loaded key column are non-decreasing and within its data buffer,
   * so the unchecked reads of {@link #search} stay inside the buffers (a sequential pass, cheap
   * next to decoding the group).
   */
  private static boolean wellFormed(VarBinaryVector vector, int count) {
    ArrowBuf offsets = vector.getOffsetBuffer();
    if (offsets.capacity() < (count + 1L) * 4) {
      return false;
    }
    long address = offsets.memoryAddress();
    int previous = MemoryUtil.getInt(address);
    if (previous < 0) {
      return false;
    }
    for (int i = 1; i <= count; i++) {
      int next = MemoryUtil.getInt(address + i * 4L);
      if (next < previous) {
        return false;
      }
      previous = next;
    }
    return previous <= vector.getDataBuffer().capacity();
  }

  /**
   * Whether the group's first and last keys are its zone map's min and max (true of a group in
   * key order; a cheap guard against searching a group that is not).
   */
  private static boolean inZoneOrder(VarBinaryVector vector, int count, ZoneMap zone) {
    if (count == 0 || zone.min() == null || zone.max() == null || vector.getNullCount() > 0) {
      return false;
    }
    return compare(vector, 0, zone.min()) == 0 && compare(vector, count - 1, zone.max()) == 0;
  }

  /**
   * Index of {@code key} in rows [from, to) of a key-ordered column (offsets and data at the given
   * addresses, checked by {@link #wellFormed}), or {@code -(insertion point) - 1}.
   */
  static int search(long offsets, long data, int from, int to, byte[] key) {
    int low = from;
    int high = to - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = compare(offsets, data, mid, key);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }

  /** Unsigned lexicographic comparison of value {@code index} of {@code vector} with {@code key}. */
  static int compare(VarBinaryVector vector, int index, byte[] key) {
    return compare(vector.getOffsetBuffer().memoryAddress(),
        vector.getDataBuffer().memoryAddress(), index, key);
  }

  /** As above, on the column's buffer addresses: eight bytes per comparison, then the tail. */
  private static int compare(long offsets, long data, int index, byte[] key) {
    int start = MemoryUtil.getInt(offsets + index * 4L);
    int length = MemoryUtil.getInt(offsets + index * 4L + 4) - start;
    long at = data + start;
    int common = Math.min(length, key.length);
    int i = 0;
    for (; i + 8 <= common; i += 8) {
      long a = MemoryUtil.getLong(at + i);
      if (LITTLE_ENDIAN) {
        a = Long.reverseBytes(a);
      }
      long b = (long) BIG_ENDIAN_LONG.get(key, i);
      if (a != b) {
        return Long.compareUnsigned(a, b);
      }
    }
    for (; i < common; i++) {
      int c = Integer.compare(MemoryUtil.getByte(at + i) & 0xFF, key[i] & 0xFF);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(length, key.length);
  }

  /**
   * The first index whose key is {@code >= bound} ({@code after}: {@code > bound}) in the sorted
   * {@code keys}.
   */
  private static int lowerBound(byte[][] keys, byte[] bound, boolean after) {
    int low = 0;
    int high = keys.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      int c = Arrays.compareUnsigned(keys[mid], bound);
      if (c < 0 || (after && c == 0)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
