package dev.quaver.storage.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;

/**
 * Accumulates one column's statistics from its values: exact null count and min/max, an HLL
 * sketch for the distinct count, and a reservoir sample (fixed seed, so ANALYZE of the same data
 * gives the same statistics) from which the histogram and the most common values are drawn.
 *
 * <p>Thread safety: confined to one thread.
 */
final class ColumnCollector {
  /** HLL precision: 2^12 buckets, about 1.6% standard error, 2.5 KB per column. */
  static final int LG_K = 12;
  static final int SAMPLE_SIZE = 4096;
  static final int HISTOGRAM_BUCKETS = 32;
  static final int MOST_COMMON = 10;
  /** Stands for the empty string in the sketch, which ignores empty strings. */
  private static final long EMPTY_STRING = 0x5eed_e3b7_7a11_0001L;

  private final HllSketch sketch = new HllSketch(LG_K, TgtHllType.HLL_8);
  private final List<Object> sample = new ArrayList<>();
  private final SplittableRandom random = new SplittableRandom(42);
  private long nonNull;
  private long nulls;
  private Object min;
  private Object max;
  private double bytes;

  void add(Object value) {
    if (value == null) {
      nulls++;
      bytes += 1;
      return;
    }
    nonNull++;
    if (min == null || compare(value, min) < 0) {
      min = value;
    }
    if (max == null || compare(value, max) > 0) {
      max = value;
    }
    update(value);
    if (sample.size() < SAMPLE_SIZE) {
      sample.add(value);
    } else {
      long slot = random.nextLong(nonNull);
      if (slot < SAMPLE_SIZE) {
        sample.set((int) slot, value);
      }
    }
  }

  /** Total encoded bytes of the values seen (an estimate: fixed widths, strings by length). */
  double bytes() {
    return bytes;
  }

  ColumnStatistics finish() {
    double distinct = nonNull == 0 ? 0 : Math.min(Math.max(1, Math.round(sketch.getEstimate())), nonNull);
    List<Object> sorted = new ArrayList<>(sample);
    sorted.sort(ColumnCollector::compare);
    return new ColumnStatistics(nulls, min, max, distinct, sketch.toCompactByteArray(),
        histogram(sorted), mostCommon(sorted));
  }

  private static List<Object> histogram(List<Object> sorted) {
    if (sorted.isEmpty()) {
      return List.of();
    }
    int buckets = Math.min(HISTOGRAM_BUCKETS, sorted.size());
    List<Object> bounds = new ArrayList<>(buckets + 1);
    for (int i = 0; i <= buckets; i++) {
      bounds.add(sorted.get((int) ((long) i * (sorted.size() - 1) / buckets)));
    }
    return bounds;
  }

  private List<ValueCount> mostCommon(List<Object> sorted) {
    Map<Object, Integer> counts = new HashMap<>();
    for (Object value : sorted) {
      counts.merge(value, 1, Integer::sum);
    }
    List<Map.Entry<Object, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.removeIf(entry -> entry.getValue() < 2);
    entries.sort(Map.Entry.<Object, Integer>comparingByValue(Collections.reverseOrder())
        .thenComparing((a, b) -> compare(a.getKey(), b.getKey())));
    List<ValueCount> result = new ArrayList<>();
    for (Map.Entry<Object, Integer> entry : entries.subList(0, Math.min(MOST_COMMON, entries.size()))) {
      long estimate = Math.round((double) entry.getValue() * nonNull / sorted.size());
      result.add(new ValueCount(entry.getKey(), Math.max(1, estimate)));
    }
    return result;
  }

  private void update(Object value) {
    if (value instanceof String text) {
      bytes += 4 + text.length();
      if (text.isEmpty()) {
        sketch.update(EMPTY_STRING);
      } else {
        sketch.update(text);
      }
    } else if (value instanceof Double || value instanceof Float) {
      bytes += value instanceof Double ? 8 : 4;
      double d = ((Number) value).doubleValue();
      sketch.update(d == 0.0 ? 0.0 : d);
    } else if (value instanceof BigDecimal decimal) {
      bytes += 16;
      sketch.update(decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString());
    } else if (value instanceof Number number) {
      bytes += value instanceof Long ? 8 : 4;
      sketch.update(number.longValue());
    } else if (value instanceof Boolean flag) {
      bytes += 1;
      sketch.update(flag ? 1L : 0L);
    } else if (value instanceof byte[] raw) {
      bytes += 4 + raw.length;
      sketch.update(raw.length == 0 ? new byte[] {0} : raw);
    } else {
      bytes += 8;
      sketch.update(value.toString());
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return java.util.Arrays.compareUnsigned(x, y);
    }
    return ((Comparable) a).compareTo(b);
  }
}
