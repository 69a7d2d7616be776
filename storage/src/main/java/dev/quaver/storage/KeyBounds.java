package dev.quaver.storage;

import java.util.List;
import java.util.Objects;

/**
 * One range of a key-range read ({@link StorageEngine#keyRangeScan}): the rows whose leading key
 * columns equal {@code equal} (in key-column order) and whose next key column lies between
 * {@code lower} and {@code upper}. Values are the Java values of the key columns' SQL types
 * (SqlType's javadoc), never null: a bound is absent when its value is null, and an equal value
 * that must be NULL is {@link #NULL}. When a bound is
 * present the range skips keys whose bounded column is NULL (no comparison matches NULL).
 * Advisory like {@link ScanPredicate}: a read may return more rows, so callers filter exactly.
 * Immutable.
 */
public record KeyBounds(List<Object> equal, Object lower, boolean lowerInclusive, Object upper,
    boolean upperInclusive) {
  /**
   * A value of {@code equal} that stands for SQL NULL: the keys whose column is NULL (an
   * {@code IS NULL} condition on an index column; NULLs sort first in the key space).
   */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "NULL";
    }
  };

  public KeyBounds {
    equal = List.copyOf(equal); // rejects null values
  }

  /** The rows whose leading key columns equal {@code values}. */
  public static KeyBounds point(List<Object> values) {
    return new KeyBounds(values, null, true, null, true);
  }

  /** Whether this range bounds the key column after the equal ones. */
  public boolean hasRange() {
    return lower != null || upper != null;
  }

  @Override
  public String toString() {
    return "KeyBounds" + equal + (hasRange() ? (lowerInclusive ? "[" : "(") + Objects.toString(lower, "-inf")
        + ", " + Objects.toString(upper, "+inf") + (upperInclusive ? "]" : ")") : "");
  }
}
