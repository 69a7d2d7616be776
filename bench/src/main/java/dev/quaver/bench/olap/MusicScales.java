package dev.quaver.bench.olap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue #7 item 8, the two-scale proof in one run: the music-service dashboard query at two scales
 * of {@code dim_artists} (the dimension that grows until broadcasting it costs more than shuffling
 * the filtered plays), each on a fresh in-process Quaver server. Per scale: load, OPTIMIZE TABLE,
 * ANALYZE, read the model's choices from EXPLAIN, then time the default plan ("auto") and every
 * forced choice, the variants interleaved (warm-up runs of each first, then one run of each
 * variant per round, rotating which goes first, so a noisy minute hits all variants alike), and check that every variant
 * returns the rows of the default plan. Prints a Markdown table and, per scale, whether the model
 * picked the faster join distribution and aggregation mode. Exit status 1 on a rows mismatch or a
 * failed run (a slower model choice is a finding, not a failure).
 *
 * <p>Properties: {@code music.scales} ({@code name=artists:plays,...}; default
 * {@code small=500:2000000,large=200000:2000000}), {@code music.reps} (7), {@code music.warmup}
 * (2), {@code music.variants} ({@code |}-separated, as {@link StrategyVariants}),
 * {@code music.loaders} (connections loading plays, 2), {@code music.timeoutSeconds} (120),
 * {@code bench.dir} (data directories; deleted when each scale ends). Use
 * {@code bench/run-music-scales.sh}.
 */
public final class MusicScales {
  static final String DEFAULT_VARIANTS = "join_distribution=broadcast|join_distribution=shuffle"
      + "|aggregation_phases=one|aggregation_phases=two";

  /** One scale: the number of artists and of plays. */
  record Scale(String name, int artists, long plays) {
    static List<Scale> parse(String property) {
      List<Scale> scales = new ArrayList<>();
      for (String part : property.split(",")) {
        String[] named = part.trim().split("=");
        String[] sizes = named[1].split(":");
        scales.add(new Scale(named[0].trim(), Integer.parseInt(sizes[0].trim()), Long.parseLong(sizes[1].trim())));
      }
      return scales;
    }
  }

  /** What one variant did at one scale. */
  record Measured(String variant, List<Double> times, Results results, String error, List<String> decisions) {
    double median() {
      double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int n = sorted.length;
      return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double min() {
      return times.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
      return times.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
  }

  private MusicScales() {}

  public static void main(String[] args) throws Exception {
    List<Scale> scales = Scale.parse(System.getProperty("music.scales", "small=500:2000000,large=200000:2000000"));
    int reps = Integer.parseInt(System.getProperty("music.reps", "7"));
    int warmup = Integer.parseInt(System.getProperty("music.warmup", "2"));
    int loaders = Integer.parseInt(System.getProperty("music.loaders", "2"));
    long timeoutMillis = (long) (Double.parseDouble(System.getProperty("music.timeoutSeconds", "120")) * 1000);
    List<String> variants = new ArrayList<>(List.of("auto"));
    variants.addAll(StrategyVariants.parse(System.getProperty("music.variants", DEFAULT_VARIANTS)));
    Path base = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
    Files.createDirectories(base);
    System.out.printf(Locale.ROOT, "Music dashboard at %d scales %s; variants %s; warm-up %d, rounds %d;"
        + " JDK %s, %d CPUs, load average %s%n", scales.size(), scales, variants, warmup, reps,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), Report.loadAverage());

    Map<Scale, ScaleRun> runs = new LinkedHashMap<>();
    for (Scale scale : scales) {
      runs.put(scale, runScale(scale, base, variants, warmup, reps, loaders, timeoutMillis));
      System.gc();
    }
    boolean failed = print(runs);
    System.out.printf("%nload average at end %s%n", Report.loadAverage());
    System.out.flush();
    // Abandoned query threads must not keep the JVM alive.
    System.exit(failed ? 1 : 0);
  }

  /** The measurements of one scale and what the model chose there. */
  record ScaleRun(Scale scale, long filteredPlays, String loadText, List<Measured> measured, String modelJoin,
      String modelAggregation, List<String> autoPlan) {}

