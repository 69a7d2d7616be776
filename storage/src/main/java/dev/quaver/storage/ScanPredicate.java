package dev.quaver.storage;

import java.util.Objects;

/**
 * A simple predicate {@code column op literal} that a scan may use to skip data (zone maps of
 * columnar row groups). Advisory: a scan may return rows that fail it, so the caller still
 * filters exactly. {@code column} is an ordinal into the table's columns; {@code value} is the
 * Java value of that column's SQL type (SqlType's javadoc); a value of another class is ignored.
 * Immutable.
 */
public record ScanPredicate(int column, Op op, Object value) {
  /** The comparison, as {@code column op value}. */
  public enum Op { EQ, LT, LE, GT, GE }

  public ScanPredicate {
    Objects.requireNonNull(op, "op is null");
    Objects.requireNonNull(value, "value is null");
    if (column < 0) {
      throw new IllegalArgumentException("column " + column);
    }
  }
}
