package dev.quaver.bench.olap;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Issue #7's two-choice measurements: after Quaver's ordinary run, each query again under each
 * variant of planner settings ({@code -Dolap.quaver.variants=join_distribution=broadcast|
 * join_distribution=shuffle|aggregation_phases=one|aggregation_phases=two}; a variant is
 * {@code name=value} pairs separated by {@code ;}), on the same loaded data and connection, with
 * the decisions the planner printed in EXPLAIN and a check that the rows equal the default run's.
 * Prints one line per query and variant; the settings are reset afterwards.
 */
final class StrategyVariants {
  private StrategyVariants() {}

  static List<String> parse(String property) {
    return property.isBlank() ? List.of()
        : Arrays.stream(property.split("\\|")).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  static void run(Connection connection, QueryTimer timer, Engine engine, List<Queries.Query> queries,
      Map<String, Outcome> defaults, List<String> variants, int warmup, int reps) throws SQLException {
    List<String> all = new ArrayList<>();
    all.add("auto");
    all.addAll(variants);
    for (Queries.Query query : queries) {
      String sql = Queries.render(query, engine);
      Outcome reference = defaults.get(query.id());
      for (String variant : all) {
        apply(connection, variant);
        List<String> decisions = decisions(connection, sql);
        Outcome outcome = variant.equals("auto") ? reference : timer.measure(sql, warmup, reps);
        String check = !outcome.completed() || reference == null || !reference.completed() ? ""
            : outcome.results().diff(reference.results()).isEmpty() ? "rows equal" : "ROWS DIFFER";
        System.out.printf("  variant %-9s %-30s %s %s; %s%n", query.id(), variant, outcome.completed()
            ? String.format("%10.1f ms median (min %.1f)", outcome.medianMs(), outcome.minMs())
            : outcome.status() + ": " + outcome.message(), check, decisions);
      }
      apply(connection, "auto");
    }
  }

  static void apply(Connection connection, String variant) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("RESET ALL");
      if (variant.equals("auto")) {
        return;
      }
      for (String pair : variant.split(";")) {
        int equals = pair.indexOf('=');
        statement.execute("SET " + pair.substring(0, equals).trim() + " = '" + pair.substring(equals + 1).trim() + "'");
      }
    }
  }

  /** The bracketed decisions of the query's EXPLAIN (joins, aggregations, zone maps). */
  static List<String> decisions(Connection connection, String sql) throws SQLException {
    List<String> decisions = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet plan = statement.executeQuery("EXPLAIN " + sql)) {
      while (plan.next()) {
        String line = plan.getString(1);
        int open = line.lastIndexOf(" [");
        if (open >= 0 && line.endsWith("]")) {
          decisions.add(line.trim().replaceAll("\\(.*", "") + line.substring(open));
        }
      }
    }
    return decisions;
  }
}