  private static ScaleRun runScale(Scale scale, Path base, List<String> variants, int warmup, int reps,
      int loaders, long timeoutMillis) throws Exception {
    Table artists = MusicData.artists(scale.artists());
    Table plays = MusicData.plays(scale.plays(), scale.artists());
    try (Engine engine = Engine.quaver(Files.createTempDirectory(base, "music-" + scale.name()));
        Connection connection = engine.connect()) {
      long t0 = System.nanoTime();
      Loader.load(engine, connection, artists);
      ParallelLoader.load(engine, connection, plays, loaders);
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      engine.afterLoad(connection, List.of(artists, plays));
      try (Statement statement = connection.createStatement()) {
        statement.execute("ANALYZE");
      }
      String loadText = String.format(Locale.ROOT, "%,d artists + %,d plays loaded in %.0f s, OPTIMIZE + ANALYZE %.0f s",
          scale.artists(), scale.plays(), loadSeconds, (System.nanoTime() - t1) / 1e9);
      System.out.printf("%n## scale %s: %s (load average %s)%n", scale.name(), loadText, Report.loadAverage());
      String sql = Queries.render(Queries.dashboard(), engine);
      long filtered = scalar(connection, "SELECT COUNT(*) FROM plays f WHERE f.ts >= "
          + engine.timestampLiteral("2024-12-01 00:00:00"));
      StrategyVariants.apply(connection, "auto");
      List<String> autoPlan = explain(connection, sql);
      autoPlan.forEach(line -> System.out.println("    " + line));

      Map<String, List<Double>> times = new LinkedHashMap<>();
      Map<String, Results> results = new LinkedHashMap<>();
      Map<String, String> errors = new LinkedHashMap<>();
      Map<String, List<String>> decisions = new LinkedHashMap<>();
      try (QueryTimer timer = new QueryTimer(engine, connection, timeoutMillis)) {
        for (String variant : variants) {
          times.put(variant, new ArrayList<>());
          StrategyVariants.apply(connection, variant);
          decisions.put(variant, StrategyVariants.decisions(connection, sql));
          for (int i = 0; i < warmup && !errors.containsKey(variant); i++) {
            record(timer.measure(sql, 0, 1), variant, null, results, errors);
          }
        }
        for (int round = 0; round < reps; round++) {
          // Each round starts one variant later, so no variant always runs first (or after the same one).
          for (int k = 0; k < variants.size(); k++) {
            String variant = variants.get((round + k) % variants.size());
            if (!errors.containsKey(variant)) {
              StrategyVariants.apply(connection, variant);
              record(timer.measure(sql, 0, 1), variant, times.get(variant), results, errors);
            }
          }
          System.out.printf("  round %d of %d done (load average %s)%n", round + 1, reps, Report.loadAverage());
        }
        StrategyVariants.apply(connection, "auto");
      }
      List<Measured> measured = new ArrayList<>();
      for (String variant : variants) {
        measured.add(new Measured(variant, times.get(variant), results.get(variant), errors.get(variant),
            decisions.get(variant)));
      }
      return new ScaleRun(scale, filtered, loadText, measured, choice(autoPlan, true), choice(autoPlan, false),
          autoPlan);
    }
  }

  private static void record(Outcome outcome, String variant, List<Double> times, Map<String, Results> results,
      Map<String, String> errors) {
    if (!outcome.completed()) {
      errors.put(variant, outcome.status() + ": " + outcome.message());
      System.out.printf("  %s FAILED: %s%n", variant, errors.get(variant));
      return;
    }
    if (times != null) {
      times.add(outcome.medianMs());
    }
    Results previous = results.put(variant, outcome.results());
    if (previous != null && !previous.diff(outcome.results()).isEmpty()) {
      errors.put(variant, "rows changed between runs of the same variant: " + previous.diff(outcome.results()));
    }
  }

