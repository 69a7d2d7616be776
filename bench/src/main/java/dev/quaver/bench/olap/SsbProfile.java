package dev.quaver.bench.olap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Issue #6 item 7: where an SSB query's wall time goes in Quaver. Loads SSB at {@code -Dprof.sf}
 * (default 0.1) into an in-process server once, then prints per query: the plan (EXPLAIN), the
 * operator actuals (EXPLAIN ANALYZE, with {@code -Dprof.analyze=true}), and the median wall time
 * through the driver of the query, of its EXPLAIN (planning with a plan-cache hit plus the round
 * trip) and of {@code SELECT 1} (the fixed cost of a statement). {@code -Dprof.queries=Q1.1,Q3.3}
 * picks queries, {@code -Dprof.reps} (default 15) the repetitions. {@code -Dprof.ab=some.property}
 * times each query alternately with that system property set to {@code false} and cleared (an
 * A/B of an engine switch read per statement, under the same load).
 * Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -cp bench/target/benchmarks.jar
 * dev.quaver.bench.olap.SsbProfile}.
 */
public final class SsbProfile {
  private SsbProfile() {}

  public static void main(String[] args) throws Exception {
    double sf = Double.parseDouble(System.getProperty("prof.sf", "0.1"));
    int reps = Integer.getInteger("prof.reps", 15);
    boolean analyze = Boolean.getBoolean("prof.analyze");
    boolean plans = Boolean.parseBoolean(System.getProperty("prof.plans", "true"));
    String onlyText = System.getProperty("prof.queries", "");
    String abProperty = System.getProperty("prof.ab", "");
    List<String> only = onlyText.isBlank() ? List.of() : Arrays.asList(onlyText.split(","));
    Path base = Files.createTempDirectory("quaver-ssb-profile");
    try (Engine engine = Engine.quaver(base.resolve("quaver"))) {
      try (Connection connection = engine.connect()) {
        List<Table> tables = SsbData.tables(sf);
        for (Table table : tables) {
          Loader.load(engine, connection, table);
        }
        engine.afterLoad(connection, tables);
        try (Statement statement = connection.createStatement()) {
          for (Table table : tables) {
            statement.execute("ANALYZE " + table.name());
          }
        }
        List<Queries.Query> queries = new ArrayList<>(Queries.ssb());
        queries.removeIf(q -> !only.isEmpty() && !only.contains(q.id()));
        System.out.printf("SELECT 1: %.3f ms median of %d%n", median(connection, "SELECT 1", reps * 10),
            reps * 10);
        System.out.printf("SELECT COUNT(*) FROM dwdate: %.3f ms%n",
            median(connection, "SELECT COUNT(*) FROM dwdate", reps * 10));
        List<String> summary = new ArrayList<>();
        for (Queries.Query query : queries) {
          String sql = Queries.render(query, engine);
          if (plans) {
            System.out.println("== " + query.id() + ": " + sql);
            print(connection, "EXPLAIN " + sql);
            if (analyze) {
              print(connection, "EXPLAIN ANALYZE " + sql);
            }
          }
          double explain = median(connection, "EXPLAIN " + sql, reps);
          if (abProperty.isEmpty()) {
            summary.add(String.format("| %s | %.2f | %.2f |", query.id(), median(connection, sql, reps), explain));
            continue;
          }
          double[] on = new double[reps];
          double[] off = new double[reps];
          for (int i = 0; i < 3; i++) {
            time(connection, sql);
          }
          for (int i = 0; i < reps; i++) { // alternate: both see the same load
            System.setProperty(abProperty, "false");
            off[i] = time(connection, sql);
            System.clearProperty(abProperty);
            on[i] = time(connection, sql);
          }
          Arrays.sort(on);
          Arrays.sort(off);
          summary.add(String.format("| %s | %.2f | %.2f | %.2f | %.2fx |", query.id(), on[reps / 2], off[reps / 2],
              explain, off[reps / 2] / on[reps / 2]));
        }
        System.out.printf(abProperty.isEmpty() ? "%n| query | run (ms) | EXPLAIN, cached (ms) |%n|---|---:|---:|%n"
            : "%n| query | run (ms) | run, " + abProperty + "=false (ms) | EXPLAIN, cached (ms) | off/on |%n"
            + "|---|---:|---:|---:|---:|%n");
        summary.forEach(System.out::println);
        System.out.printf("load %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
      }
    } finally {
      Engine.deleteTree(base);
    }
    System.exit(0);
  }

  private static void print(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        System.out.println("  " + rows.getString(1));
      }
    }
  }

  private static double median(Connection connection, String sql, int reps) throws Exception {
    for (int i = 0; i < 3; i++) {
      time(connection, sql);
    }
    double[] ms = new double[reps];
    for (int i = 0; i < reps; i++) {
      ms[i] = time(connection, sql);
    }
    Arrays.sort(ms);
    return ms[reps / 2];
  }

  private static double time(Connection connection, String sql) throws Exception {
    long start = System.nanoTime();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int c = 1; c <= columns; c++) {
          rows.getObject(c);
        }
      }
    }
    return (System.nanoTime() - start) / 1e6;
  }
}
