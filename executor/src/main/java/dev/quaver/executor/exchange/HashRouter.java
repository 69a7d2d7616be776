package dev.quaver.executor.exchange;

import dev.quaver.executor.vector.VectorValues;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.storage.columnar.PartitionFunction;
import dev.quaver.type.ColumnType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The consumer of each row of a hash-shuffled batch, by the one partition rule
 * ({@link PartitionFunction#of}: CRC32C of the key encoding of storage's KeyEncoder, modulo the
 * consumer count), computed a batch at a time and a key column at a time: each key column's
 * Arrow buffers are copied to the heap in bulk, the rows' encoded lengths summed column by
 * column, each column's encodings written into the rows' slots of one byte array, then one CRC
 * per row. No boxed value, no per-row encoder. DECIMAL keys, and vectors whose Arrow type is not
 * the key type's ({@link ArrowTypes}), take the boxed path (VectorValues + PartitionFunction).
 * {@code HashRouterTest} checks both paths agree.
 *
 * <p>Thread safety: confined to one producer's thread.
 */
final class HashRouter {
  private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle BE_SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle BE_INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle BE_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final int[] keyColumns;
  private final List<ColumnType> keyTypes;
  private final int consumers;
  private final CRC32C crc = new CRC32C();
  private int[] lengths = new int[0];
  private int[] cursors = new int[0];
  private byte[] keys = new byte[0];
  private byte[] validity = new byte[0];
  private byte[] data = new byte[0];
  private byte[] offsets = new byte[0];

  HashRouter(int[] keyColumns, List<ColumnType> keyTypes, int consumers) {
    this.keyColumns = keyColumns;
    this.keyTypes = keyTypes;
    this.consumers = consumers;
  }

  /** Sets {@code targets[r]} to the consumer of row r, for the first {@code rows} rows. */
  void route(VectorSchemaRoot batch, int rows, int[] targets) {
    List<FieldVector> vectors = batch.getFieldVectors();
    if (!columnWise(vectors)) {
      routeBoxed(vectors, rows, targets);
      return;
    }
    if (keyColumns.length == 1 && integral(keyTypes.get(0))) {
      routeIntegral(vectors.get(keyColumns[0]), width(keyTypes.get(0)), rows, targets);
      return;
    }
    if (lengths.length < rows) {
      lengths = new int[rows];
      cursors = new int[rows];
    }
    Arrays.fill(lengths, 0, rows, 0);
    for (int k = 0; k < keyColumns.length; k++) {
      addLengths(vectors.get(keyColumns[k]), keyTypes.get(k), rows);
    }
    int total = 0;
    for (int r = 0; r < rows; r++) {
      cursors[r] = total;
      total += lengths[r];
    }
    if (keys.length < total) {
      keys = new byte[Math.max(total, keys.length * 2)];
    }
    for (int k = 0; k < keyColumns.length; k++) {
      encode(vectors.get(keyColumns[k]), keyTypes.get(k), rows);
    }
    for (int r = 0, start = 0; r < rows; r++) {
      crc.reset();
      crc.update(keys, start, lengths[r]);
      targets[r] = Math.floorMod((int) crc.getValue(), consumers);
      start += lengths[r];
    }
  }

  /** Integer-like types whose encoding is the NOT_NULL byte and the sign-flipped big-endian value. */
  private static boolean integral(ColumnType type) {
    return switch (type.type()) {
      case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH, BIGINT, TIMESTAMP, INTERVAL_DAY_TIME -> true;
      default -> false;
    };
  }

  /**
   * One integer-like key (the common join and GROUP BY key): the CRC32C of its 5 or 9 encoded
   * bytes computed straight from the value with {@link Crc32c}'s tables, without writing the
   * encoding or calling {@link CRC32C} per row (that call's fixed cost was most of the routing).
   */
  private void routeIntegral(FieldVector vector, int width, int rows, int[] targets) {
    load(vector, rows, width);
    int nullTarget = Math.floorMod(~Crc32c.update(Crc32c.INITIAL, (byte) 0), consumers);
    int afterNotNull = Crc32c.update(Crc32c.INITIAL, (byte) 1);
    for (int r = 0; r < rows; r++) {
      int crc;
      if (isNull(r)) {
        targets[r] = nullTarget;
        continue;
      }
      if (width == 4) {
        crc = Crc32c.update4(afterNotNull, Integer.reverseBytes((int) INTS.get(data, r * 4) ^ Integer.MIN_VALUE));
      } else {
        long big = Long.reverseBytes((long) LONGS.get(data, r * 8) ^ Long.MIN_VALUE);
        crc = Crc32c.update4(Crc32c.update4(afterNotNull, (int) big), (int) (big >>> 32));
      }
      targets[r] = Math.floorMod(~crc, consumers);
    }
  }

  private boolean columnWise(List<FieldVector> vectors) {
    for (int k = 0; k < keyColumns.length; k++) {
      ColumnType type = keyTypes.get(k);
      if (width(type) == 0 || !vectors.get(keyColumns[k]).getField().getType().equals(ArrowTypes.arrowType(type))) {
        return false;
      }
    }
    return true;
  }

  private void routeBoxed(List<FieldVector> vectors, int rows, int[] targets) {
    Object[] key = new Object[keyColumns.length];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < keyColumns.length; k++) {
        key[k] = VectorValues.get(vectors.get(keyColumns[k]), r);
      }
      targets[r] = PartitionFunction.of(keyTypes, key, consumers);
    }
  }

  /** Encoded value bytes after the NOT_NULL byte: a fixed width, -1 for strings, 0 unsupported. */
  private static int width(ColumnType type) {
    return switch (type.type()) {
      case BOOLEAN, TINYINT -> 1;
      case SMALLINT -> 2;
      case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH, REAL -> 4;
      case BIGINT, TIMESTAMP, INTERVAL_DAY_TIME, DOUBLE -> 8;
      case CHAR, VARCHAR -> -1;
      case DECIMAL -> 0;
    };
  }

  /** Copies the column's validity (and values) to the heap. */
  private void load(FieldVector vector, int rows, int width) {
    int bitmap = (rows + 7) / 8;
    if (validity.length < bitmap) {
      validity = new byte[bitmap];
    }
    vector.getValidityBuffer().getBytes(0, validity, 0, bitmap);
    if (width > 0) {
      int bytes = width == 1 && vector.getField().getType() instanceof org.apache.arrow.vector.types.pojo.ArrowType.Bool
          ? bitmap : rows * width;
      if (data.length < bytes) {
        data = new byte[bytes];
      }
      vector.getDataBuffer().getBytes(0, data, 0, bytes);
    } else {
      int offsetBytes = (rows + 1) * 4;
      if (offsets.length < offsetBytes) {
        offsets = new byte[offsetBytes];
      }
      vector.getOffsetBuffer().getBytes(0, offsets, 0, offsetBytes);
      int first = (int) INTS.get(offsets, 0);
      int last = (int) INTS.get(offsets, rows * 4);
      if (data.length < last) {
        data = new byte[last];
      }
      if (last > first) {
        vector.getDataBuffer().getBytes(first, data, first, last - first);
      }
    }
  }

  private boolean isNull(int row) {
    return (validity[row >> 3] & (1 << (row & 7))) == 0;
  }

  private void addLengths(FieldVector vector, ColumnType type, int rows) {
    int width = width(type);
    load(vector, rows, width);
    for (int r = 0; r < rows; r++) {
      if (isNull(r)) {
        lengths[r] += 1;
      } else if (width > 0) {
        lengths[r] += 1 + width;
      } else {
        int start = (int) INTS.get(offsets, r * 4);
        int end = (int) INTS.get(offsets, (r + 1) * 4);
        int zeros = 0;
        for (int i = start; i < end; i++) {
          if (data[i] == 0) {
            zeros++;
          }
        }
        lengths[r] += 1 + (end - start) + zeros + 2;
      }
    }
  }

  private void encode(FieldVector vector, ColumnType type, int rows) {
    int width = width(type);
    load(vector, rows, width);
    for (int r = 0; r < rows; r++) {
      int at = cursors[r];
      if (isNull(r)) {
        keys[at] = 0;
        cursors[r] = at + 1;
        continue;
      }
      keys[at++] = 1;
      switch (type.type()) {
        case BOOLEAN -> keys[at++] = (byte) ((data[r >> 3] >> (r & 7)) & 1);
        case TINYINT -> keys[at++] = (byte) (data[r] ^ 0x80);
        case SMALLINT -> {
          BE_SHORTS.set(keys, at, (short) ((short) SHORTS.get(data, r * 2) ^ 0x8000));
          at += 2;
        }
        case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> {
          BE_INTS.set(keys, at, (int) INTS.get(data, r * 4) ^ Integer.MIN_VALUE);
          at += 4;
        }
        case BIGINT, TIMESTAMP, INTERVAL_DAY_TIME -> {
          BE_LONGS.set(keys, at, (long) LONGS.get(data, r * 8) ^ Long.MIN_VALUE);
          at += 8;
        }
        case REAL -> {
          float value = Float.intBitsToFloat((int) INTS.get(data, r * 4));
          int bits = Float.floatToIntBits(value == 0.0f ? 0.0f : value);
          BE_INTS.set(keys, at, bits ^ ((bits >> 31) | Integer.MIN_VALUE));
          at += 4;
        }
        case DOUBLE -> {
          double value = Double.longBitsToDouble((long) LONGS.get(data, r * 8));
          long bits = Double.doubleToLongBits(value == 0.0d ? 0.0d : value);
          BE_LONGS.set(keys, at, bits ^ ((bits >> 63) | Long.MIN_VALUE));
          at += 8;
        }
        case CHAR, VARCHAR -> {
          int start = (int) INTS.get(offsets, r * 4);
          int end = (int) INTS.get(offsets, (r + 1) * 4);
          for (int i = start; i < end; i++) {
            byte b = data[i];
            keys[at++] = b;
            if (b == 0) {
              keys[at++] = (byte) 0xFF;
            }
          }
          keys[at++] = 0;
          keys[at++] = 1;
        }
        case DECIMAL -> throw new IllegalStateException("DECIMAL keys take the boxed path");
      }
      cursors[r] = at;
    }
  }
}
