package dev.quaver.storage.columnar.segment;

import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.row.KeyEncoder;
import dev.quaver.storage.row.KeySpace;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.util.function.IntConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * {@link KeyMatch} for the common table shape whose primary key is one INTEGER or BIGINT column
 * and that has no sort key: its segments are in primary-key order, and the row key is the prefix
 * plus the key-encoded value, so the changed keys decode to sorted numbers and each is
 * binary-searched in the group's key <em>column</em> (4 or 8 bytes a row, loaded like any data
 * column) instead of its {@code $rowkey} column (14 or 18 bytes plus offsets a row, compared as
 * bytes): less to decompress and a plain number comparison per step. Stateless.
 */
public final class IntegralKeyMatch {
  private IntegralKeyMatch() {}

  /** The primary-key column whose values order {@code table}'s segments, or -1 if none. */
  public static int keyColumn(TableDef table) {
    if (!table.sortKey().isEmpty() || table.primaryKey().size() != 1) {
      return -1;
    }
    int column = table.primaryKey().get(0);
    SqlType type = table.columns().get(column).type().type();
    return type == SqlType.INTEGER || type == SqlType.BIGINT ? column : -1;
  }

  /**
   * The key values of {@code sortedRowKeys} (row keys of a table whose {@link #keyColumn} has
   * {@code type}), ascending; null when one does not have that shape.
   */
  public static long[] values(byte[][] sortedRowKeys, ColumnType type) {
    int width = width(type);
    long[] values = new long[sortedRowKeys.length];
    for (int i = 0; i < sortedRowKeys.length; i++) {
      byte[] key = sortedRowKeys[i];
      if (key.length != KeySpace.PREFIX_BYTES + 1 + width
          || key[KeySpace.PREFIX_BYTES] != KeyEncoder.NOT_NULL) {
        return null;
      }
      values[i] = decode(key, KeySpace.PREFIX_BYTES + 1, width);
    }
    return values;
  }

  /**
   * Calls {@code rows} with the ordinal of every row of {@code reader} whose key column
   * ({@code column}, of {@code type}) holds one of {@code sortedValues}; groups whose zone map or
   * shape does not show them in key order are matched by {@link KeyMatch} on the row keys.
   */
  public static void matchingRows(SegmentReader reader, int column, ColumnType type,
      long[] sortedValues, byte[][] sortedRowKeys, int rowKeyColumn, BufferAllocator allocator,
      IntConsumer rows) {
    if (sortedValues.length == 0) {
      return;
    }
    int width = width(type);
    int[] columns = {column};
    int groupRows = reader.rowGroupCount() == 0 ? 0 : reader.rowGroupRows(0);
    for (int group = 0; group < reader.rowGroupCount(); group++) {
      ZoneMap zone = reader.zoneMap(group, column);
      Long min = bound(zone.min(), width);
      Long max = bound(zone.max(), width);
      int lo = min == null ? 0 : lowerBound(sortedValues, min, false);
      int hi = max == null ? sortedValues.length : lowerBound(sortedValues, max, true);
      if (lo >= hi) {
        continue;
      }
      int groupStart = group * groupRows;
      boolean matched = false;
      try (VectorSchemaRoot loaded = reader.load(group, columns, allocator)) {
        int count = loaded.getRowCount();
        if (min != null && max != null && count > 0
            && loaded.getFieldVectors().get(0) instanceof BaseFixedWidthVector vector
            && vector.getTypeWidth() == width && vector.getNullCount() == 0
            && vector.getDataBuffer().capacity() >= (long) count * width) {
          long data = vector.getDataBuffer().memoryAddress();
          if (value(data, 0, width) == min && value(data, count - 1, width) == max) {
            int from = 0;
            for (int k = lo; k < hi && from < count; k++) {
              int at = search(data, width, from, count, sortedValues[k]);
              if (at >= 0) {
                rows.accept(groupStart + at);
                from = at + 1;
              } else {
                from = -at - 1;
              }
            }
            matched = true;
          }
        }
      }
      if (!matched) { // not in key order after all: by row key, this group only
        byte[][] keys = java.util.Arrays.copyOfRange(sortedRowKeys, lo, hi);
        KeyMatch.matchingRowsOfGroup(reader, group, rowKeyColumn, keys, allocator, rows);
      }
    }
  }

  private static int width(ColumnType type) {
    return type.type() == SqlType.BIGINT ? 8 : 4;
  }

  private static long value(long data, int index, int width) {
    return width == 8 ? MemoryUtil.getLong(data + (long) index * 8)
        : MemoryUtil.getInt(data + (long) index * 4);
  }

  private static int search(long data, int width, int from, int to, long key) {
    int low = from;
    int high = to - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long value = value(data, mid, width);
      if (value < key) {
        low = mid + 1;
      } else if (value > key) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }

  /** A zone-map bound (key encoding: NOT_NULL then the sign-flipped big-endian value). */
  private static Long bound(byte[] encoded, int width) {
    if (encoded == null || encoded.length != 1 + width || encoded[0] != KeyEncoder.NOT_NULL) {
      return null;
    }
    return decode(encoded, 1, width);
  }

  private static long decode(byte[] bytes, int at, int width) {
    long value = 0;
    for (int i = 0; i < width; i++) {
      value = (value << 8) | (bytes[at + i] & 0xFF);
    }
    return width == 8 ? value ^ Long.MIN_VALUE : (int) value ^ Integer.MIN_VALUE;
  }

  private static int lowerBound(long[] values, long bound, boolean after) {
    int low = 0;
    int high = values.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (values[mid] < bound || (after && values[mid] == bound)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
