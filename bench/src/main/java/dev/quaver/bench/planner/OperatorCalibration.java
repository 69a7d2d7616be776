package dev.quaver.bench.planner;

import dev.quaver.server.QuaverServer;
import dev.quaver.server.config.ServerConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Calibrates the cost model's per-row constants (docs/cost-model.md §2) against Quaver's own
 * operators rather than Java primitives: an in-process server, a columnar table of {@code N} rows
 * (after OPTIMIZE TABLE), and queries that differ by one operator, timed by the process's CPU time
 * (robust to a shared machine's wall-clock noise; includes GC and JIT of this JVM). Each figure is
 * the median of {@code reps} runs after a warm-up, in ns per input row, minus the base it extends:
 *
 * <ul>
 *   <li>scan: {@code SELECT SUM(v) FROM t} (one BIGINT column; SUM's per-row add included);
 *   <li>scan of four columns: {@code SUM} of four columns — the extra bytes give SCAN_BYTE;
 *   <li>expression: {@code WHERE v + 1 > 0} (keeps all rows) over the scan: two expressions;
 *   <li>hash probe: {@code GROUP BY g} (1,000 groups) over the two-column scan;
 *   <li>hash build: {@code GROUP BY k} (N groups: an insert and an output row each);
 *   <li>join probe: {@code t JOIN d ON t.g = d.g} (d: 1,000 rows) over the two-column scan;
 *   <li>sort: {@code ORDER BY v} of all rows, per row and log2(N), drained;
 *   <li>hash build: a self-join on the unique {@code k} (an N-row build) minus its two scans and
 *       the probe-and-output figure of the small join.
 * </ul>
 * Usage: {@code java -cp bench/target/benchmarks.jar dev.quaver.bench.planner.OperatorCalibration
 * [rows] [reps]} (default 500,000 rows, 5 reps).
 */
public final class OperatorCalibration {
  private static final int RUNS_PER_FIGURE = 5;
  private OperatorCalibration() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path directory = Files.createTempDirectory("quaver-calibration");
    QuaverServer server = QuaverServer.start(ServerConfig.defaults(directory).withPort(0));
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "quaver", "quaver")) {
      load(connection, rows);
      System.out.printf(Locale.ROOT, "rows %,d, reps %d, cores %d, load before %.2f%n", rows, reps,
          Runtime.getRuntime().availableProcessors(), load());
      double scan = perRow(connection, "SELECT SUM(v) FROM t", rows, reps);
      double scan2 = perRow(connection, "SELECT SUM(v), SUM(g) FROM t", rows, reps);
      double scan4 = perRow(connection, "SELECT SUM(v), SUM(g), SUM(k), SUM(w) FROM t", rows, reps);
      double filter = perRow(connection, "SELECT SUM(v) FROM t WHERE v + 1 > 0", rows, reps);
      double groupSmall = perRow(connection, "SELECT g, SUM(v) FROM t GROUP BY g", rows, reps);
      double groupLarge = perRow(connection, "SELECT COUNT(*) FROM (SELECT k, SUM(v) AS s FROM t GROUP BY k) x",
          rows, reps);
      double join = perRow(connection, "SELECT SUM(t.v) FROM t JOIN d ON t.g = d.g", rows, reps);
      double sort = perRow(connection, "SELECT v FROM t ORDER BY v", rows, reps);
      double kScan = perRow(connection, "SELECT SUM(k) FROM t", rows, reps);
      double selfJoin = perRow(connection, "SELECT COUNT(*) FROM t a JOIN t b ON a.k = b.k", rows, reps);
      double log2 = Math.log(rows) / Math.log(2);
      System.out.printf(Locale.ROOT, "%-52s %10s%n", "figure (ns per input row)", "value");
      print("scan 1 BIGINT column + SUM", scan);
      print("scan 2 columns + 2 SUMs", scan2);
      print("scan 4 columns + 4 SUMs", scan4);
      print("per extra column (8 bytes + one SUM) -> /8 = SCAN_BYTE", (scan4 - scan) / 3 / 8);
      print("filter v + 1 > 0 over the scan -> /2 = EXPRESSION_ROW", (filter - scan) / 2);
      print("GROUP BY g, 1000 groups, over scan2 = HASH_PROBE_ROW", groupSmall - scan2);
      print("GROUP BY k, N groups, over scan2 = HASH_BUILD_ROW+OUTPUT", groupLarge - scan2);
      print("join probe (1000-row build) over scan2 = PROBE+OUTPUT", join - scan2);
      print("sort per row / log2(N) = SORT_COMPARE", sort / log2);
      print("self-join on k (N-row build) - 2 scans - (probe+output) = HASH_BUILD_ROW",
          selfJoin - 2 * kScan - (join - scan2));
      System.out.printf(Locale.ROOT, "load after %.2f%n", load());
    } finally {
      server.close();
      try (var paths = Files.walk(directory)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void print(String name, double value) {
    System.out.printf(Locale.ROOT, "%-52s %10.1f%n", name, value);
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void load(Connection connection, int rows) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (k BIGINT, g INTEGER, v BIGINT, w BIGINT)");
      statement.execute("CREATE TABLE d (g INTEGER PRIMARY KEY, name VARCHAR(16))");
    }
    SplittableRandom random = new SplittableRandom(42);
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < rows; i++) {
        insert.setLong(1, i);
        insert.setInt(2, random.nextInt(1000));
        insert.setLong(3, random.nextLong(1_000_000));
        insert.setLong(4, random.nextLong(1_000_000));
        insert.addBatch();
        if (i % 1000 == 999) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO d VALUES (?, ?)")) {
      for (int g = 0; g < 1000; g++) {
        insert.setInt(1, g);
        insert.setString(2, "name" + g);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("OPTIMIZE TABLE t");
      statement.execute("ANALYZE");
    }
  }

  /** Median process CPU ns per input row of {@code sql} (one warm-up run first). */
  private static double perRow(Connection connection, String sql, int rows, int reps) throws SQLException {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<Double> figures = new ArrayList<>();
    for (int rep = -1; rep < reps; rep++) {
      long before = os.getProcessCpuTime();
      // Several executions per figure: the process CPU clock ticks in milliseconds.
      for (int i = 0; i < RUNS_PER_FIGURE; i++) {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
          while (result.next()) {
            result.getObject(1);
          }
        }
      }
      double perRow = (os.getProcessCpuTime() - before) / (double) rows / RUNS_PER_FIGURE;
      if (rep >= 0) {
        figures.add(perRow);
      }
    }
    double[] sorted = figures.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = sorted[sorted.length / 2];
    System.out.printf(Locale.ROOT, "  %-70s median %8.1f ns/row, runs %s%n", sql, median,
        Arrays.toString(Arrays.stream(sorted).mapToLong(Math::round).toArray()));
    return median;
  }
}
