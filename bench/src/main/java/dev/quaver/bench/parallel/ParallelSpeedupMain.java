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
      for (String sql : QUERIES) {
        List<Long> one = new ArrayList<>();
        List<Long> two = new ArrayList<>();
        for (int rep = -2; rep < reps; rep++) { // two warm-up rounds
          long a = time(executor, planner, sql, "1");
          long b = time(executor, planner, sql, "2");
          if (rep >= 0) {
            one.add(a);
            two.add(b);
          }
        }
        long m1 = median(one);
        long m2 = median(two);
        System.out.printf(Locale.ROOT, "%s%n  parallelism 1: %d ms  parallelism 2: %d ms  speedup %.2fx  load %.1f%n",
            sql, m1, m2, (double) m1 / m2, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      }
    }
  }

  private static long time(Executor executor, Planner planner, String sql, String parallelism) {
    SessionSettings settings = SessionSettings.DEFAULTS.set("parallelism", parallelism);
    long start = System.nanoTime();
    long count = 0;
    try (QueryExecution execution = executor.execute(planner.prepare(sql, settings), List.of(), settings)) {
      for (VectorSchemaRoot batch = execution.next(); batch != null; batch = execution.next()) {
        count += batch.getRowCount();
      }
    }
    if (count == 0) {
      throw new IllegalStateException("no rows from " + sql);
    }
    return (System.nanoTime() - start) / 1_000_000;
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
