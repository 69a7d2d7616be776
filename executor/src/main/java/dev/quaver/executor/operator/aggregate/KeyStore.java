package dev.quaver.executor.operator.aggregate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The values of one group key column by group id, in primitive arrays: fixed-width keys as 64
 * key bits ({@link BatchColumn#keyBits}: floating point normalized, so the stored value is the
 * one RowKey would keep), DECIMAL as two longs, BYTES in one byte arena. Compares a stored key
 * with an input row and writes keys back into Arrow vectors.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class KeyStore {
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORTS =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  private final BatchColumn.Kind kind;
  private final int width;
  private long[] values = new long[16];
  private long[] high; // DECIMAL
  private int[] starts; // BYTES: value i is arena[starts[i], starts[i + 1])
  private byte[] arena;
  private int arenaUsed;
  private boolean[] nulls = new boolean[16];
  private int size;

  KeyStore(BatchColumn.Kind kind, int width) {
    this.kind = kind;
    this.width = width;
    if (kind == BatchColumn.Kind.DECIMAL) {
      high = new long[16];
    } else if (kind == BatchColumn.Kind.BYTES) {
      starts = new int[17];
      arena = new byte[256];
    }
  }

  /** Rough heap bytes of a key from {@code column}'s row (not counting growth slack). */
  static long bytes(BatchColumn column, int row) {
    return switch (column.kind()) {
      case BYTES -> 5L + column.end(row) - column.start(row);
      case DECIMAL -> 17;
      default -> 9;
    };
  }

  /** Appends row {@code row} of {@code column} as the key of group {@code size()}. */
  void append(BatchColumn column, int row) {
    if (size == nulls.length) {
      int capacity = size * 2;
      nulls = Arrays.copyOf(nulls, capacity);
      if (kind == BatchColumn.Kind.BYTES) {
        starts = Arrays.copyOf(starts, capacity + 1);
      } else {
        values = Arrays.copyOf(values, capacity);
        if (high != null) {
          high = Arrays.copyOf(high, capacity);
        }
      }
    }
    boolean isNull = column.isNull(row);
    nulls[size] = isNull;
    switch (kind) {
      case BYTES -> {
        if (!isNull) {
          int start = column.start(row);
          int length = column.end(row) - start;
          if (arenaUsed + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arenaUsed + length, arena.length * 2));
          }
          System.arraycopy(column.bytes(), start, arena, arenaUsed, length);
          arenaUsed += length;
        }
        starts[size + 1] = arenaUsed;
      }
      case DECIMAL -> {
        values[size] = isNull ? 0 : column.decimalLow(row);
        high[size] = isNull ? 0 : column.decimalHigh(row);
      }
      default -> values[size] = isNull ? 0 : column.keyBits(row);
    }
    size++;
  }

  /** True when group {@code group}'s key equals row {@code row} of {@code column} (NULL = NULL). */
  boolean matches(int group, BatchColumn column, int row) {
    boolean isNull = column.isNull(row);
    if (nulls[group] || isNull) {
      return nulls[group] && isNull;
    }
    switch (kind) {
      case BYTES: {
        int start = column.start(row);
        return Arrays.equals(arena, starts[group], starts[group + 1], column.bytes(), start, column.end(row));
      }
      case DECIMAL:
        return values[group] == column.decimalLow(row) && high[group] == column.decimalHigh(row);
      default:
        return values[group] == column.keyBits(row);
    }
  }

  /** A hash of row {@code row}'s key value (equal keys, equal hashes). */
  static long hash(BatchColumn column, int row) {
    if (column.isNull(row)) {
      return 0x5bd1e9955bd1e995L;
    }
    switch (column.kind()) {
      case BYTES: {
        byte[] bytes = column.bytes();
        int i = column.start(row);
        int end = column.end(row);
        long h = 0x811c9dc5L + end - i;
        for (; i + 8 <= end; i += 8) { // eight bytes per step, then the tail
          h = (h ^ (long) LONGS.get(bytes, i)) * 0x9E3779B97F4A7C15L;
        }
        for (; i < end; i++) {
          h = (h ^ bytes[i]) * 0x100000001b3L;
        }
        return mix(h);
      }
      case DECIMAL:
        return mix(column.decimalLow(row) * 31 + column.decimalHigh(row));
      default:
        return mix(column.keyBits(row));
    }
  }

  /** A 64-bit finalizer (murmur3's fmix64). */
  static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    x *= 0xc4ceb9fe1a85ec53L;
    x ^= x >>> 33;
    return x;
  }

  /** Writes the keys of groups {@code [from, from + count)} into {@code vector} at 0 .. count-1. */
  void write(FieldVector vector, int from, int count) {
    if (count == 0) {
      vector.setValueCount(0);
      return;
    }
    byte[] validity = new byte[(count + 7) >> 3];
    for (int k = 0; k < count; k++) {
      if (!nulls[from + k]) {
        validity[k >> 3] |= (byte) (1 << (k & 7));
      }
    }
    if (kind == BatchColumn.Kind.BYTES) {
      BaseVariableWidthVector variable = (BaseVariableWidthVector) vector;
      for (int k = 0; k < count; k++) {
        int group = from + k;
        if (nulls[group]) {
          variable.setNull(k);
        } else {
          variable.setSafe(k, arena, starts[group], starts[group + 1] - starts[group]);
        }
      }
      vector.setValueCount(count);
      return;
    }
    byte[] out;
    if (vector instanceof BitVector) {
      out = new byte[(count + 7) >> 3];
      for (int k = 0; k < count; k++) {
        if (values[from + k] != 0) {
          out[k >> 3] |= (byte) (1 << (k & 7));
        }
      }
    } else {
      out = new byte[count * width];
      for (int k = 0; k < count; k++) {
        long value = values[from + k];
        switch (width) {
          case 16 -> {
            LONGS.set(out, k << 4, value);
            LONGS.set(out, (k << 4) + 8, high[from + k]);
          }
          case 8 -> LONGS.set(out, k << 3, value);
          case 4 -> INTS.set(out, k << 2, (int) value);
          case 2 -> SHORTS.set(out, k << 1, (short) value);
          default -> out[k] = (byte) value;
        }
      }
    }
    vector.getDataBuffer().setBytes(0, out);
    vector.getValidityBuffer().setBytes(0, validity);
    vector.setValueCount(count);
  }
}
