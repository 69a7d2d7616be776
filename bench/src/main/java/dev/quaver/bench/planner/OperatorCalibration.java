package dev.quaver.bench.planner;

import dev.quaver.planner.cost.CostModel;
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
 *       the probe-and-output figure of the small join;
 *   <li>exchange: a one-phase {@code GROUP BY g} (every row shuffled by g) in parallel minus the
 *       same serially, moving 12 and 28 bytes per row: the difference per row and per byte.
 * </ul>
 * The operator figures run with {@code SET parallelism = 1} (one thread, no exchanges). Prints the
 * raw figures, then a Markdown table of each derived constant next to {@link CostModel}'s value.
 * Usage: {@code bench/run-calibration.sh [rows] [reps]} or {@code java -cp bench/target/benchmarks.jar
 * dev.quaver.bench.planner.OperatorCalibration [rows] [reps]} (default 500,000 rows, 5 reps;
 * {@code -Dbench.dir} for the data directory, deleted at the end).
 */
public final class OperatorCalibration {
  private static final double TARGET_CPU_NANOS = 400e6;
  private static final int MIN_RUNS = 3;
  private static final int MAX_RUNS = 50;
  private OperatorCalibration() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path directory = Files.createTempDirectory(Path.of(System.getProperty("bench.dir",
        System.getProperty("java.io.tmpdir"))), "quaver-calibration");
    QuaverServer server = QuaverServer.start(ServerConfig.defaults(directory).withPort(0));
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "quaver", "quaver")) {
      long t0 = System.nanoTime();
      load(connection, rows);
      System.out.printf(Locale.ROOT, "rows %,d loaded + OPTIMIZE + ANALYZE in %.0f s; reps %d, cores %d, load before %.2f%n",
          rows, (System.nanoTime() - t0) / 1e9, reps, Runtime.getRuntime().availableProcessors(), load());
      // Operator figures serially (no exchanges, one thread): each constant is one operator's work.
      set(connection, "SET parallelism = 1");
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
      // Exchange figures: the same one-phase aggregation (every row shuffled by g) in parallel
      // minus serially, with 12 and 28 bytes per moved row.
      String narrow = "SELECT COUNT(*) FROM (SELECT g, SUM(v) AS s FROM t GROUP BY g) x";
      String wide = "SELECT COUNT(*) FROM (SELECT g, SUM(v) AS a, SUM(w) AS b, SUM(k) AS c FROM t GROUP BY g) x";
      set(connection, "SET aggregation_phases = 'one'");
      double narrowSerial = perRow(connection, narrow, rows, reps);
      double wideSerial = perRow(connection, wide, rows, reps);
      set(connection, "SET parallelism = 0");
      String narrowPlan = exchanges(connection, narrow) + " / " + exchanges(connection, wide);
      double narrowParallel = perRow(connection, narrow, rows, reps);
      double wideParallel = perRow(connection, wide, rows, reps);
      set(connection, "RESET ALL");
      double log2 = Math.log(rows) / Math.log(2);

      System.out.printf(Locale.ROOT, "%n%-66s %10s%n", "figure (ns per input row)", "value");
      print("scan 1 BIGINT column + SUM", scan);
      print("scan 2 columns + 2 SUMs", scan2);
      print("scan 4 columns + 4 SUMs", scan4);
      print("filter v + 1 > 0 over the scan", filter);
      print("GROUP BY g (1,000 groups) over scan2", groupSmall);
      print("GROUP BY k (N groups) over scan2", groupLarge);
      print("join probe of a 1,000-row build over scan2", join);
      print("ORDER BY v (drained)", sort);
      print("self-join on k (N-row build)", selfJoin);
      print("shuffle by g, 12 B/row: serial / parallel", narrowSerial);
      print("", narrowParallel);
      print("shuffle by g, 28 B/row: serial / parallel", wideSerial);
      print("", wideParallel);
      System.out.println("parallel plan's exchanges: " + narrowPlan);

      double scanByte = (scan4 - scan) / 3 / 8;
      double probe = groupSmall - scan2;
      double output = join - scan2 - probe;
      double exchangeByte = ((wideParallel - wideSerial) - (narrowParallel - narrowSerial)) / (28 - 12);
      double exchangeRow = (narrowParallel - narrowSerial) - 12 * exchangeByte;
      System.out.printf(Locale.ROOT, "%n| constant | derived from | measured (ns) | CostModel now | measured / now |%n");
      System.out.println("|---|---|---:|---:|---:|");
      row("SCAN_ROW", "scan − 8 × SCAN_BYTE", scan - 8 * scanByte, CostModel.SCAN_ROW);
      row("SCAN_BYTE", "(scan4 − scan) / 3 columns / 8 bytes", scanByte, CostModel.SCAN_BYTE);
      row("EXPRESSION_ROW", "(filter − scan) / 2 expressions", (filter - scan) / 2, CostModel.EXPRESSION_ROW);
      row("HASH_PROBE_ROW", "GROUP BY g − scan2", probe, CostModel.HASH_PROBE_ROW);
      row("HASH_BUILD_ROW", "GROUP BY k − scan2 − OUTPUT_ROW", groupLarge - scan2 - output,
          CostModel.HASH_BUILD_ROW);
      row("HASH_BUILD_ROW (join)", "self-join − 2 scans − probe − output", selfJoin - 2 * kScan - probe - output,
          CostModel.HASH_BUILD_ROW);
      row("OUTPUT_ROW", "join − scan2 − HASH_PROBE_ROW", output, CostModel.OUTPUT_ROW);
      row("SORT_COMPARE", "sort / log2 N", sort / log2, CostModel.SORT_COMPARE);
      row("EXCHANGE_ROW", "(parallel − serial) at 12 B − 12 × EXCHANGE_BYTE", exchangeRow, CostModel.EXCHANGE_ROW);
      row("EXCHANGE_BYTE", "Δ(parallel − serial) between 28 and 12 B / 16", exchangeByte, CostModel.EXCHANGE_BYTE);
      System.out.printf(Locale.ROOT, "%nload after %.2f%n", load());
    } finally {
      server.close();
      try (var paths = Files.walk(directory)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void print(String name, double value) {
    System.out.printf(Locale.ROOT, "%-66s %10.1f%n", name, value);
  }

  private static void row(String constant, String derivation, double measured, double now) {
    System.out.printf(Locale.ROOT, "| `%s` | %s | %.1f | %.1f | %.2f |%n", constant, derivation, measured, now,
        measured / now);
  }

  private static void set(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The exchange lines of the plan (to show that the parallel figure really moved rows). */
  private static String exchanges(Connection connection, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet plan = statement.executeQuery("EXPLAIN " + sql)) {
      while (plan.next()) {
        for (String line : plan.getString(1).split("\n")) {
          if (line.contains("Exchange")) {
            lines.add(line.trim().replaceAll(" distribution=.*", ""));
          }
        }
      }
    }
    return lines.toString();
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void load(Connection connection, int rows) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (k BIGINT, g INTEGER, v BIGINT, w BIGINT) DISTRIBUTED BY HASH (k)");
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
    // Warm-up run, which also sizes the measurement: enough executions for ~400 ms of CPU each,
    // so the process CPU clock's millisecond ticks and one slow execution weigh little.
    long warm = os.getProcessCpuTime();
    drain(connection, sql);
    long once = Math.max(1, os.getProcessCpuTime() - warm);
    int runs = (int) Math.max(MIN_RUNS, Math.min(MAX_RUNS, Math.ceil(TARGET_CPU_NANOS / (double) once)));
    for (int rep = 0; rep < reps; rep++) {
      long before = os.getProcessCpuTime();
      for (int i = 0; i < runs; i++) {
        drain(connection, sql);
      }
      figures.add((os.getProcessCpuTime() - before) / (double) rows / runs);
    }
    double[] sorted = figures.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = sorted[sorted.length / 2];
    System.out.printf(Locale.ROOT, "  %-70s median %8.1f ns/row, %d executions each: %s%n", sql, median, runs,
        Arrays.toString(Arrays.stream(sorted).mapToLong(Math::round).toArray()));
    return median;
  }

  private static void drain(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        result.getObject(1);
      }
    }
  }
}
