package dev.quaver.executor.vector;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A tuple of Java values used as a hash key for grouping, joins and set operations. Two keys are
 * equal when every value is equal and NULLs are equal to each other (joins exclude NULL keys
 * before building a key). Values compare by type: byte arrays by content, DECIMALs numerically
 * (1.0 = 1.00), integers by value whatever their width, and -0.0 = 0.0 for floating point. Immutable once built (the array is not copied:
 * the builder gives up its array).
 */
public final class RowKey {
  private final Object[] values;
  private final int hash;

  private RowKey(Object[] values) {
    this.values = values;
    this.hash = Arrays.deepHashCode(values);
  }

  /** A key over {@code values}, normalizing them; takes ownership of the array. */
  public static RowKey of(Object[] values) {
    for (int i = 0; i < values.length; i++) {
      values[i] = normalize(values[i]);
    }
    return new RowKey(values);
  }

  /** A key of the columns {@code columns} of {@code row}. */
  public static RowKey of(Object[] row, int[] columns) {
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] = row[columns[i]];
    }
    return of(values);
  }

  public Object[] values() {
    return values;
  }

  /** True when some value is NULL (such a join key matches nothing). */
  public boolean hasNull() {
    for (Object value : values) {
      if (value == null) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RowKey key && hash == key.hash && Arrays.deepEquals(values, key.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return Arrays.deepToString(values);
  }

  private static Object normalize(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
    } else if (value instanceof Byte || value instanceof Short || value instanceof Integer) {
      return ((Number) value).longValue();
    } else if (value instanceof Double d && d == 0.0d) {
      return 0.0d;
    } else if (value instanceof Float f && f == 0.0f) {
      return 0.0f;
    }
    return value;
  }
}
