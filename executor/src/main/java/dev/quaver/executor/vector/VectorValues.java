package dev.quaver.executor.vector;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
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
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Reads and writes one cell as the Java value of its SQL type (see SqlType), choosing by the
 * vector's class rather than a declared ColumnType. That matters for row keys: their plan Field
 * says VARCHAR but the vector is VarBinary (value {@code byte[]}). The vector classes are exactly
 * those of ArrowTypes, so values round-trip with storage. Stateless.
 */
public final class VectorValues {
  private VectorValues() {}

  /** The value at {@code index}, or null. */
  public static Object get(FieldVector vector, int index) {
    if (vector.isNull(index)) {
      return null;
    }
    if (vector instanceof BitVector v) {
      return v.get(index) != 0;
    } else if (vector instanceof TinyIntVector v) {
      return v.get(index);
    } else if (vector instanceof SmallIntVector v) {
      return v.get(index);
    } else if (vector instanceof IntVector v) {
      return v.get(index);
    } else if (vector instanceof BigIntVector v) {
      return v.get(index);
    } else if (vector instanceof Float4Vector v) {
      return v.get(index);
    } else if (vector instanceof Float8Vector v) {
      return v.get(index);
    } else if (vector instanceof DecimalVector v) {
      return v.getObject(index);
    } else if (vector instanceof VarCharVector v) {
      return new String(v.get(index), StandardCharsets.UTF_8);
    } else if (vector instanceof DateDayVector v) {
      return v.get(index);
    } else if (vector instanceof TimeMilliVector v) {
      return v.get(index);
    } else if (vector instanceof TimeStampMilliVector v) {
      return v.get(index);
    } else if (vector instanceof VarBinaryVector v) {
      return v.get(index);
    }
    throw new IllegalArgumentException("unsupported vector " + vector.getClass().getSimpleName());
  }

  /**
   * Writes {@code value} (or null) at {@code index}, growing the vector. Numbers are converted
   * to the vector's width (a planner literal may be an Integer in a BIGINT column); the caller
   * sets the value count.
   */
  public static void set(FieldVector vector, int index, Object value) {
    if (value == null) {
      setNull(vector, index);
      return;
    }
    if (vector instanceof BitVector v) {
      v.setSafe(index, ((Boolean) value) ? 1 : 0);
    } else if (vector instanceof TinyIntVector v) {
      v.setSafe(index, ((Number) value).byteValue());
    } else if (vector instanceof SmallIntVector v) {
      v.setSafe(index, ((Number) value).shortValue());
    } else if (vector instanceof IntVector v) {
      v.setSafe(index, ((Number) value).intValue());
    } else if (vector instanceof BigIntVector v) {
      v.setSafe(index, ((Number) value).longValue());
    } else if (vector instanceof Float4Vector v) {
      v.setSafe(index, ((Number) value).floatValue());
    } else if (vector instanceof Float8Vector v) {
      v.setSafe(index, ((Number) value).doubleValue());
    } else if (vector instanceof DecimalVector v) {
      BigDecimal decimal = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
      BigDecimal scaled = decimal.setScale(v.getScale(), RoundingMode.HALF_UP);
      if (scaled.precision() > v.getPrecision()) {
        throw QuaverException.of(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "%s does not fit DECIMAL(%d,%d)",
            decimal, v.getPrecision(), v.getScale());
      }
      v.setSafe(index, scaled);
    } else if (vector instanceof VarCharVector v) {
      v.setSafe(index, value.toString().getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof DateDayVector v) {
      v.setSafe(index, ((Number) value).intValue());
    } else if (vector instanceof TimeMilliVector v) {
      v.setSafe(index, ((Number) value).intValue());
    } else if (vector instanceof TimeStampMilliVector v) {
      v.setSafe(index, ((Number) value).longValue());
    } else if (vector instanceof VarBinaryVector v) {
      v.setSafe(index, (byte[]) value);
    } else {
      throw new IllegalArgumentException("unsupported vector " + vector.getClass().getSimpleName());
    }
  }

  /** Marks {@code index} null, growing the vector as needed. */
  public static void setNull(FieldVector vector, int index) {
    while (index >= vector.getValueCapacity()) {
      vector.reAlloc();
    }
    if (vector instanceof BaseFixedWidthVector fixed) {
      fixed.setNull(index);
    } else if (vector instanceof BaseVariableWidthVector variable) {
      variable.setNull(index);
    } else {
      throw new IllegalArgumentException("unsupported vector " + vector.getClass().getSimpleName());
    }
  }
}
