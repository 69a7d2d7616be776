package dev.quaver.bench.lsm;

import dev.quaver.storage.StorageConfig.SyncMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Runs Quaver's LSM store and RocksDB side by side in one JVM and prints ratios: embedded puts
 * (16-byte keys, 100-byte values), sequential and random keys, 1 and 8 writer threads, each sync
 * mode, each cell measured for both engines back to back on fresh directories; then write and
 * space amplification after a random-key load. Usage:
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar dev.quaver.bench.lsm.LsmBenchRunner [seconds] [loadRows]
 * </pre>
 *
 * (defaults 3 s per cell, 1,000,000 rows). Data goes to {@code -Dbench.dir} or the temp dir.
 */
public final class LsmBenchRunner {
  private LsmBenchRunner() {}

  record Result(double opsPerSecond, long p50Nanos, long p99Nanos) {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    long loadRows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    Path base = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
    System.out.printf("JDK %s, %d CPUs, load average %.2f%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    String only = System.getProperty("bench.cells", "");
    for (String engine : List.of("quaver", "rocksdb")) { // JIT warm-up, not reported
      run(engine, base, SyncMode.OFF, false, 2, Math.min(seconds, 2));
    }
    System.out.printf("%-8s %-8s %3s | %12s %9s %9s | %12s %9s %9s | %6s%n", "keys", "sync", "thr",
        "quaver op/s", "p50 us", "p99 us", "rocksdb op/s", "p50 us", "p99 us", "ratio");
    for (SyncMode sync : SyncMode.values()) {
      for (boolean sequential : new boolean[] {true, false}) {
        for (int threads : new int[] {1, 8}) {
          String cell = (sequential ? "seq" : "random") + "/" + sync + "/" + threads;
          if (!only.isEmpty() && !cell.matches(only)) {
            continue;
          }
          boolean quaverFirst = (threads + (sequential ? 1 : 0) + sync.ordinal()) % 2 == 0;
          Result quaver = quaverFirst ? run("quaver", base, sync, sequential, threads, seconds) : null;
          Result rocks = run("rocksdb", base, sync, sequential, threads, seconds);
          if (!quaverFirst) {
            quaver = run("quaver", base, sync, sequential, threads, seconds);
          }
          System.out.printf("%-8s %-8s %3d | %12.0f %9.1f %9.1f | %12.0f %9.1f %9.1f | %6.2f%n",
              sequential ? "seq" : "random", sync, threads, quaver.opsPerSecond(),
              quaver.p50Nanos() / 1e3, quaver.p99Nanos() / 1e3, rocks.opsPerSecond(),
              rocks.p50Nanos() / 1e3, rocks.p99Nanos() / 1e3,
              quaver.opsPerSecond() / rocks.opsPerSecond());
        }
      }
    }
    if (loadRows > 0) {
      System.out.printf("%nAmplification after %,d random puts (sync OFF, 4 threads), settled:%n", loadRows);
      for (String engine : List.of("quaver", "rocksdb")) {
        amplification(engine, base, loadRows);
      }
    }
  }

  static Result run(String engine, Path base, SyncMode sync, boolean sequential, int threads,
      double seconds) throws Exception {
    Path directory = Files.createTempDirectory(base, "lsm-bench-" + engine);
    try (PutTarget target = PutTarget.open(engine, directory, sync)) {
      Workload workload = new Workload(sequential);
      long warmupEnd = System.nanoTime() + (long) (seconds * 0.3e9);
      long end = warmupEnd + (long) (seconds * 1e9);
      long[][] latencies = new long[threads][];
      int[] counts = new int[threads];
      Throwable[] failure = new Throwable[1];
      CountDownLatch done = new CountDownLatch(threads);
      for (int t = 0; t < threads; t++) {
        int id = t;
        Thread thread = new Thread(() -> {
          long[] mine = new long[1 << 16];
          int n = 0;
          try {
            while (true) {
              long start = System.nanoTime();
              if (start >= end) {
                break;
              }
              target.put(workload.nextKey(), Workload.value());
              if (start >= warmupEnd) {
                if (n == mine.length) {
                  mine = Arrays.copyOf(mine, n * 2);
                }
                mine[n++] = System.nanoTime() - start;
              }
            }
          } catch (Throwable e) {
            failure[0] = e;
          } finally {
            latencies[id] = mine;
            counts[id] = n;
            done.countDown();
          }
        });
        thread.start();
      }
      done.await();
      if (failure[0] != null) {
        throw new RuntimeException(engine + " failed", failure[0]);
      }
      int total = Arrays.stream(counts).sum();
      long[] all = new long[total];
      int at = 0;
      for (int t = 0; t < threads; t++) {
        System.arraycopy(latencies[t], 0, all, at, counts[t]);
        at += counts[t];
      }
      Arrays.sort(all);
      return new Result(total / seconds, all.length == 0 ? 0 : all[all.length / 2],
          all.length == 0 ? 0 : all[(int) (all.length * 0.99)]);
    } finally {
      delete(directory);
    }
  }

  static void amplification(String engine, Path base, long rows) throws Exception {
    Path directory = Files.createTempDirectory(base, "lsm-amp-" + engine);
    try {
      long started = System.nanoTime();
      long[] written;
      try (PutTarget target = PutTarget.open(engine, directory, SyncMode.OFF)) {
        Workload workload = new Workload(false);
        int threads = 4;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          long share = rows / threads;
          Thread thread = new Thread(() -> {
            try {
              for (long i = 0; i < share; i++) {
                target.put(workload.nextKey(), Workload.value());
              }
            } catch (Exception e) {
              throw new RuntimeException(e);
            }
          });
          workers.add(thread);
          thread.start();
        }
        for (Thread thread : workers) {
          thread.join();
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        target.settle();
        written = target.writtenBytes();
        System.out.printf("  %-8s load %.1f s (%.0f rows/s);", engine, loadSeconds, rows / loadSeconds);
      }
      long logical = rows * (Workload.KEY_BYTES + Workload.VALUE_BYTES);
      long onDisk = sizeOf(directory, ".sst");
      long total = written[0] + written[1] + written[2];
      System.out.printf(" written: WAL %.0f MB, flush %.0f MB, compaction %.0f MB -> write amp %.2f"
              + " (%.2f without WAL); SSTables %.0f MB -> space amp %.2f%n",
          written[0] / 1e6, written[1] / 1e6, written[2] / 1e6, total / (double) logical,
          (written[1] + written[2]) / (double) logical, onDisk / 1e6, onDisk / (double) logical);
    } finally {
      delete(directory);
    }
  }

  private static long sizeOf(Path directory, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(f -> f.toString().endsWith(suffix)).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
