package dev.quaver.executor.expr;

import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Column-at-a-time conversion between Arrow vectors and primitive arrays, the form on which the
 * arithmetic and comparison kernels run their tight loops. A NULL slot is read as a caller-chosen
 * neutral value (so a kernel never divides by a NULL's garbage) and reported in a null mask.
 * Stateless.
 */
final class Columns {
  // Buffers are copied to and from Java arrays in bulk and decoded with these views: per-element
  // ArrowBuf accessors check bounds and the reference count on every call.
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle DOUBLES =
      MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

  private Columns() {}

  /** True for the types whose values are Java int/long/boolean (read with {@link #longs}). */
  static boolean isLongLike(SqlType type) {
    return type.isIntegral() || type == SqlType.BOOLEAN || type.isDatetime()
        || type == SqlType.INTERVAL_DAY_TIME || type == SqlType.INTERVAL_YEAR_MONTH;
  }

  /** The null mask of the first {@code rowCount} rows, read from the validity bitmap in bulk. */
  static boolean[] nulls(FieldVector vector, int rowCount) {
    boolean[] nulls = new boolean[rowCount];
    if (rowCount == 0) {
      return nulls;
    }
    byte[] bits = new byte[(rowCount + 7) / 8];
    vector.getValidityBuffer().getBytes(0, bits);
    for (int i = 0; i < rowCount; i++) {
      nulls[i] = (bits[i >> 3] & (1 << (i & 7))) == 0;
    }
    return nulls;
  }

  static boolean[] or(boolean[] a, boolean[] b) {
    boolean[] result = new boolean[a.length];
    for (int i = 0; i < a.length; i++) {
      result[i] = a[i] | b[i];
    }
    return result;
  }

  /** Integral values straight from the data buffer; NULL slots read as {@code nullValue}. */
  static long[] longs(FieldVector vector, int rowCount, long nullValue) {
    long[] values = new long[rowCount];
    if (rowCount == 0) {
      return values;
    }
    ArrowBuf data = vector.getDataBuffer();
    if (vector instanceof IntVector || vector instanceof DateDayVector || vector instanceof TimeMilliVector) {
      byte[] bytes = new byte[rowCount << 2];
      data.getBytes(0, bytes);
      for (int i = 0; i < rowCount; i++) {
        values[i] = (int) INTS.get(bytes, i << 2);
      }
    } else if (vector instanceof BigIntVector || vector instanceof TimeStampMilliVector) {
      byte[] bytes = new byte[rowCount << 3];
      data.getBytes(0, bytes);
      for (int i = 0; i < rowCount; i++) {
        values[i] = (long) LONGS.get(bytes, i << 3);
      }
    } else if (vector instanceof SmallIntVector) {
      for (int i = 0; i < rowCount; i++) {
        values[i] = data.getShort((long) i << 1);
      }
    } else if (vector instanceof TinyIntVector) {
      for (int i = 0; i < rowCount; i++) {
        values[i] = data.getByte(i);
      }
    } else if (vector instanceof BitVector) {
      byte[] bits = new byte[(rowCount + 7) / 8];
      data.getBytes(0, bits);
      for (int i = 0; i < rowCount; i++) {
        values[i] = (bits[i >> 3] >> (i & 7)) & 1;
      }
    } else if (vector instanceof BaseIntVector v) {
      for (int i = 0; i < rowCount; i++) {
        values[i] = vector.isNull(i) ? 0 : v.getValueAsLong(i);
      }
    } else {
      throw new IllegalArgumentException("not an integral vector: " + vector.getClass().getSimpleName());
    }
    boolean[] nulls = nulls(vector, rowCount);
    for (int i = 0; i < rowCount; i++) {
      if (nulls[i]) {
        values[i] = nullValue;
      }
    }
    return values;
  }

  static double[] doubles(FieldVector vector, int rowCount, double nullValue) {
    double[] values = new double[rowCount];
    if (vector instanceof Float8Vector && rowCount > 0) {
      byte[] bytes = new byte[rowCount << 3];
      vector.getDataBuffer().getBytes(0, bytes);
      boolean[] nulls = nulls(vector, rowCount);
      for (int i = 0; i < rowCount; i++) {
        values[i] = nulls[i] ? nullValue : (double) DOUBLES.get(bytes, i << 3);
      }
    } else if (vector instanceof Float4Vector v) {
      for (int i = 0; i < rowCount; i++) {
        values[i] = v.isNull(i) ? nullValue : v.get(i);
      }
    } else if (vector instanceof DecimalVector v) {
      for (int i = 0; i < rowCount; i++) {
        values[i] = v.isNull(i) ? nullValue : v.getObject(i).doubleValue();
      }
    } else {
      long[] longs = longs(vector, rowCount, 0);
      for (int i = 0; i < rowCount; i++) {
        values[i] = vector.isNull(i) ? nullValue : (double) longs[i];
      }
    }
    return values;
  }

  /** Exact numeric values; null slots are null. */
  static BigDecimal[] decimals(FieldVector vector, int rowCount) {
    BigDecimal[] values = new BigDecimal[rowCount];
    if (vector instanceof DecimalVector v) {
      for (int i = 0; i < rowCount; i++) {
        values[i] = v.isNull(i) ? null : v.getObject(i);
      }
    } else if (vector instanceof Float8Vector || vector instanceof Float4Vector) {
      double[] doubles = doubles(vector, rowCount, 0);
      for (int i = 0; i < rowCount; i++) {
        values[i] = vector.isNull(i) ? null : Casts.doubleToDecimal(doubles[i]);
      }
    } else {
      long[] longs = longs(vector, rowCount, 0);
      for (int i = 0; i < rowCount; i++) {
        values[i] = vector.isNull(i) ? null : BigDecimal.valueOf(longs[i]);
      }
    }
    return values;
  }

  /** Strings; null slots are null. With {@code stripPadding}, trailing spaces are removed (CHAR). */
  static String[] strings(FieldVector vector, int rowCount, boolean stripPadding) {
    VarCharVector v = (VarCharVector) vector;
    String[] values = new String[rowCount];
    if (rowCount == 0) {
      return values;
    }
    // Offsets and value bytes copied once; each String decoded from its range (no byte[] per row).
    byte[] offsetBytes = new byte[(rowCount + 1) << 2];
    v.getOffsetBuffer().getBytes(0, offsetBytes);
    int end = (int) INTS.get(offsetBytes, rowCount << 2);
    byte[] data = new byte[end];
    if (end > 0) {
      v.getDataBuffer().getBytes(0, data);
    }
    boolean[] nulls = nulls(vector, rowCount);
    for (int i = 0; i < rowCount; i++) {
      if (!nulls[i]) {
        int start = (int) INTS.get(offsetBytes, i << 2);
        String s = new String(data, start, (int) INTS.get(offsetBytes, (i + 1) << 2) - start, StandardCharsets.UTF_8);
        values[i] = stripPadding ? SqlText.stripTrailingSpaces(s) : s;
      }
    }
    return values;
  }

  /**
   * Writes long results into a vector of {@code type}, checking the range of the narrower
   * integral types (22003). Requires: {@code out} allocated for values.length rows.
   */
  static void writeLongs(FieldVector out, ColumnType type, long[] values, boolean[] nulls) {
    int rowCount = values.length;
    long min;
    long max;
    switch (type.type()) {
      case TINYINT:
        min = Byte.MIN_VALUE;
        max = Byte.MAX_VALUE;
        break;
      case SMALLINT:
        min = Short.MIN_VALUE;
        max = Short.MAX_VALUE;
        break;
      case INTEGER:
      case DATE:
      case TIME:
      case INTERVAL_YEAR_MONTH:
        min = Integer.MIN_VALUE;
        max = Integer.MAX_VALUE;
        break;
      default:
        min = Long.MIN_VALUE;
        max = Long.MAX_VALUE;
    }
    for (int i = 0; i < rowCount; i++) {
      if (!nulls[i] && (values[i] < min || values[i] > max)) {
        throw ExprErrors.outOfRange(type, values[i]);
      }
    }
    ArrowBuf data = out.getDataBuffer();
    if (out instanceof IntVector || out instanceof DateDayVector || out instanceof TimeMilliVector) {
      byte[] bytes = new byte[rowCount << 2];
      for (int i = 0; i < rowCount; i++) {
        INTS.set(bytes, i << 2, nulls[i] ? 0 : (int) values[i]);
      }
      data.setBytes(0, bytes);
    } else if (out instanceof BigIntVector || out instanceof TimeStampMilliVector) {
      byte[] bytes = new byte[rowCount << 3];
      for (int i = 0; i < rowCount; i++) {
        LONGS.set(bytes, i << 3, nulls[i] ? 0 : values[i]);
      }
      data.setBytes(0, bytes);
    } else if (out instanceof SmallIntVector) {
      for (int i = 0; i < rowCount; i++) {
        data.setShort((long) i << 1, nulls[i] ? 0 : (short) values[i]);
      }
    } else if (out instanceof TinyIntVector) {
      for (int i = 0; i < rowCount; i++) {
        data.setByte(i, nulls[i] ? 0 : (byte) values[i]);
      }
    } else {
      throw new IllegalArgumentException("not an integral vector: " + out.getClass().getSimpleName());
    }
    writeValidity(out, nulls);
    out.setValueCount(rowCount);
  }

  /**
   * Sets the validity bitmap of rows [0, nulls.length) in bulk. Requires: {@code out} allocated
   * for that many rows.
   */
  static void writeValidity(FieldVector out, boolean[] nulls) {
    if (nulls.length == 0) {
      return;
    }
    byte[] bits = new byte[(nulls.length + 7) / 8];
    for (int i = 0; i < nulls.length; i++) {
      if (!nulls[i]) {
        bits[i >> 3] |= (byte) (1 << (i & 7));
      }
    }
    out.getValidityBuffer().setBytes(0, bits);
  }

  /** Writes DOUBLE or REAL results. */
  static void writeDoubles(FieldVector out, double[] values, boolean[] nulls) {
    int rowCount = values.length;
    if (out instanceof Float8Vector) {
      byte[] bytes = new byte[rowCount << 3];
      for (int i = 0; i < rowCount; i++) {
        DOUBLES.set(bytes, i << 3, nulls[i] ? 0 : values[i]);
      }
      out.getDataBuffer().setBytes(0, bytes);
      writeValidity(out, nulls);
    } else {
      Float4Vector v = (Float4Vector) out;
      for (int i = 0; i < rowCount; i++) {
        if (nulls[i]) {
          v.setNull(i);
        } else {
          v.set(i, (float) values[i]);
        }
      }
    }
    out.setValueCount(rowCount);
  }

  /** Writes exact results rounded half up to the type's scale, checking its precision (22003). */
  static void writeDecimals(FieldVector out, ColumnType type, BigDecimal[] values) {
    DecimalVector v = (DecimalVector) out;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.set(i, fitDecimal(values[i], type));
      }
    }
    out.setValueCount(values.length);
  }

  /** {@code value} rounded half up to the scale of DECIMAL {@code type}; 22003 beyond its precision. */
  static BigDecimal fitDecimal(BigDecimal value, ColumnType type) {
    BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
    if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
      throw ExprErrors.outOfRange(type, value.toPlainString());
    }
    return scaled;
  }

  /** Writes booleans in bulk: value bits and a null mask (null: no NULLs). */
  static void writeBooleans(BitVector out, boolean[] values, boolean[] nulls) {
    int rowCount = values.length;
    if (rowCount > 0) {
      byte[] bits = new byte[(rowCount + 7) / 8];
      for (int i = 0; i < rowCount; i++) {
        if (values[i] && (nulls == null || !nulls[i])) {
          bits[i >> 3] |= (byte) (1 << (i & 7));
        }
      }
      out.getDataBuffer().setBytes(0, bits);
      writeValidity(out, nulls == null ? new boolean[rowCount] : nulls);
    }
    out.setValueCount(rowCount);
  }
}
