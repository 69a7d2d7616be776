package dev.quaver.bench.columnar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.IntVector;

/** Small helpers of {@link ColumnarBenchRunner}: summing loops, number formatting, files. */
final class BenchSupport {
  private BenchSupport() {}

  static long sumLongs(long[] values) {
    long sum = 0;
    for (long value : values) {
      sum += value;
    }
    return sum;
  }

  /** CPU time so far of the storage engine's delta background step (its daemon thread). */
  static long refresherCpuNanos() {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals("quaver-delta-refresh")) {
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean()
            .getThreadCpuTime(thread.getId());
        return Math.max(0, cpu);
      }
    }
    return 0;
  }

  static String micros(double[] nanos) {
    StringBuilder text = new StringBuilder("[");
    for (double value : nanos) {
      text.append(text.length() > 1 ? " " : "").append(String.format(Locale.ROOT, "%.2f",
          value / 1000));
    }
    return text.append(']').toString();
  }

  static String ratios(double[] values) {
    StringBuilder text = new StringBuilder("[");
    for (double value : values) {
      text.append(text.length() > 1 ? " " : "").append(String.format(Locale.ROOT, "%.2fx", value));
    }
    return text.append(']').toString();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
  }

  static long directorySize(Path directory) throws Exception {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
    }
  }

  /** SUM over an Arrow INT vector as a query engine does it: values with a validity check. */
  static long sumInts(IntVector vector, int count) {
    ArrowBuf data = vector.getDataBuffer();
    long sum = 0;
    if (vector.getNullCount() == 0) {
      for (int i = 0; i < count; i++) {
        sum += data.getInt((long) i * 4);
      }
    } else {
      for (int i = 0; i < count; i++) {
        if (!vector.isNull(i)) {
          sum += data.getInt((long) i * 4);
        }
      }
    }
    return sum;
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0] + " "
          + Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[1];
    } catch (Exception e) {
      return "?";
    }
  }

  static void delete(Path directory) throws Exception {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