  /**
   * The model's choice read from the default plan's EXPLAIN: for the join the word that opens its
   * bracketed decision ({@code broadcast} or {@code shuffle}), for the aggregation {@code one} or
   * {@code two} (phases).
   */
  static String choice(List<String> plan, boolean join) {
    for (String line : plan) {
      String trimmed = line.trim();
      int open = trimmed.lastIndexOf(" [");
      if (open < 0 || !trimmed.endsWith("]")) {
        continue;
      }
      String decision = trimmed.substring(open + 2);
      boolean isJoin = trimmed.contains("Join");
      boolean isAggregate = trimmed.contains("Aggregate") && !isJoin;
      if (join && isJoin) {
        return decision.startsWith("broadcast") ? "broadcast" : decision.startsWith("shuffle") ? "shuffle"
            : decision.split(" ")[0];
      }
      if (!join && isAggregate) {
        return decision.startsWith("two phases") ? "two" : decision.contains("one phase") ? "one"
            : decision.split(" ")[0];
      }
    }
    return "?";
  }

  /** Prints the Markdown report; true when some variant failed or returned other rows. */
  private static boolean print(Map<Scale, ScaleRun> runs) {
    boolean failed = false;
    List<String> verdicts = new ArrayList<>();
    System.out.println();
    System.out.println("| scale | artists | plays | filtered plays | variant | median ms | min–max ms | rows | model's choice |");
    System.out.println("|---|---:|---:|---:|---|---:|---|---|---|");
    for (ScaleRun run : runs.values()) {
      Results reference = run.measured().get(0).results();
      for (Measured m : run.measured()) {
        String rows;
        if (m.error() != null) {
          rows = "FAILED: " + m.error();
          failed = true;
        } else if (reference == null || m.results() == null) {
          rows = "no reference";
          failed = true;
        } else {
          String diff = m.results().diff(reference);
          rows = diff.isEmpty() ? "equal (" + m.results().rows().size() + ")" : "DIFFER: " + diff;
          failed |= !diff.isEmpty();
        }
        String picked = m.variant().equals("auto") ? "join " + run.modelJoin() + ", " + run.modelAggregation()
            + " phase(s)" : m.variant().equals("join_distribution=" + run.modelJoin())
            || m.variant().equals("aggregation_phases=" + run.modelAggregation()) ? "← model" : "";
        System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %s | %,.1f | %,.1f–%,.1f | %s | %s |%n",
            run.scale().name(), run.scale().artists(), run.scale().plays(), run.filteredPlays(), m.variant(),
            m.median(), m.min(), m.max(), rows, picked);
      }
      verdicts.add(verdict(run, "join_distribution", "broadcast", "shuffle", run.modelJoin()));
      verdicts.add(verdict(run, "aggregation_phases", "one", "two", run.modelAggregation()));
    }
    System.out.println();
    verdicts.forEach(v -> System.out.println("- " + v));
    System.out.println();
    for (ScaleRun run : runs.values()) {
      System.out.printf("- %s: %s%n", run.scale().name(), run.loadText());
      for (Measured m : run.measured()) {
        System.out.printf("  - %s: %s%n", m.variant(), m.decisions());
      }
    }
    System.out.println(failed ? "\nRESULT: FAILED (a variant failed or returned other rows)" : "\nRESULT: all variants returned equal rows");
    return failed;
  }

  private static String verdict(ScaleRun run, String setting, String a, String b, String model) {
    Measured ma = find(run, setting + "=" + a);
    Measured mb = find(run, setting + "=" + b);
    if (ma == null || mb == null || ma.times().isEmpty() || mb.times().isEmpty()) {
      return run.scale().name() + " " + setting + ": not measured under both choices";
    }
    String faster = ma.median() <= mb.median() ? a : b;
    double ratio = Math.max(ma.median(), mb.median()) / Math.min(ma.median(), mb.median());
    return String.format(Locale.ROOT, "%s, %s: model picked **%s**; measured %s %,.1f ms vs %s %,.1f ms:"
        + " %s faster by %.2fx → model %s", run.scale().name(), setting, model, a, ma.median(), b, mb.median(),
        faster, ratio, faster.equals(model) ? "picked the faster" : "PICKED THE SLOWER");
  }

  private static Measured find(ScaleRun run, String variant) {
    return run.measured().stream().filter(m -> m.variant().equals(variant)).findFirst().orElse(null);
  }

  private static List<String> explain(Connection connection, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet plan = statement.executeQuery("EXPLAIN " + sql)) {
      while (plan.next()) {
        lines.add(plan.getString(1));
      }
    }
    return lines.stream().flatMap(l -> Arrays.stream(l.split("\n"))).toList();
  }

  private static long scalar(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
