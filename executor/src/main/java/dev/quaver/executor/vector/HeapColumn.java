package dev.quaver.executor.vector;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * One column's values copied to Java arrays in their Arrow byte layout (fixed-width values, one
 * byte per BOOLEAN, or variable-width bytes with offsets) plus a null mask. It is the unboxed form
 * in which vectorized operators hold and move rows: appended from Arrow vectors with one bulk copy
 * per buffer (per-element ArrowBuf accessors check bounds and the reference count on every call),
 * and gathered by row positions into new Arrow vectors. Integral columns also read as longs for
 * hash keys. Supports every vector type of ArrowTypes (fixed width, Bool, Utf8, Binary).
 *
 * <p>Gathering is the inner loop of every filter, projection, join and exchange: fixed-width
 * values are written straight into the new vector's buffer by one typed loop per width (no
 * intermediate array), and the validity bitmap is filled wholesale when neither the column nor the
 * positions hold a NULL (the column tracks whether it has one). A column can be {@link #clear}ed
 * and refilled so that an operator reuses its arrays from batch to batch.
 *
 * <p>Thread safety: confined to one operator's thread.
 */
public final class HeapColumn {
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORTS =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  private enum Kind { FIXED, BIT, VARIABLE }

  private final Field field;
  private final Kind kind;
  /** Bytes per value (FIXED), 1 (BIT), 0 (VARIABLE). */
  private final int width;
  private byte[] data = new byte[0];
  private int[] offsets; // VARIABLE: value i is data[offsets[i], offsets[i+1])
  private boolean[] nulls = new boolean[0];
  private int size;
  private int dataBytes;
  /** True when some value appended since the last clear is NULL. */
  private boolean hasNulls;

  private HeapColumn(Field field, Kind kind, int width) {
    this.field = field;
    this.kind = kind;
    this.width = width;
    if (kind == Kind.VARIABLE) {
      offsets = new int[] {0};
    }
  }

  /** True when vectors of {@code field}'s type can be held (every ArrowTypes type is). */
  public static boolean supports(Field field) {
    return kindOf(field) != null;
  }

  /** An empty column of {@code field}'s type. Requires: {@link #supports}. */
  public static HeapColumn empty(Field field) {
    Kind kind = kindOf(field);
    if (kind == null) {
      throw new IllegalArgumentException("not a heap column type: " + field);
    }
    return new HeapColumn(field, kind, kind == Kind.FIXED ? fixedWidth(field.getType()) : kind == Kind.BIT ? 1 : 0);
  }

  /** The first {@code rowCount} values of {@code vector} as a new column. */
  public static HeapColumn of(FieldVector vector, int rowCount) {
    HeapColumn column = empty(vector.getField());
    column.append(vector, rowCount);
    return column;
  }

  public Field field() {
    return field;
  }

  public int size() {
    return size;
  }

  /** Rough heap footprint, for memory accounting. */
  public long bytes() {
    return 64L + data.length + nulls.length + (offsets == null ? 0 : 4L * offsets.length);
  }

  /** True for the integral vector types, which {@link #longAt} reads. */
  public static boolean isIntegral(Field field) {
    return field.getType() instanceof ArrowType.Int;
  }

  public boolean isNull(int row) {
    return nulls[row];
  }

  /** True when some value of this column is NULL (false: {@link #isNull} is false for every row). */
  public boolean hasNulls() {
    return hasNulls;
  }

  /** Empties this column, keeping its arrays for the next appends. */
  public void clear() {
    if (hasNulls) {
      Arrays.fill(nulls, 0, size, false);
    }
    size = 0;
    dataBytes = 0;
    hasNulls = false;
  }

  /**
   * The values of rows {@code [from, from + count)} as longs into {@code out[at, at + count)}, one
   * typed loop per width; NULL rows give whatever their slot holds. Requires: {@link #longAt} applies.
   */
  public void longs(int from, int count, long[] out, int at) {
    switch (width) {
      case 8 -> {
        for (int i = 0; i < count; i++) {
          out[at + i] = (long) LONGS.get(data, (from + i) << 3);
        }
      }
      case 4 -> {
        for (int i = 0; i < count; i++) {
          out[at + i] = (int) INTS.get(data, (from + i) << 2);
        }
      }
      case 2 -> {
        for (int i = 0; i < count; i++) {
          out[at + i] = (short) SHORTS.get(data, (from + i) << 1);
        }
      }
      default -> {
        for (int i = 0; i < count; i++) {
          out[at + i] = data[from + i];
        }
      }
    }
  }

  /** The value of an integral column as a long. Requires: {@link #isIntegral}, not null. */
  public long longAt(int row) {
    switch (width) {
      case 4:
        return (int) INTS.get(data, row << 2);
      case 8:
        return (long) LONGS.get(data, row << 3);
      case 2:
        return (short) SHORTS.get(data, row << 1);
      default:
        return data[row];
    }
  }

  /** Appends the first {@code rowCount} values of {@code vector} (same type as this column). */
  public void append(FieldVector vector, int rowCount) {
    if (rowCount == 0) {
      return;
    }
    ensureRows(size + rowCount);
    byte[] bits = new byte[(rowCount + 7) / 8];
    vector.getValidityBuffer().getBytes(0, bits);
    // New slots are false (not NULL): only bytes of the bitmap with a zero bit need a look.
    for (int b = 0; b < bits.length; b++) {
      if (bits[b] != (byte) 0xFF) {
        for (int i = b << 3, end = Math.min(i + 8, rowCount); i < end; i++) {
          boolean isNull = (bits[b] & (1 << (i & 7))) == 0;
          nulls[size + i] = isNull;
          hasNulls |= isNull;
        }
      }
    }
    switch (kind) {
      case FIXED: {
        int bytes = rowCount * width;
        ensureData(dataBytes + bytes);
        vector.getDataBuffer().getBytes(0, data, dataBytes, bytes);
        dataBytes += bytes;
        break;
      }
      case BIT: {
        ensureData(dataBytes + rowCount);
        byte[] values = new byte[(rowCount + 7) / 8];
        vector.getDataBuffer().getBytes(0, values);
        for (int i = 0; i < rowCount; i++) {
          data[dataBytes + i] = (byte) ((values[i >> 3] >> (i & 7)) & 1);
        }
        dataBytes += rowCount;
        break;
      }
      case VARIABLE: {
        byte[] offsetBytes = new byte[(rowCount + 1) * 4];
        vector.getOffsetBuffer().getBytes(0, offsetBytes);
        int first = (int) INTS.get(offsetBytes, 0);
        int last = (int) INTS.get(offsetBytes, rowCount * 4);
        int bytes = last - first;
        ensureData(dataBytes + bytes);
        if (bytes > 0) {
          vector.getDataBuffer().getBytes(first, data, dataBytes, bytes);
        }
        int shift = dataBytes - first;
        for (int i = 1; i <= rowCount; i++) {
          offsets[size + i] = (int) INTS.get(offsetBytes, i * 4) + shift;
        }
        dataBytes += bytes;
        break;
      }
    }
    size += rowCount;
  }

  /**
   * A new vector (of {@code allocator}, owned by the caller) whose value k is this column's value
   * at {@code rows[from + k]}, or NULL where that position is negative; k below {@code count}.
   */
  public FieldVector gather(int[] rows, int from, int count, BufferAllocator allocator) {
    FieldVector target = field.createVector(allocator);
    try {
      byte[] validity = new byte[(count + 7) / 8];
      switch (kind) {
        case FIXED:
          gatherFixed((BaseFixedWidthVector) target, rows, from, count, validity);
          break;
        case BIT:
          gatherBits((BitVector) target, rows, from, count, validity);
          break;
        case VARIABLE:
          StringGather.gather((BaseVariableWidthVector) target, data, offsets, nulls, hasNulls, rows, from, count,
              validity);
          break;
      }
      if (count > 0) {
        target.getValidityBuffer().setBytes(0, validity);
      }
      target.setValueCount(count);
      return target;
    } catch (RuntimeException | Error e) {
      target.close();
      throw e;
    }
  }

  private void gatherFixed(BaseFixedWidthVector target, int[] rows, int from, int count, byte[] validity) {
    target.allocateNew(Math.max(count, 1));
    int any = 0;
    for (int k = 0; k < count; k++) {
      any |= rows[from + k];
    }
    boolean noMissing = any >= 0; // no negative position: no NULL row from an outer join
    long address = target.getDataBuffer().memoryAddress();
    if (width != 4 && width != 8) {
      copyOtherWidth(target, rows, from, count);
    } else if (noMissing) {
      copyFixed(address, rows, from, count);
    } else {
      copyFixedSkippingMissing(address, rows, from, count);
    }
    if (noMissing && !hasNulls) {
      allValid(validity, count);
      return;
    }
    for (int k = 0; k < count; k++) {
      int row = rows[from + k];
      if (row >= 0 && !nulls[row]) {
        validity[k >> 3] |= (byte) (1 << (k & 7));
      }
    }
  }

  /**
   * Width 4 or 8: writes value {@code rows[from + k]} to {@code address + k * width} for each k: the target was
   * allocated for {@code count} values, and the reads from {@code data} are bounds-checked.
   */
  private void copyFixed(long address, int[] rows, int from, int count) {
    if (width == 8) {
      for (int k = 0; k < count; k++) {
        MemoryUtil.putLong(address + ((long) k << 3), (long) LONGS.get(data, rows[from + k] << 3));
      }
    } else {
      for (int k = 0; k < count; k++) {
        MemoryUtil.putInt(address + ((long) k << 2), (int) INTS.get(data, rows[from + k] << 2));
      }
    }
  }

  /** As {@link #copyFixed} (width 4 or 8), leaving the slots of negative positions (NULL rows) zero. */
  private void copyFixedSkippingMissing(long address, int[] rows, int from, int count) {
    for (int k = 0; k < count; k++) {
      int row = rows[from + k];
      if (row < 0) {
        continue;
      }
      if (width == 8) {
        MemoryUtil.putLong(address + ((long) k << 3), (long) LONGS.get(data, row << 3));
      } else {
        MemoryUtil.putInt(address + ((long) k << 2), (int) INTS.get(data, row << 2));
      }
    }
  }

  /** Widths other than 4 and 8 (2, 16, ...): through a heap array; slots of negative positions stay zero. */
  private void copyOtherWidth(BaseFixedWidthVector target, int[] rows, int from, int count) {
    byte[] out = new byte[count * width];
    for (int k = 0; k < count; k++) {
      int row = rows[from + k];
      if (row >= 0) {
        System.arraycopy(data, row * width, out, k * width, width);
      }
    }
    if (count > 0) {
      target.getDataBuffer().setBytes(0, out);
    }
  }

  /** Sets the first {@code count} bits of {@code validity} (the rest of its last byte stays clear). */
  static void allValid(byte[] validity, int count) {
    Arrays.fill(validity, 0, count >> 3, (byte) 0xFF);
    if ((count & 7) != 0) {
      validity[count >> 3] = (byte) ((1 << (count & 7)) - 1);
    }
  }

  private void gatherBits(BitVector target, int[] rows, int from, int count, byte[] validity) {
    target.allocateNew(Math.max(count, 1));
    byte[] out = new byte[(count + 7) / 8];
    for (int k = 0; k < count; k++) {
      int row = rows[from + k];
      if (row < 0 || nulls[row]) {
        continue;
      }
      validity[k >> 3] |= (byte) (1 << (k & 7));
      if (data[row] != 0) {
        out[k >> 3] |= (byte) (1 << (k & 7));
      }
    }
    if (count > 0) {
      target.getDataBuffer().setBytes(0, out);
    }
  }

  private void ensureRows(int rows) {
    if (rows > nulls.length) {
      int capacity = Math.max(rows, nulls.length * 2);
      nulls = Arrays.copyOf(nulls, capacity);
      if (offsets != null) {
        offsets = Arrays.copyOf(offsets, capacity + 1);
      }
    }
  }

  private void ensureData(int bytes) {
    if (bytes > data.length) {
      // Spare bytes after the values let StringGather read a short value as whole longs.
      data = Arrays.copyOf(data, Math.max(bytes + StringGather.SLACK, data.length * 2));
    }
  }

  private static Kind kindOf(Field field) {
    ArrowType type = field.getType();
    if (type instanceof ArrowType.Bool) {
      return Kind.BIT;
    }
    if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.Binary) {
      return Kind.VARIABLE;
    }
    return fixedWidth(type) > 0 ? Kind.FIXED : null;
  }

  private static int fixedWidth(ArrowType type) {
    if (type instanceof ArrowType.Int i) {
      return i.getBitWidth() / 8;
    }
    if (type instanceof ArrowType.FloatingPoint f) {
      return switch (f.getPrecision()) {
        case HALF -> 2;
        case SINGLE -> 4;
        case DOUBLE -> 8;
      };
    }
    if (type instanceof ArrowType.Decimal d) {
      return d.getBitWidth() / 8;
    }
    if (type instanceof ArrowType.Date d) {
      return d.getUnit() == org.apache.arrow.vector.types.DateUnit.DAY ? 4 : 8;
    }
    if (type instanceof ArrowType.Time t) {
      return t.getBitWidth() / 8;
    }
    if (type instanceof ArrowType.Timestamp) {
      return 8;
    }
    if (type instanceof ArrowType.Interval i) {
      return switch (i.getUnit()) {
        case YEAR_MONTH -> 4;
        case DAY_TIME -> 8;
        case MONTH_DAY_NANO -> 16;
      };
    }
    if (type instanceof ArrowType.Duration) {
      return 8;
    }
    return 0;
  }
}
