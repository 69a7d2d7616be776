package dev.quaver.storage.stats;

import java.util.Objects;

/**
 * One most-common value of a column and its estimated number of rows in the table. The value is
 * the column's Java value (see SqlType). Immutable.
 */
public record ValueCount(Object value, long count) {
  public ValueCount {
    Objects.requireNonNull(value, "value is null");
  }
}
