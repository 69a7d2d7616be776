package dev.quaver.bench.columnar;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * One timed piece of work: wall-clock and the calling thread's CPU time. The machine is shared,
 * so the runner reports rates per CPU-second of the measuring thread (rows/s per core) next to
 * wall-clock rates; both are ratios against a baseline measured in the same run. Immutable.
 *
 * @param wallNanos elapsed time
 * @param cpuNanos CPU time of the calling thread (its own work only: background threads such as
 *     the LSM compactor are not in it)
 */
record Measure(long wallNanos, long cpuNanos) {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Work that may throw. */
  interface Work {
    void run() throws Exception;
  }

  static Measure of(Work work) throws Exception {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    work.run();
    return new Measure(System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu);
  }

  double perWallSecond(double units) {
    return units * 1e9 / Math.max(1, wallNanos);
  }

  double perCpuSecond(double units) {
    return units * 1e9 / Math.max(1, cpuNanos);
  }

  /** The repetition with the median CPU time. */
  static Measure median(Measure[] runs) {
    Measure[] sorted = runs.clone();
    Arrays.sort(sorted, (a, b) -> Long.compare(a.cpuNanos, b.cpuNanos));
    return sorted[sorted.length / 2];
  }

  @Override
  public String toString() {
    return String.format("%.3f s wall, %.3f s CPU", wallNanos / 1e9, cpuNanos / 1e9);
  }
}
