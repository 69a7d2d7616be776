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
 * Issue #7 item 8: the planning time of the 13 SSB queries and the dashboard query, through an
 * in-process Quaver server over analyzed tables (SSB at {@code -Dplan.sf}, default 0.01, and
 * {@code -Dplan.plays} plays, default 100,000). Planning is parse, validation, logical rewrites,
 * join order, distribution and access-path choice, and EXPLAIN's rendering. Each measured EXPLAIN
 * carries a new comment, so the plan cache (keyed by statement text) misses; the same EXPLAIN
 * repeated with one text (a cache hit) is the JDBC round trip and rendering, printed beside it.
 * Wall time per statement, median of {@code -Dplan.reps} (default 50) after as many warm-ups.
 * Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -cp bench/target/benchmarks.jar
 * dev.quaver.bench.olap.SsbPlanningTime}.
 */
public final class SsbPlanningTime {
  private SsbPlanningTime() {}

  public static void main(String[] args) throws Exception {
    double sf = Double.parseDouble(System.getProperty("plan.sf", "0.01"));
    long plays = Long.getLong("plan.plays", 100_000L);
    int reps = Integer.getInteger("plan.reps", 50);
    Path base = Files.createTempDirectory("quaver-ssb-planning");
    try (Engine engine = Engine.quaver(base.resolve("quaver"))) {
      try (Connection connection = engine.connect()) {
        List<Table> tables = new ArrayList<>(SsbData.tables(sf));
        tables.add(MusicData.artists());
        tables.add(MusicData.plays(plays));
        for (Table table : tables) {
          Loader.load(engine, connection, table);
        }
        engine.afterLoad(connection, tables);
        List<Queries.Query> queries = new ArrayList<>(Queries.ssb());
        queries.add(Queries.dashboard());
        System.out.printf("| query | planning, cache miss (ms) | cache hit (ms) | planning − hit (ms) |%n|---|---:|---:|---:|%n");
        double[] planning = new double[queries.size()];
        for (int q = 0; q < queries.size(); q++) {
          String sql = "EXPLAIN " + Queries.render(queries.get(q), engine);
          for (int i = 0; i < reps; i++) {
            time(connection, sql + " /* warm " + i + " */");
          }
          double miss = median(connection, sql, reps, true);
          double hit = median(connection, sql, reps, false);
          planning[q] = miss - hit;
          System.out.printf("| %s | %.2f | %.2f | %.2f |%n", queries.get(q).id(), miss, hit, miss - hit);
        }
        double logSum = 0;
        for (int q = 0; q < 13; q++) {
          logSum += Math.log(Math.max(planning[q], 0.001));
        }
        System.out.printf("SSB geometric mean of planning − hit: %.2f ms; load %s%n", Math.exp(logSum / 13),
            Files.readString(Path.of("/proc/loadavg")).trim());
      }
    } finally {
      Engine.deleteTree(base);
    }
  }

  private static double median(Connection connection, String sql, int reps, boolean miss) throws Exception {
    double[] ms = new double[reps];
    for (int i = 0; i < reps; i++) {
      ms[i] = time(connection, miss ? sql + " /* run " + i + " */" : sql);
    }
    Arrays.sort(ms);
    return ms[reps / 2];
  }

  private static double time(Connection connection, String sql) throws Exception {
    long start = System.nanoTime();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        rows.getString(1);
      }
    }
    return (System.nanoTime() - start) / 1e6;
  }
}
