package dev.quaver.storage.stats;

import java.util.List;

/**
 * Statistics of one table as of {@code collectedAtMillis}: the row count and, per column
 * (by ordinal into the table's columns), its {@link ColumnStatistics}. {@code averageRowBytes}
 * is the mean encoded width of a row, which the cost model uses for bytes read and moved.
 * Immutable.
 */
public record TableStatistics(
    long tableId,
    long rowCount,
    double averageRowBytes,
    long collectedAtMillis,
    List<ColumnStatistics> columns) {
  public TableStatistics {
    columns = List.copyOf(columns);
    if (rowCount < 0) {
      throw new IllegalArgumentException("negative row count " + rowCount);
    }
  }

  /** Statistics of column {@code ordinal}, or unknown ones when the table has fewer columns. */
  public ColumnStatistics column(int ordinal) {
    return ordinal >= 0 && ordinal < columns.size() ? columns.get(ordinal) : ColumnStatistics.unknown();
  }
}
