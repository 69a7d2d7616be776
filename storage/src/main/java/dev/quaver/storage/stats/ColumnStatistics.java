package dev.quaver.storage.stats;

import java.util.List;

/**
 * Statistics of one column. {@code min}/{@code max} are the column's Java values (see SqlType),
 * null when the column holds only NULLs. {@code distinctCount} is the HLL estimate over non-NULL
 * values; {@code sketch} the serialized HLL sketch (so the ETL can merge new data into it),
 * possibly empty. {@code histogram} holds the bounds of equi-height buckets (bucket i spans
 * bounds[i]..bounds[i+1] and holds about the same number of non-NULL rows as every other);
 * {@code mostCommon} the most frequent values with their estimated row counts. Immutable.
 */
public record ColumnStatistics(
    long nullCount,
    Object min,
    Object max,
    double distinctCount,
    byte[] sketch,
    List<Object> histogram,
    List<ValueCount> mostCommon) {
  private static final ColumnStatistics UNKNOWN = new ColumnStatistics(0, null, null, 0, null, null, null);

  public ColumnStatistics {
    sketch = sketch == null ? new byte[0] : sketch;
    histogram = histogram == null ? List.of() : java.util.Collections.unmodifiableList(
        new java.util.ArrayList<>(histogram));
    mostCommon = mostCommon == null ? List.of() : List.copyOf(mostCommon);
    if (nullCount < 0 || distinctCount < 0) {
      throw new IllegalArgumentException("negative null or distinct count");
    }
  }

  /** Statistics that say nothing: every estimate falls back to its default. */
  public static ColumnStatistics unknown() {
    return UNKNOWN;
  }
}
