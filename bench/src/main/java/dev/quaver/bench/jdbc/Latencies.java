package dev.quaver.bench.jdbc;

import java.util.Arrays;

/**
 * Per-operation latencies of one measurement, kept as raw nanosecond samples (a measurement is at
 * most a few million operations, so a sorted array is simpler than a histogram and exact).
 *
 * <p>Thread safety: not thread-safe; each worker thread owns one and they are merged afterwards.
 */
final class Latencies {
  private long[] samples = new long[1 << 14];
  private int size;

  void record(long nanos) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, samples.length * 2);
    }
    samples[size++] = nanos;
  }

  int size() {
    return size;
  }

  /** All samples of {@code parts}, sorted, for percentiles. */
  static long[] mergeSorted(Latencies[] parts) {
    int total = 0;
    for (Latencies part : parts) {
      total += part.size;
    }
    long[] all = new long[total];
    int at = 0;
    for (Latencies part : parts) {
      System.arraycopy(part.samples, 0, all, at, part.size);
      at += part.size;
    }
    Arrays.sort(all);
    return all;
  }

  /** The nearest-rank percentile {@code p} (0..100) of sorted samples; 0 when there are none. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
