package dev.quaver.bench.parallel;

import dev.quaver.executor.Executor;
import dev.quaver.executor.ExecutorConfig;
import dev.quaver.executor.QueryExecution;
import dev.quaver.planner.Planner;
import dev.quaver.planner.SessionSettings;
import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.WriteBatch;
import dev.quaver.storage.catalog.TableDef;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Measures the 1 → 2 worker speedup of a scan-heavy query: a table of {@code -Drows} rows (default
 * 2,000,000) in 4 partitions, moved to columnar segments by OPTIMIZE TABLE, then
 * {@code -Dreps} (default 7) runs of each query at parallelism 1 and 2, interleaved so that
 * machine load hits both alike; prints the median of each, their ratio and the load average.
 * {@code -Dparallel.ab=some.property} adds a third interleaved run, parallelism 2 with that system
 * property set to {@code false} (an engine switch read per query, e.g. {@code quaver.exchange.transfer}),
 * and prints its median and its ratio to the run without it. Planning is timed apart from running.
 * Usage: {@code java -cp bench.jar dev.quaver.bench.parallel.ParallelSpeedupMain}.
 */
public final class ParallelSpeedupMain {
  private static final List<String> QUERIES = List.of(
      "SELECT COUNT(*), SUM(v), MIN(s), MAX(s) FROM t WHERE v % 7 <> 3",
      "SELECT k, COUNT(*), SUM(v) FROM t WHERE v > 100 GROUP BY k");

  private ParallelSpeedupMain() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("rows", 2_000_000);
    int reps = Integer.getInteger("reps", 7);
    Path directory = Files.createTempDirectory("quaver-parallel-bench");
    try (StorageEngine storage = Storage.open(StorageConfig.defaults(directory));
        Executor executor = new Executor(storage, ExecutorConfig.defaults(directory.resolve("spill")))) {
      Planner planner = new Planner(storage.catalog());
      run(executor, planner, "CREATE TABLE t (id BIGINT PRIMARY KEY, k INTEGER, v INTEGER, s VARCHAR(12))"
          + " DISTRIBUTED BY HASH (id) PARTITIONS 4");
      TableDef table = storage.catalog().table("T").orElseThrow();
      for (int from = 0; from < rows; from += 100_000) {
        WriteBatch batch = storage.newWriteBatch(storage.currentSnapshot());
        for (int i = from; i < Math.min(rows, from + 100_000); i++) {
          batch.insert(table, new Object[] {(long) i, i % 1000, (i * 7919) % 100_000, "s" + (i % 5000)});
        }
        storage.commit(batch);
      }
      run(executor, planner, "OPTIMIZE TABLE t");
      System.out.printf(Locale.ROOT, "rows=%d reps=%d cores=%d%n", rows, reps, Runtime.getRuntime().availableProcessors());
      String ab = System.getProperty("parallel.ab", "");
      for (String sql : QUERIES) {
        List<Long> one = new ArrayList<>();
        List<Long> two = new ArrayList<>();
        List<Long> twoOff = new ArrayList<>();
        List<Long> planning = new ArrayList<>();
        for (int rep = -2; rep < reps; rep++) { // two warm-up rounds
          long a = time(executor, planner, sql, "1", planning);
          long b = time(executor, planner, sql, "2", planning);
          long c = 0;
          if (!ab.isEmpty()) {
            System.setProperty(ab, "false");
            try {
              c = time(executor, planner, sql, "2", planning);
            } finally {
              System.clearProperty(ab);
            }
          }
          if (rep >= 0) {
            one.add(a);
            two.add(b);
            twoOff.add(c);
          }
        }
        double m1 = median(one) / 1e6;
        double m2 = median(two) / 1e6;
        System.out.printf(Locale.ROOT, "%s%n  parallelism 1: %.1f ms  parallelism 2: %.1f ms  speedup %.2fx"
            + "  (planning %.2f ms, not included)  load %.1f%n", sql, m1, m2, m1 / m2, median(planning) / 1e6,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (!ab.isEmpty()) {
          double m3 = median(twoOff) / 1e6;
          System.out.printf(Locale.ROOT, "  parallelism 2 with %s=false: %.1f ms  (%.2fx the time without)%n", ab, m3,
              m3 / m2);
        }
      }
    }
  }

  /** Nanoseconds to run {@code sql} (its planning time, a plan-cache hit after the first, goes to {@code planning}). */
  private static long time(Executor executor, Planner planner, String sql, String parallelism, List<Long> planning) {
    SessionSettings settings = SessionSettings.DEFAULTS.set("parallelism", parallelism);
    long planStart = System.nanoTime();
    dev.quaver.planner.PreparedPlan plan = planner.prepare(sql, settings);
    long start = System.nanoTime();
    planning.add(start - planStart);
    long count = 0;
    try (QueryExecution execution = executor.execute(plan, List.of(), settings)) {
      for (VectorSchemaRoot batch = execution.next(); batch != null; batch = execution.next()) {
        count += batch.getRowCount();
      }
    }
    if (count == 0) {
      throw new IllegalStateException("no rows from " + sql);
    }
    return System.nanoTime() - start;
  }

  private static void run(Executor executor, Planner planner, String sql) {
    try (QueryExecution execution = executor.execute(planner.prepare(sql, SessionSettings.DEFAULTS), List.of(),
        SessionSettings.DEFAULTS)) {
      execution.updateCount();
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
