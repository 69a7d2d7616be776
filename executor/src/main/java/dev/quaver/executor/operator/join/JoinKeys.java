package dev.quaver.executor.operator.join;

import dev.quaver.executor.vector.HeapColumn;
import dev.quaver.planner.physical.Field;
import dev.quaver.planner.physical.PhysicalHashJoin;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The join key columns of one side of the vectorized hash join, hashed and compared straight from
 * their unboxed values: a LONG key reads the side's {@link HeapColumn} (integers of any width,
 * and DATE, TIME, TIMESTAMP, BOOLEAN when both sides have that one type), a BYTES key (VARCHAR,
 * CHAR, VARBINARY) keeps its own copy of the value bytes, appended from the Arrow data and offset
 * buffers in bulk. Hashes are computed a column at a time over a range of rows.
 *
 * <p>SQL semantics: a row with a NULL in any key matches nothing (the caller skips it); integers
 * compare by value whatever their width; strings compare byte for byte (UTF-8 is one encoding per
 * string), without trailing spaces when either side of the pair is CHAR, as the comparison
 * operator does (the padding of CHAR(3) 'ab' and CHAR(5) 'ab' differs, the values are equal). Key
 * pairs of other types (DECIMAL, floating point, mixed kinds) are not vectorizable:
 * {@link #kinds} returns null and the join runs as {@link RowHashJoin}.
 *
 * <p>Thread safety: confined to the join's thread.
 */
final class JoinKeys {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long MIX = 0x9E3779B97F4A7C15L;

  /** How one key pair is read. */
  enum Kind { LONG, BYTES }

  private final int[] columns;
  private final Kind[] kinds;
  private final boolean[] padded;
  private final KeyBytes[] bytes;
  private HeapColumn[] heap;

  JoinKeys(int[] columns, Kind[] kinds, boolean[] padded) {
    this.columns = columns;
    this.kinds = kinds;
    this.padded = padded;
    this.bytes = new KeyBytes[columns.length];
  }

  /**
   * How each key pair of {@code node} is read, or null when some pair is not vectorizable.
   * {@code left}/{@code right} are the inputs' batch schemas.
   */
  static Kind[] kinds(PhysicalHashJoin node, Schema left, Schema right, int[] leftKeys, int[] rightKeys) {
    if (leftKeys.length == 0 || leftKeys.length != rightKeys.length) {
      return null;
    }
    Kind[] kinds = new Kind[leftKeys.length];
    for (int k = 0; k < leftKeys.length; k++) {
      ArrowType l = left.getFields().get(leftKeys[k]).getType();
      ArrowType r = right.getFields().get(rightKeys[k]).getType();
      SqlType ls = sqlType(node.left().fields(), leftKeys[k]);
      SqlType rs = sqlType(node.right().fields(), rightKeys[k]);
      if (l instanceof ArrowType.Int && r instanceof ArrowType.Int) {
        kinds[k] = Kind.LONG;
      } else if ((l instanceof ArrowType.Utf8 && r instanceof ArrowType.Utf8)
          || (l instanceof ArrowType.Binary && r instanceof ArrowType.Binary)) {
        kinds[k] = Kind.BYTES;
      } else if (l.equals(r) && ls != null && ls == rs && isLongReadable(l)) {
        kinds[k] = Kind.LONG;
      } else {
        return null;
      }
    }
    return kinds;
  }

  /** Per key pair: true when either side is CHAR (trailing spaces do not count). */
  static boolean[] padded(PhysicalHashJoin node, int[] leftKeys, int[] rightKeys) {
    boolean[] padded = new boolean[leftKeys.length];
    for (int k = 0; k < leftKeys.length; k++) {
      padded[k] = sqlType(node.left().fields(), leftKeys[k]) == SqlType.CHAR
          || sqlType(node.right().fields(), rightKeys[k]) == SqlType.CHAR;
    }
    return padded;
  }

  private static SqlType sqlType(List<Field> fields, int index) {
    if (index >= fields.size()) {
      return null;
    }
    ColumnType type = fields.get(index).type();
    return type.type();
  }

  /** Fixed-width types that HeapColumn.longAt reads exactly (4 or 8 bytes, or one byte per BOOLEAN). */
  private static boolean isLongReadable(ArrowType type) {
    return type instanceof ArrowType.Date || type instanceof ArrowType.Timestamp
        || type instanceof ArrowType.Time || type instanceof ArrowType.Bool;
  }

  /** Starts over on {@code columns} (this side's columns, which the caller fills). */
  void reset(HeapColumn[] columns) {
    this.heap = columns;
    for (int k = 0; k < bytes.length; k++) {
      if (kinds[k] == Kind.BYTES) {
        if (bytes[k] == null) {
          bytes[k] = new KeyBytes(padded[k]);
        } else {
          bytes[k].clear();
        }
      }
    }
  }

  /** Drops the values held (the join handed its rows to the boxed join). */
  void release() {
    heap = null;
    Arrays.fill(bytes, null);
  }

  /** Appends the key values of the first {@code rows} rows of {@code vectors} (this side's batch). */
  void append(List<FieldVector> vectors, int rows) {
    for (int k = 0; k < columns.length; k++) {
      if (kinds[k] == Kind.BYTES) {
        bytes[k].append(vectors.get(columns[k]), rows);
      }
    }
  }

  /** Heap bytes held beyond the side's columns. */
  long bytes() {
    long total = 0;
    for (KeyBytes b : bytes) {
      total += b == null ? 0 : b.bytes();
    }
    return total;
  }

  /**
   * The hash of rows {@code [from, to)} into {@code hashes[0..)}, computed a key column at a time,
   * and whether each has a NULL key into {@code nullKey}.
   */
  void hash(int from, int to, long[] hashes, boolean[] nullKey) {
    int count = to - from;
    Arrays.fill(hashes, 0, count, 0L);
    Arrays.fill(nullKey, 0, count, false);
    for (int k = 0; k < columns.length; k++) {
      HeapColumn column = heap[columns[k]];
      for (int i = 0; i < count; i++) {
        if (column.isNull(from + i)) {
          nullKey[i] = true;
        }
      }
      if (kinds[k] == Kind.LONG) {
        for (int i = 0; i < count; i++) {
          hashes[i] = (hashes[i] + column.longAt(from + i)) * MIX;
        }
      } else {
        KeyBytes b = bytes[k];
        for (int i = 0; i < count; i++) {
          hashes[i] = (hashes[i] + b.hash(from + i)) * MIX;
        }
      }
    }
    for (int i = 0; i < count; i++) {
      hashes[i] ^= hashes[i] >>> 29;
    }
  }

  /** True when this side's row {@code row} has the same key as {@code other}'s row {@code otherRow}. */
  boolean equal(int row, JoinKeys other, int otherRow) {
    for (int k = 0; k < columns.length; k++) {
      if (kinds[k] == Kind.LONG) {
        if (heap[columns[k]].longAt(row) != other.heap[other.columns[k]].longAt(otherRow)) {
          return false;
        }
      } else if (!bytes[k].equal(row, other.bytes[k], otherRow)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Variable-width key values as bytes with offsets; the length of a padded (CHAR) value leaves
   * out its trailing spaces.
   */
  private static final class KeyBytes {
    private final boolean padded;
    private byte[] data = new byte[64];
    private int[] starts = new int[16];
    private int[] lengths = new int[16];
    private int size;
    private int dataBytes;

    KeyBytes(boolean padded) {
      this.padded = padded;
    }

    void clear() {
      size = 0;
      dataBytes = 0;
    }

    long bytes() {
      return data.length + 8L * starts.length;
    }

    void append(FieldVector vector, int rows) {
      if (rows == 0) {
        return;
      }
      if (size + rows > starts.length) {
        int capacity = Math.max(size + rows, starts.length * 2);
        starts = Arrays.copyOf(starts, capacity);
        lengths = Arrays.copyOf(lengths, capacity);
      }
      byte[] offsets = new byte[(rows + 1) * 4];
      vector.getOffsetBuffer().getBytes(0, offsets);
      int first = (int) INTS.get(offsets, 0);
      int last = (int) INTS.get(offsets, rows * 4);
      int total = last - first;
      if (dataBytes + total > data.length) {
        data = Arrays.copyOf(data, Math.max(dataBytes + total, data.length * 2));
      }
      if (total > 0) {
        vector.getDataBuffer().getBytes(first, data, dataBytes, total);
      }
      int shift = dataBytes - first;
      int start = (int) INTS.get(offsets, 0);
      for (int i = 0; i < rows; i++) {
        int end = (int) INTS.get(offsets, (i + 1) * 4);
        int at = start + shift;
        int length = Math.max(0, end - start); // a NULL slot may have any offsets: never read
        if (padded) {
          while (length > 0 && data[at + length - 1] == ' ') {
            length--;
          }
        }
        starts[size + i] = at;
        lengths[size + i] = length;
        start = end;
      }
      size += rows;
      dataBytes += total;
    }

    long hash(int row) {
      int at = starts[row];
      int length = lengths[row];
      long h = length * 0xC2B2AE3D27D4EB4FL;
      int i = 0;
      for (; i + 8 <= length; i += 8) {
        h = Long.rotateLeft(h ^ ((long) LONGS.get(data, at + i) * MIX), 29) * 0xC2B2AE3D27D4EB4FL;
      }
      long tail = 0;
      for (; i < length; i++) {
        tail = (tail << 8) | (data[at + i] & 0xFF);
      }
      h = (h ^ tail) * MIX;
      return h ^ (h >>> 31);
    }

    boolean equal(int row, KeyBytes other, int otherRow) {
      int length = lengths[row];
      if (length != other.lengths[otherRow]) {
        return false;
      }
      int at = starts[row];
      int otherAt = other.starts[otherRow];
      return Arrays.equals(data, at, at + length, other.data, otherAt, otherAt + length);
    }
  }
}
