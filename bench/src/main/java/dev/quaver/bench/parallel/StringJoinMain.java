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
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Times hash joins on string and two-column keys (issue #6: they ran on the boxed RowHashJoin
 * before the vectorized join took them): a fact table of {@code -Drows} rows (default 1,000,000)
 * and a 50,000-row dimension, both as columnar segments, serial ({@code parallelism = 1}) so the
 * figure is the join's CPU, {@code -Dreps} (default 5) runs after 2 warm-ups; prints the median
 * per query and a digest of the result. Run it with the old and the new executor jar alternately
 * on the same data to compare (docs/parallel-execution.md).
 */
public final class StringJoinMain {
  private static final List<String> QUERIES = List.of(
      "SELECT COUNT(*), SUM(d.w) FROM f JOIN d ON f.s = d.s",
      "SELECT COUNT(*), SUM(d.w) FROM f JOIN d ON f.s = d.s AND f.k = d.k",
      "SELECT COUNT(*) FROM f WHERE NOT EXISTS (SELECT 1 FROM d WHERE d.s = f.s)");

  private StringJoinMain() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("rows", 1_000_000);
    int reps = Integer.getInteger("reps", 5);
    Path directory = Files.createTempDirectory("quaver-string-join");
    try (StorageEngine storage = Storage.open(StorageConfig.defaults(directory));
        Executor executor = new Executor(storage, ExecutorConfig.defaults(directory.resolve("spill")))) {
      Planner planner = new Planner(storage.catalog());
      run(executor, planner, "CREATE TABLE f (id BIGINT PRIMARY KEY, s VARCHAR(20), k INTEGER)");
      run(executor, planner, "CREATE TABLE d (s VARCHAR(20) NOT NULL, k INTEGER NOT NULL, w INTEGER,"
          + " PRIMARY KEY (s, k))");
      TableDef fact = storage.catalog().table("F").orElseThrow();
      TableDef dim = storage.catalog().table("D").orElseThrow();
      WriteBatch dims = storage.newWriteBatch(storage.currentSnapshot());
      for (int i = 0; i < 50_000; i++) {
        dims.insert(dim, new Object[] {"artist-" + i, i % 3, i});
      }
      storage.commit(dims);
      for (int from = 0; from < rows; from += 100_000) {
        WriteBatch batch = storage.newWriteBatch(storage.currentSnapshot());
        for (int i = from; i < Math.min(rows, from + 100_000); i++) {
          int a = (int) ((i * 2654435761L) % 60_000);
          batch.insert(fact, new Object[] {(long) i, i % 97 == 0 ? null : "artist-" + a, a % 3});
        }
        storage.commit(batch);
      }
      run(executor, planner, "OPTIMIZE TABLE f");
      run(executor, planner, "OPTIMIZE TABLE d");
      System.out.printf(Locale.ROOT, "rows=%d reps=%d%n", rows, reps);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      for (String sql : QUERIES) {
        List<Long> times = new ArrayList<>();
        String digest = "";
        for (int rep = -2; rep < reps; rep++) {
          long cpu = threads.getCurrentThreadCpuTime();
          digest = query(executor, planner, sql);
          if (rep >= 0) {
            times.add((threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
          }
        }
        Collections.sort(times);
        System.out.printf(Locale.ROOT, "%-72s cpu %5d ms median  result %s  load %.1f%n", sql,
            times.get(times.size() / 2), digest, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      }
    }
  }

  private static String query(Executor executor, Planner planner, String sql) {
    SessionSettings settings = SessionSettings.DEFAULTS.set("parallelism", "1");
    StringBuilder out = new StringBuilder();
    try (QueryExecution execution = executor.execute(planner.prepare(sql, settings), List.of(), settings)) {
      for (VectorSchemaRoot batch = execution.next(); batch != null; batch = execution.next()) {
        for (int i = 0; i < batch.getRowCount(); i++) {
          for (var vector : batch.getFieldVectors()) {
            out.append(vector.getObject(i)).append(' ');
          }
        }
      }
    }
    return out.toString().trim();
  }

  private static void run(Executor executor, Planner planner, String sql) {
    try (QueryExecution execution = executor.execute(planner.prepare(sql, SessionSettings.DEFAULTS), List.of(),
        SessionSettings.DEFAULTS)) {
      execution.updateCount();
    }
  }
}
