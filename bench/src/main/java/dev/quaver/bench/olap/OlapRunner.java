package dev.quaver.bench.olap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The side-by-side analytical benchmark: for each engine in turn, load the SSB tables at scale
 * factor {@code olap.sf} and the music-service {@code plays} table at {@code olap.plays} rows, run
 * the 13 SSB queries and the dashboard query ({@code olap.warmup} unmeasured runs, then
 * {@code olap.reps} measured; median reported), close the engine; then check every engine's results
 * against DuckDB's (or the first engine that answered) and print the table ({@link Report}).
 * Usage (bench/run-olap.sh starts PostgreSQL and passes pg.url):
 *
 * <pre>
 *   java -Dolap.sf=0.1 -Dolap.plays=1000000 -Dpg.url=jdbc:postgresql://127.0.0.1:PORT/postgres \
 *     -cp bench/target/benchmarks.jar dev.quaver.bench.olap.OlapRunner
 * </pre>
 *
 * Properties: {@code olap.engines} (comma list, default {@code duckdb,quaver,postgres,sqlite,h2}),
 * {@code olap.timeoutSeconds} per run (default 120), {@code olap.queries} (comma list of query ids;
 * default all), {@code olap.workloads} ({@code ssb,music}), {@code bench.dir} (data directories),
 * {@code olap.quaver.variants} (Quaver's queries again under forced planner settings, see
 * {@link StrategyVariants}).
 */
public final class OlapRunner {
  private OlapRunner() {}

  public static void main(String[] args) throws Exception {
    double sf = Double.parseDouble(System.getProperty("olap.sf", "0.1"));
    long plays = Long.parseLong(System.getProperty("olap.plays", "1000000"));
    List<String> engines = csv(System.getProperty("olap.engines", "duckdb,quaver,postgres,sqlite,h2"));
    int warmup = Integer.parseInt(System.getProperty("olap.warmup", "1"));
    int reps = Integer.parseInt(System.getProperty("olap.reps", "3"));
    long timeoutMillis = (long) (Double.parseDouble(System.getProperty("olap.timeoutSeconds", "120")) * 1000);
    List<String> only = csv(System.getProperty("olap.queries", ""));
    List<String> workloads = csv(System.getProperty("olap.workloads", "ssb,music"));
    // Issue #7: Quaver's queries again under each forced planner strategy ("|"-separated variants).
    List<String> variants = StrategyVariants.parse(System.getProperty("olap.quaver.variants", ""));
    Path base = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
    Files.createDirectories(base);
    String pgUrl = System.getProperty("pg.url", "");
    String pgUser = System.getProperty("pg.user", "postgres");

    List<Table> tables = new ArrayList<>();
    List<Queries.Query> queries = new ArrayList<>();
    if (workloads.contains("ssb")) {
      tables.addAll(SsbData.tables(sf));
      queries.addAll(Queries.ssb());
    }
    if (workloads.contains("music")) {
      tables.add(MusicData.artists());
      tables.add(MusicData.plays(plays));
      queries.add(Queries.dashboard());
    }
    if (!only.isEmpty()) {
      queries.removeIf(q -> !only.contains(q.id()));
    }
    System.out.printf("OLAP side by side: SSB SF %s, plays %,d; engines %s; warm-up %d, repetitions %d (median),"
        + " timeout %d s per run%nJDK %s, %d CPUs, load average at start %s%n", sf, plays, engines, warmup, reps,
        timeoutMillis / 1000, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        Report.loadAverage());

    Map<String, Map<String, Outcome>> outcomes = new LinkedHashMap<>();
    Map<String, String> loads = new LinkedHashMap<>();
    for (String name : engines) {
      Map<String, Outcome> perQuery = new LinkedHashMap<>();
      outcomes.put(name, perQuery);
      try (Engine engine = Engine.create(name, base, pgUrl, pgUser); Connection connection = engine.connect()) {
        long loadStart = System.nanoTime();
        long rows = 0;
        for (Table table : tables) {
          long t0 = System.nanoTime();
          long n = Loader.load(engine, connection, table);
          rows += n;
          System.out.printf("  %-8s loaded %-11s %,10d rows in %7.1f s (load %s)%n", name, table.name(), n,
              (System.nanoTime() - t0) / 1e9, Report.loadAverage());
        }
        long t0 = System.nanoTime();
        engine.afterLoad(connection, tables);
        double after = (System.nanoTime() - t0) / 1e9;
        double total = (System.nanoTime() - loadStart) / 1e9;
        loads.put(name, String.format("%,d rows in %.0f s (%,.0f rows/s), then %.1f s %s", rows, total,
            rows / total, after, name.equals("quaver") ? "OPTIMIZE TABLE" : "statistics"));
        System.out.printf("  %-8s load done: %s%n", name, loads.get(name));
        try (QueryTimer timer = new QueryTimer(engine, connection, timeoutMillis)) {
          for (Queries.Query query : queries) {
            Outcome outcome = timer.measure(Queries.render(query, engine), warmup, reps);
            perQuery.put(query.id(), outcome);
            System.out.printf("  %-8s %-9s %s (load %s)%n", name, query.id(), outcome.completed()
                ? String.format("%10.1f ms median, %d rows", outcome.medianMs(), outcome.results().rows().size())
                : outcome.status() + ": " + outcome.message(), Report.loadAverage());
          }
          if (name.equals("quaver") && !variants.isEmpty()) {
            StrategyVariants.run(connection, timer, engine, queries, perQuery, variants, warmup, reps);
          }
        }
      } catch (Exception e) {
        System.out.printf("  %-8s FAILED before the queries: %s%n", name, e);
        loads.put(name, "FAILED: " + e);
      }
      System.gc();
    }
    Report.print(queries, outcomes, loads);
    System.out.printf("%nload average at end %s%n", Report.loadAverage());
    System.exit(0); // abandoned query threads and embedded engines must not keep the JVM alive
  }

  private static List<String> csv(String value) {
    return value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::trim).toList();
  }
}
