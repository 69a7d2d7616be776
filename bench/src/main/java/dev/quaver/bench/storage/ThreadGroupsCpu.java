package dev.quaver.bench.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads by group (Linux {@code /proc/self/task}): the JVM's GC and
 * JIT threads have no Java thread to ask ThreadMXBean about, and for a batch load the garbage
 * collector's share is what decides whether the background keeps up. Groups: {@code gc},
 * {@code jit}, each {@code quaver-*} thread name without its number, {@code main}, {@code other}.
 * Clock ticks (10 ms); a thread that ends between two readings is lost. Stateless.
 */
final class ThreadGroupsCpu {
  private static final double TICK_MICROS = 10_000;

  private ThreadGroupsCpu() {}

  /** CPU ticks (user + system) per group now; empty where {@code /proc} is missing. */
  static Map<String, Long> ticks() {
    Map<String, Long> ticks = new TreeMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return ticks;
    }
    try (Stream<Path> list = Files.list(tasks)) {
      for (Path task : (Iterable<Path>) list::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          int close = stat.lastIndexOf(')');
          String name = stat.substring(stat.indexOf('(') + 1, close);
          String[] fields = stat.substring(close + 2).split(" ");
          long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
          ticks.merge(group(name), used, Long::sum);
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      return ticks;
    }
    return ticks;
  }

  /** Microseconds of CPU per row of each group between two readings. */
  static Map<String, Double> perRowMicros(Map<String, Long> before, Map<String, Long> after, long rows) {
    Map<String, Double> perRow = new TreeMap<>();
    after.forEach((group, ticks) -> {
      long used = ticks - before.getOrDefault(group, 0L);
      if (used > 0) {
        perRow.put(group, used * TICK_MICROS / rows);
      }
    });
    return perRow;
  }

  private static String group(String name) {
    if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
      return "gc";
    }
    if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
      return "jit";
    }
    if (name.startsWith("quaver-")) {
      return name.replaceAll("[-#]?\\d+$", "");
    }
    return name.equals("main") || name.equals("java") ? "main" : "other";
  }
}
