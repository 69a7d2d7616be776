package dev.quaver.storage.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Merges the statistics of rows added to a table into the table's stored statistics, so that the
 * ETL refreshes them from the rows it moved instead of re-scanning the table (issue #4). The
 * caller gives the exact live row count afterwards; the rows that left the table (deleted, or old
 * versions of updated rows) are {@code base.rows + added.rows - liveRows}, with unknown values.
 *
 * <p>What the result guarantees against a full ANALYZE of the same rows (docs/formats/stats.md,
 * "incremental refresh"): when no row left, the row count, null counts and min/max are exact, the
 * distinct count is the HLL union of both sketches (the same registers as one sketch of all rows,
 * within the sketch's error), and the histogram and most common values are weighted merges of
 * both sides' (quantile error of about one bucket plus the sample's). When rows left, their share
 * is taken from the base proportionally: null counts and most-common counts are scaled, min/max
 * become outer bounds, the distinct count keeps values that may be gone (never above the non-NULL
 * rows); the caller re-analyzes fully once such drift is large. Stateless.
 */
public final class StatisticsMerger {
  private StatisticsMerger() {}

  /**
   * {@code base}: the stored statistics; {@code added}: statistics of the rows added since
   * (inserted rows and new versions of updated ones); {@code liveRows}: the exact row count
   * after.
   */
  public static TableStatistics merge(TableStatistics base, TableStatistics added, long liveRows,
      long nowMillis) {
    long removed = Math.max(0, base.rowCount() + added.rowCount() - liveRows);
    long surviving = Math.max(0, base.rowCount() - removed);
    double keep = base.rowCount() == 0 ? 0 : (double) surviving / base.rowCount();
    int columnCount = Math.max(base.columns().size(), added.columns().size());
    List<ColumnStatistics> columns = new ArrayList<>(columnCount);
    for (int c = 0; c < columnCount; c++) {
      columns.add(mergeColumn(base.column(c), base.rowCount(), keep, added.column(c),
          added.rowCount(), liveRows));
    }
    double bytes = base.averageRowBytes() * surviving + added.averageRowBytes() * added.rowCount();
    double average = liveRows == 0 ? 0 : bytes / Math.max(1, surviving + added.rowCount());
    return new TableStatistics(base.tableId(), liveRows, average, nowMillis, columns);
  }

  /** Rows of {@code base} that left: the drift a merge estimates instead of counting. */
  public static long removedRows(TableStatistics base, TableStatistics added, long liveRows) {
    return Math.max(0, base.rowCount() + added.rowCount() - liveRows);
  }

  private static ColumnStatistics mergeColumn(ColumnStatistics base, long baseRows, double keep,
      ColumnStatistics added, long addedRows, long liveRows) {
    long baseNulls = Math.round(base.nullCount() * keep);
    long nulls = Math.min(liveRows, baseNulls + added.nullCount());
    double baseNonNull = Math.max(0, (baseRows - base.nullCount()) * keep);
    double addedNonNull = Math.max(0, addedRows - added.nullCount());
    long nonNull = Math.max(0, liveRows - nulls);
    boolean baseHasValues = keep > 0 && base.min() != null;
    Object min = pick(baseHasValues ? base.min() : null, added.min(), true);
    Object max = pick(baseHasValues ? base.max() : null, added.max(), false);
    byte[] sketch = union(baseHasValues ? base.sketch() : new byte[0], added.sketch());
    double distinct;
    if (nonNull == 0) {
      distinct = 0;
    } else if (sketch.length > 0 && (base.sketch().length > 0 || !baseHasValues)) {
      distinct = Math.min(Math.max(1, Math.round(HllSketch.heapify(sketch).getEstimate())), nonNull);
    } else {
      // A base without a sketch (never written by this version, but allowed by the format).
      distinct = Math.min(nonNull, (baseHasValues ? base.distinctCount() : 0) + added.distinctCount());
    }
    List<Object> histogram = histogram(baseHasValues ? base.histogram() : List.of(), baseNonNull,
        added.histogram(), addedNonNull, min, max);
    List<ValueCount> common = mostCommon(baseHasValues ? base.mostCommon() : List.of(), keep,
        added.mostCommon());
    return new ColumnStatistics(nulls, min, max, distinct, sketch, histogram, common);
  }

  private static Object pick(Object a, Object b, boolean smaller) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    int order = ColumnCollector.compare(a, b);
    return smaller ? (order <= 0 ? a : b) : (order >= 0 ? a : b);
  }

  private static byte[] union(byte[] a, byte[] b) {
    if (a.length == 0) {
      return b;
    }
    if (b.length == 0) {
      return a;
    }
    Union union = new Union(ColumnCollector.LG_K);
    union.update(HllSketch.heapify(a));
    union.update(HllSketch.heapify(b));
    return union.getResult(TgtHllType.HLL_8).toCompactByteArray();
  }

  /**
   * Equi-height bounds of the union of two distributions, each given by its own equi-height
   * bounds and its row weight: each bucket's weight is put half on its lower and half on its
   * upper bound, and the merged bounds are the weighted quantiles i/B of all those points.
   */
  static List<Object> histogram(List<Object> a, double weightA, List<Object> b, double weightB,
      Object min, Object max) {
    if (a.size() < 2 || weightA <= 0) {
      return weightB > 0 ? b : List.of();
    }
    if (b.size() < 2 || weightB <= 0) {
      return a;
    }
    List<Object[]> points = new ArrayList<>(2 * (a.size() + b.size()));
    addPoints(points, a, weightA);
    addPoints(points, b, weightB);
    points.sort((x, y) -> ColumnCollector.compare(x[0], y[0]));
    int buckets = Math.max(a.size(), b.size()) - 1;
    double total = weightA + weightB;
    List<Object> bounds = new ArrayList<>(buckets + 1);
    bounds.add(min);
    double cumulative = 0;
    int next = 1;
    for (Object[] point : points) {
      cumulative += (Double) point[1];
      while (next < buckets && cumulative >= total * next / buckets) {
        bounds.add(point[0]);
        next++;
      }
    }
    while (bounds.size() < buckets) {
      bounds.add(max);
    }
    bounds.add(max);
    return bounds;
  }

  private static void addPoints(List<Object[]> points, List<Object> bounds, double weight) {
    int buckets = bounds.size() - 1;
    double half = weight / buckets / 2;
    for (int i = 0; i < buckets; i++) {
      points.add(new Object[] {bounds.get(i), half});
      points.add(new Object[] {bounds.get(i + 1), half});
    }
  }

  /** The most common values of both lists, counts added (the base's scaled by {@code keep}). */
  static List<ValueCount> mostCommon(List<ValueCount> base, double keep, List<ValueCount> added) {
    if (base.isEmpty() && added.isEmpty()) {
      return List.of();
    }
    Map<Object, Long> counts = new LinkedHashMap<>();
    Map<Object, Object> keys = new HashMap<>();
    for (ValueCount value : base) {
      long count = Math.round(value.count() * keep);
      if (count > 0) {
        counts.merge(key(value.value()), count, Long::sum);
        keys.put(key(value.value()), value.value());
      }
    }
    for (ValueCount value : added) {
      counts.merge(key(value.value()), value.count(), Long::sum);
      keys.put(key(value.value()), value.value());
    }
    List<ValueCount> merged = new ArrayList<>(counts.size());
    counts.forEach((key, count) -> merged.add(new ValueCount(keys.get(key), count)));
    merged.sort(Comparator.comparingLong(ValueCount::count).reversed()
        .thenComparing((x, y) -> ColumnCollector.compare(x.value(), y.value())));
    return merged.subList(0, Math.min(ColumnCollector.MOST_COMMON, merged.size()));
  }

  /** A map key with value equality also for byte[] values. */
  private static Object key(Object value) {
    return value instanceof byte[] raw ? java.nio.ByteBuffer.wrap(raw) : value;
  }
}
