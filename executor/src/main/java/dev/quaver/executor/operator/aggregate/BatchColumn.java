package dev.quaver.executor.operator.aggregate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * One input column of the batch being aggregated, copied out of Arrow with one bulk copy per
 * buffer into reused Java arrays, read by the vectorized group tables and accumulators without
 * boxing (per-value ArrowBuf accessors check bounds and reference counts on every call). Also
 * keeps the vector itself for the boxed parts of an aggregation.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class BatchColumn {
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORTS =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  /** How values are read. */
  enum Kind {
    /** Two's complement integer of 1, 2, 4 or 8 bytes (integers, DATE, TIME, TIMESTAMP, intervals). */
    LONG,
    /** IEEE float of 4 bytes. */
    FLOAT,
    /** IEEE double. */
    DOUBLE,
    /** 128-bit two's complement unscaled DECIMAL value. */
    DECIMAL,
    /** BOOLEAN (bit-packed). */
    BIT,
    /** Variable-width bytes (VARCHAR as UTF-8, VARBINARY). */
    BYTES
  }

  private final Kind kind;
  private final int width;
  private FieldVector vector;
  private int rowCount;
  private byte[] data = new byte[0];
  private byte[] validity = new byte[0];
  private int[] offsets = new int[0];
  private boolean noNulls;

  private BatchColumn(Kind kind, int width) {
    this.kind = kind;
    this.width = width;
  }

  /** The kind values of {@code field}'s type are read as, or null when not supported. */
  static Kind kindOf(Field field) {
    ArrowType type = field.getType();
    if (type instanceof ArrowType.Int) {
      return Kind.LONG;
    } else if (type instanceof ArrowType.Date d) {
      return d.getUnit() == DateUnit.DAY ? Kind.LONG : null;
    } else if (type instanceof ArrowType.Time t) {
      return t.getBitWidth() == 32 ? Kind.LONG : null;
    } else if (type instanceof ArrowType.Timestamp) {
      return Kind.LONG;
    } else if (type instanceof ArrowType.FloatingPoint f) {
      return f.getPrecision() == FloatingPointPrecision.DOUBLE ? Kind.DOUBLE
          : f.getPrecision() == FloatingPointPrecision.SINGLE ? Kind.FLOAT : null;
    } else if (type instanceof ArrowType.Decimal d) {
      return d.getBitWidth() == 128 ? Kind.DECIMAL : null;
    } else if (type instanceof ArrowType.Bool) {
      return Kind.BIT;
    } else if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.Binary) {
      return Kind.BYTES;
    }
    return null;
  }

  /** Bytes per value of a fixed-width kind (the BIT kind: 1 per unpacked value); 0 for BYTES. */
  static int widthOf(Field field) {
    ArrowType type = field.getType();
    if (type instanceof ArrowType.Int i) {
      return i.getBitWidth() / 8;
    } else if (type instanceof ArrowType.Date || type instanceof ArrowType.Time) {
      return 4;
    } else if (type instanceof ArrowType.Timestamp) {
      return 8;
    } else if (type instanceof ArrowType.FloatingPoint f) {
      return f.getPrecision() == FloatingPointPrecision.DOUBLE ? 8 : 4;
    } else if (type instanceof ArrowType.Decimal) {
      return 16;
    } else if (type instanceof ArrowType.Bool) {
      return 1;
    }
    return 0;
  }

  /**
   * A reader for columns of {@code field}'s type; for a type {@link #kindOf} does not read (kind
   * null) only the vector is kept, for the boxed parts.
   */
  static BatchColumn of(Field field) {
    return new BatchColumn(kindOf(field), widthOf(field));
  }

  Kind kind() {
    return kind;
  }

  int width() {
    return width;
  }

  FieldVector vector() {
    return vector;
  }

  /** Copies the first {@code rowCount} values of {@code source} (this column's type). */
  void load(FieldVector source, int rows) {
    this.vector = source;
    this.rowCount = rows;
    if (kind == null) {
      return;
    }
    int bitmapBytes = (rows + 7) >> 3;
    if (validity.length < bitmapBytes) {
      validity = new byte[Math.max(bitmapBytes, validity.length * 2)];
    }
    noNulls = source.getNullCount() == 0;
    if (!noNulls && rows > 0) {
      source.getValidityBuffer().getBytes(0, validity, 0, bitmapBytes);
    }
    if (rows == 0) {
      return;
    }
    switch (kind) {
      case BIT -> {
        ensureData(bitmapBytes);
        source.getDataBuffer().getBytes(0, data, 0, bitmapBytes);
      }
      case BYTES -> {
        BaseVariableWidthVector variable = (BaseVariableWidthVector) source;
        if (offsets.length < rows + 1) {
          offsets = new int[Math.max(rows + 1, offsets.length * 2)];
        }
        byte[] offsetBytes = new byte[(rows + 1) * 4];
        variable.getOffsetBuffer().getBytes(0, offsetBytes, 0, offsetBytes.length);
        int first = (int) INTS.get(offsetBytes, 0); // 0 unless the vector's offsets do not start at 0
        for (int i = 0; i <= rows; i++) {
          offsets[i] = (int) INTS.get(offsetBytes, i << 2) - first;
        }
        int end = offsets[rows];
        ensureData(end);
        if (end > 0) {
          variable.getDataBuffer().getBytes(first, data, 0, end);
        }
      }
      default -> {
        int bytes = rows * width;
        ensureData(bytes);
        source.getDataBuffer().getBytes(0, data, 0, bytes);
      }
    }
  }

  int rowCount() {
    return rowCount;
  }

  boolean hasNulls() {
    return !noNulls;
  }

  boolean isNull(int row) {
    return !noNulls && (validity[row >> 3] & (1 << (row & 7))) == 0;
  }

  /** A LONG value (sign-extended), a BIT value as 0 / 1. */
  long longAt(int row) {
    switch (width) {
      case 8:
        return (long) LONGS.get(data, row << 3);
      case 4:
        return (int) INTS.get(data, row << 2);
      case 2:
        return (short) SHORTS.get(data, row << 1);
      default:
        return kind == Kind.BIT ? (data[row >> 3] >> (row & 7)) & 1 : data[row];
    }
  }

  /** A DOUBLE or FLOAT value (widened), or a LONG value converted. */
  double doubleAt(int row) {
    return switch (kind) {
      case DOUBLE -> Double.longBitsToDouble((long) LONGS.get(data, row << 3));
      case FLOAT -> Float.intBitsToFloat((int) INTS.get(data, row << 2));
      default -> longAt(row);
    };
  }

  /**
   * The value as 64 bits that are equal exactly when the values are equal as group keys
   * (RowKey's rule): integers as themselves, floating point as bits with -0.0 = 0.0 and one NaN.
   * Requires: a fixed-width kind other than DECIMAL.
   */
  long keyBits(int row) {
    if (kind == Kind.DOUBLE) {
      double value = Double.longBitsToDouble((long) LONGS.get(data, row << 3));
      return value == 0.0d ? 0L : Double.doubleToLongBits(value);
    } else if (kind == Kind.FLOAT) {
      float value = Float.intBitsToFloat((int) INTS.get(data, row << 2));
      return value == 0.0f ? 0L : Float.floatToIntBits(value);
    }
    return longAt(row);
  }

  /** Low 64 bits of a DECIMAL's unscaled value. */
  long decimalLow(int row) {
    return (long) LONGS.get(data, row << 4);
  }

  /** High 64 bits of a DECIMAL's unscaled value. */
  long decimalHigh(int row) {
    return (long) LONGS.get(data, (row << 4) + 8);
  }

  /** The bytes of a BYTES value are {@code bytes()[start(row), end(row))}. */
  byte[] bytes() {
    return data;
  }

  int start(int row) {
    return offsets[row];
  }

  int end(int row) {
    return offsets[row + 1];
  }

  private void ensureData(int bytes) {
    if (data.length < bytes) {
      data = new byte[Math.max(bytes, data.length * 2)];
    }
  }
}
