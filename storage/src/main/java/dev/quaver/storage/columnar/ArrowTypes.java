package dev.quaver.storage.columnar;

import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The one mapping between Quaver's SQL types and Arrow vectors, used by storage scans, the
 * executor and anything else that builds or reads batches:
 *
 * <pre>
 *   BOOLEAN Bit   TINYINT/SMALLINT/INTEGER/BIGINT Int(8/16/32/64)   REAL/DOUBLE FloatingPoint
 *   DECIMAL(p,s) Decimal128   CHAR/VARCHAR Utf8   DATE Date(DAY)   TIME Time(MILLI, 32)
 *   TIMESTAMP Timestamp(MILLI, no zone)   INTERVAL_DAY_TIME Int64 (ms)   INTERVAL_YEAR_MONTH Int32 (months)
 *   row keys VarBinary
 * </pre>
 *
 * Values read and written here are the Java values documented on {@link dev.quaver.type.SqlType}.
 * Stateless.
 */
public final class ArrowTypes {
  private ArrowTypes() {}

  public static ArrowType arrowType(ColumnType type) {
    switch (type.type()) {
      case BOOLEAN:
        return ArrowType.Bool.INSTANCE;
      case TINYINT:
        return new ArrowType.Int(8, true);
      case SMALLINT:
        return new ArrowType.Int(16, true);
      case INTEGER:
      case INTERVAL_YEAR_MONTH:
        return new ArrowType.Int(32, true);
      case BIGINT:
      case INTERVAL_DAY_TIME:
        return new ArrowType.Int(64, true);
      case REAL:
        return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case DOUBLE:
        return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case DECIMAL:
        return new ArrowType.Decimal(type.precision(), type.scale(), 128);
      case CHAR:
      case VARCHAR:
        return ArrowType.Utf8.INSTANCE;
      case DATE:
        return new ArrowType.Date(DateUnit.DAY);
      case TIME:
        return new ArrowType.Time(TimeUnit.MILLISECOND, 32);
      case TIMESTAMP:
        return new ArrowType.Timestamp(TimeUnit.MILLISECOND, null);
    }
    throw new AssertionError(type);
  }

  /** An Arrow field of this name and type; nullable always (Arrow nullability is not enforced). */
  public static Field field(String name, ColumnType type) {
    return new Field(name, FieldType.nullable(arrowType(type)), null);
  }

  /** The field of the row-key column that scans append for UPDATE and DELETE. */
  public static Field rowKeyField(String name) {
    return new Field(name, FieldType.nullable(ArrowType.Binary.INSTANCE), null);
  }

  /** Reads the value at {@code index} as the Java value of {@code type}, or null. */
  public static Object get(FieldVector vector, int index, ColumnType type) {
    if (vector.isNull(index)) {
      return null;
    }
    switch (type.type()) {
      case BOOLEAN:
        return ((BitVector) vector).get(index) != 0;
      case TINYINT:
        return ((TinyIntVector) vector).get(index);
      case SMALLINT:
        return ((SmallIntVector) vector).get(index);
      case INTEGER:
      case INTERVAL_YEAR_MONTH:
        return ((IntVector) vector).get(index);
      case BIGINT:
      case INTERVAL_DAY_TIME:
        return ((BigIntVector) vector).get(index);
      case REAL:
        return ((Float4Vector) vector).get(index);
      case DOUBLE:
        return ((Float8Vector) vector).get(index);
      case DECIMAL:
        return ((DecimalVector) vector).getObject(index);
      case CHAR:
      case VARCHAR:
        return new String(((VarCharVector) vector).get(index), StandardCharsets.UTF_8);
      case DATE:
        return ((DateDayVector) vector).get(index);
      case TIME:
        return ((TimeMilliVector) vector).get(index);
      case TIMESTAMP:
        return ((TimeStampMilliVector) vector).get(index);
    }
    throw new AssertionError(type);
  }

  /**
   * Writes {@code value} (the Java value of {@code type}, or null) at {@code index}, growing the
   * vector as needed. The caller sets the value count when the batch is complete.
   */
  public static void set(FieldVector vector, int index, ColumnType type, Object value) {
    if (value == null) {
      setNull(vector, index);
      return;
    }
    switch (type.type()) {
      case BOOLEAN:
        ((BitVector) vector).setSafe(index, ((Boolean) value) ? 1 : 0);
        return;
      case TINYINT:
        ((TinyIntVector) vector).setSafe(index, (Byte) value);
        return;
      case SMALLINT:
        ((SmallIntVector) vector).setSafe(index, (Short) value);
        return;
      case INTEGER:
      case INTERVAL_YEAR_MONTH:
        ((IntVector) vector).setSafe(index, (Integer) value);
        return;
      case BIGINT:
      case INTERVAL_DAY_TIME:
        ((BigIntVector) vector).setSafe(index, (Long) value);
        return;
      case REAL:
        ((Float4Vector) vector).setSafe(index, (Float) value);
        return;
      case DOUBLE:
        ((Float8Vector) vector).setSafe(index, (Double) value);
        return;
      case DECIMAL:
        ((DecimalVector) vector).setSafe(index,
            ((BigDecimal) value).setScale(type.scale(), java.math.RoundingMode.HALF_UP));
        return;
      case CHAR:
      case VARCHAR:
        ((VarCharVector) vector).setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
        return;
      case DATE:
        ((DateDayVector) vector).setSafe(index, (Integer) value);
        return;
      case TIME:
        ((TimeMilliVector) vector).setSafe(index, (Integer) value);
        return;
      case TIMESTAMP:
        ((TimeStampMilliVector) vector).setSafe(index, (Long) value);
        return;
    }
    throw new AssertionError(type);
  }

  /** Marks {@code index} null, growing the vector as needed. */
  public static void setNull(FieldVector vector, int index) {
    while (index >= vector.getValueCapacity()) {
      vector.reAlloc();
    }
    if (vector instanceof VarBinaryVector binary) {
      binary.setNull(index);
    } else if (vector instanceof org.apache.arrow.vector.BaseFixedWidthVector fixed) {
      fixed.setNull(index);
    } else if (vector instanceof org.apache.arrow.vector.BaseVariableWidthVector variable) {
      variable.setNull(index);
    } else {
      throw new IllegalArgumentException("unsupported vector " + vector.getClass().getSimpleName());
    }
  }

}
