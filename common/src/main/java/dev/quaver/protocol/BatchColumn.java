package dev.quaver.protocol;

import dev.quaver.type.SqlType;
import java.util.Arrays;
import java.util.Objects;

/**
 * One column of a {@link ColumnBatch}. A column of a fixed-width type decoded from the wire, or
 * built by the driver from {@code setInt}/{@code setLong}/..., holds its values in a primitive
 * array ({@code long[]} for BOOLEAN, the integral and the date/time/interval types;
 * {@code double[]} for REAL and DOUBLE) plus a NULL mask, so a 1000-row JDBC batch travels
 * driver → wire → server without one boxed value per parameter (docs/bench-jdbc-inserts.md).
 * Any column may instead hold the Java values of {@link SqlType} in an {@code Object[]} (results,
 * metadata, DECIMAL and character columns). {@link #get} boxes on demand either way, so readers
 * that want objects see the same values as before.
 *
 * <p>Thread safety: immutable once built (the arrays are taken over, never handed out).
 */
public final class BatchColumn {
  /** How a column of a type is held when it is not held as objects. */
  public enum Layout { LONGS, DOUBLES, OBJECTS }

  private final SqlType type;
  private final int size;
  private final long[] longs;
  private final double[] doubles;
  private final Object[] objects;
  /** True where the value is NULL; null when no value is (primitive layouts only). */
  private final boolean[] nulls;

  private BatchColumn(SqlType type, int size, long[] longs, double[] doubles, Object[] objects, boolean[] nulls) {
    this.type = Objects.requireNonNull(type, "type is null");
    this.size = size;
    this.longs = longs;
    this.doubles = doubles;
    this.objects = objects;
    this.nulls = nulls;
  }

  /** The primitive layout of {@code type}: LONGS, DOUBLES, or OBJECTS for DECIMAL and text. */
  public static Layout layoutOf(SqlType type) {
    return switch (type) {
      case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, DATE, TIME, TIMESTAMP,
          INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME -> Layout.LONGS;
      case REAL, DOUBLE -> Layout.DOUBLES;
      case DECIMAL, CHAR, VARCHAR -> Layout.OBJECTS;
    };
  }

  /** A column over Java values of {@code type} (null for NULL); takes the array over. */
  public static BatchColumn ofObjects(SqlType type, Object[] values) {
    return new BatchColumn(type, values.length, null, null, values, null);
  }

  /**
   * A column of a LONGS type over {@code size} values (BOOLEAN as 0/1, the others as their
   * integral value: days, ms of day, epoch ms, months, ms); {@code nulls} may be null (no NULL).
   * Takes the arrays over; they may be longer than {@code size}.
   */
  public static BatchColumn ofLongs(SqlType type, long[] values, boolean[] nulls, int size) {
    if (layoutOf(type) != Layout.LONGS) {
      throw new IllegalArgumentException(type + " is not held as longs");
    }
    checkLength(values.length, nulls, size);
    return new BatchColumn(type, size, values, null, null, nulls);
  }

  /** A column of REAL or DOUBLE over {@code size} values; as {@link #ofLongs}. */
  public static BatchColumn ofDoubles(SqlType type, double[] values, boolean[] nulls, int size) {
    if (layoutOf(type) != Layout.DOUBLES) {
      throw new IllegalArgumentException(type + " is not held as doubles");
    }
    checkLength(values.length, nulls, size);
    return new BatchColumn(type, size, null, values, null, nulls);
  }

  private static void checkLength(int length, boolean[] nulls, int size) {
    if (size < 0 || length < size || (nulls != null && nulls.length < size)) {
      throw new IllegalArgumentException("column of " + size + " values over arrays of " + length);
    }
  }

  public SqlType type() {
    return type;
  }

  public int size() {
    return size;
  }

  /** LONGS or DOUBLES when the values are held in a primitive array, else OBJECTS. */
  public Layout layout() {
    return longs != null ? Layout.LONGS : doubles != null ? Layout.DOUBLES : Layout.OBJECTS;
  }

  public boolean isNull(int row) {
    if (objects != null) {
      return objects[row] == null;
    }
    checkRow(row);
    return nulls != null && nulls[row];
  }

  /** Whether any value is NULL. */
  public boolean hasNulls() {
    if (objects != null) {
      for (Object value : objects) {
        if (value == null) {
          return true;
        }
      }
      return false;
    }
    if (nulls != null) {
      for (int i = 0; i < size; i++) {
        if (nulls[i]) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The value at {@code row} as a long (BOOLEAN 0/1); 0 for NULL. Requires: a LONGS type, or
   * objects that are numbers or booleans.
   */
  public long getLong(int row) {
    if (longs != null) {
      checkRow(row);
      return longs[row];
    }
    if (doubles != null) {
      checkRow(row);
      return (long) doubles[row];
    }
    Object value = objects[row];
    return value == null ? 0 : value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).longValue();
  }

  /** The value at {@code row} as a double; 0 for NULL. Requires: a numeric column. */
  public double getDouble(int row) {
    if (doubles != null) {
      checkRow(row);
      return doubles[row];
    }
    if (longs != null) {
      checkRow(row);
      return longs[row];
    }
    Object value = objects[row];
    return value == null ? 0 : ((Number) value).doubleValue();
  }

  /** The Java value of {@link SqlType} at {@code row} (boxed here when held primitive), null for NULL. */
  public Object get(int row) {
    if (objects != null) {
      return objects[row];
    }
    checkRow(row);
    if (nulls != null && nulls[row]) {
      return null;
    }
    if (doubles != null) {
      return type == SqlType.REAL ? (Object) (float) doubles[row] : (Object) doubles[row];
    }
    long value = longs[row];
    return switch (type) {
      case BOOLEAN -> value != 0;
      case TINYINT -> (byte) value;
      case SMALLINT -> (short) value;
      case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> (int) value;
      default -> value;
    };
  }

  /** Rows {@code from} to {@code from + count} as a new column. */
  BatchColumn slice(int from, int count) {
    if (objects != null) {
      return ofObjects(type, Arrays.copyOfRange(objects, from, from + count));
    }
    boolean[] slicedNulls = nulls == null ? null : Arrays.copyOfRange(nulls, from, from + count);
    return longs != null
        ? new BatchColumn(type, count, Arrays.copyOfRange(longs, from, from + count), null, null, slicedNulls)
        : new BatchColumn(type, count, null, Arrays.copyOfRange(doubles, from, from + count), null, slicedNulls);
  }

  private void checkRow(int row) {
    if (row < 0 || row >= size) {
      throw new IndexOutOfBoundsException("row " + row + " of " + size);
    }
  }

  @Override
  public String toString() {
    return "BatchColumn[" + type + ", " + size + " values, " + layout() + "]";
  }
}
