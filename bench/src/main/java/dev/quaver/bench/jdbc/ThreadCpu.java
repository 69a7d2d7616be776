package dev.quaver.bench.jdbc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this JVM's Java threads, grouped by name with digits folded ({@code quaver-io-N},
 * {@code quaver-worker-N}, {@code bench-client-N}, ...), between two snapshots: it splits a batch
 * cell's CPU per row into the request path (client and driver, Netty I/O, server workers) and
 * the rest (ETL, flush, compaction), which the process total mixes with the JIT and GC.
 *
 * <p>Thread safety: immutable.
 */
final class ThreadCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Nanoseconds of CPU and bytes allocated per thread id, and each id's group name. */
  private final Map<Long, Long> cpu;
  private final Map<Long, Long> allocated;
  private final Map<Long, String> groups;
  /** Milliseconds spent in collections so far (all collectors). */
  private final long gcMillis;

  private ThreadCpu(Map<Long, Long> cpu, Map<Long, Long> allocated, Map<Long, String> groups, long gcMillis) {
    this.cpu = cpu;
    this.allocated = allocated;
    this.groups = groups;
    this.gcMillis = gcMillis;
  }

  static ThreadCpu snapshot() {
    Map<Long, Long> cpu = new HashMap<>();
    Map<Long, Long> allocated = new HashMap<>();
    Map<Long, String> groups = new HashMap<>();
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long nanos = THREADS.getThreadCpuTime(info.getThreadId());
      if (nanos >= 0) {
        cpu.put(info.getThreadId(), nanos);
        if (THREADS instanceof com.sun.management.ThreadMXBean sun) {
          allocated.put(info.getThreadId(), sun.getThreadAllocatedBytes(info.getThreadId()));
        }
        groups.put(info.getThreadId(), info.getThreadName().replaceAll("\\d+", "N"));
      }
    }
    long gc = 0;
    for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += Math.max(0, collector.getCollectionTime());
    }
    return new ThreadCpu(cpu, allocated, groups, gc);
  }

  /**
   * Bytes allocated per row by the request path's threads (clients and driver, Netty I/O,
   * server workers) from {@code earlier} to this snapshot, and GC milliseconds per 1000 rows, as
   * "alloc N B/row, gc M ms per 1000 rows".
   */
  String allocationSince(ThreadCpu earlier, long rows) {
    if (rows <= 0) {
      return "";
    }
    long bytes = 0;
    for (Map.Entry<Long, Long> entry : allocated.entrySet()) {
      String group = groups.get(entry.getKey());
      if (group.startsWith("bench-client") || group.startsWith("quaver-io") || group.startsWith("quaver-worker")) {
        bytes += entry.getValue() - earlier.allocated.getOrDefault(entry.getKey(), 0L);
      }
    }
    return String.format("request path allocates %.0f B/row; gc %.2f ms per 1000 rows",
        (double) bytes / rows, (gcMillis - earlier.gcMillis) * 1000.0 / rows);
  }

  /** Microseconds of CPU per row per thread group from {@code earlier} to this snapshot. */
  Map<String, Double> microsPerRowSince(ThreadCpu earlier, long rows) {
    Map<String, Double> perGroup = new TreeMap<>();
    if (rows <= 0) {
      return perGroup;
    }
    for (Map.Entry<Long, Long> entry : cpu.entrySet()) {
      long before = earlier.cpu.getOrDefault(entry.getKey(), 0L);
      double micros = (entry.getValue() - before) / 1e3 / rows;
      perGroup.merge(groups.get(entry.getKey()), micros, Double::sum);
    }
    return perGroup;
  }

  /** "client 1.2, io 0.5, worker 2.0 = request path 3.7; other 1.1" for {@code perGroup}. */
  static String describe(Map<String, Double> perGroup) {
    double client = 0;
    double io = 0;
    double worker = 0;
    double other = 0;
    for (Map.Entry<String, Double> entry : perGroup.entrySet()) {
      String name = entry.getKey();
      if (name.startsWith("bench-client")) {
        client += entry.getValue();
      } else if (name.startsWith("quaver-io")) {
        io += entry.getValue();
      } else if (name.startsWith("quaver-worker")) {
        worker += entry.getValue();
      } else {
        other += entry.getValue();
      }
    }
    return String.format("client %.2f + io %.2f + worker %.2f = request path %.2f us/row; other threads %.2f",
        client, io, worker, client + io + worker, other);
  }
}
