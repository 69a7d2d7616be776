package dev.quaver.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.planner.SessionSettings;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every forced join distribution and aggregation phase choice (issue #7) returns the same rows as
 * the cost-based choice, after ANALYZE: two-phase aggregation merges partial results correctly
 * (COUNT as SUM0 of counts, empty input, NULL groups).
 */
class DistributionStrategiesTest extends SqlExecutorTestBase {
  private static final List<String> QUERIES = List.of(
      "SELECT f.k, COUNT(*), SUM(f.v), MIN(d.name), MAX(f.v) FROM f JOIN d ON f.k = d.k GROUP BY f.k ORDER BY f.k",
      "SELECT d.name, COUNT(f.v) FROM d LEFT JOIN f ON f.k = d.k GROUP BY d.name ORDER BY d.name",
      "SELECT COUNT(*), SUM(v) FROM f",
      "SELECT COUNT(*), SUM(v) FROM f WHERE v > 1000",
      "SELECT v % 3, COUNT(*) FROM f GROUP BY v % 3 ORDER BY 1",
      "SELECT k, COUNT(*) FROM f WHERE v > 1000 GROUP BY k",
      "SELECT d.name FROM d WHERE d.k IN (SELECT k FROM f WHERE v > 5) ORDER BY d.name",
      "SELECT COUNT(*) FROM f, d WHERE f.v < d.k");

  @BeforeEach
  void createAndAnalyzeTables() {
    runWith(SessionSettings.DEFAULTS,
        "CREATE TABLE f (id INTEGER PRIMARY KEY, k INTEGER, v INTEGER) DISTRIBUTED BY HASH (id) PARTITIONS 4");
    runWith(SessionSettings.DEFAULTS, "CREATE TABLE d (k INTEGER PRIMARY KEY, name VARCHAR(10))");
    StringBuilder rows = new StringBuilder("INSERT INTO f VALUES ");
    for (int i = 0; i < 200; i++) {
      rows.append(i == 0 ? "" : ", ").append("(").append(i).append(", ").append(i % 7 == 0 ? "NULL" : i % 5)
          .append(", ").append(i % 11 == 0 ? "NULL" : String.valueOf(i)).append(")");
    }
    runWith(SessionSettings.DEFAULTS, rows.toString());
    runWith(SessionSettings.DEFAULTS, "INSERT INTO d VALUES (0, 'zero'), (1, 'one'), (2, 'two'), (3, 'three'), (9, 'nine')");
    runWith(SessionSettings.DEFAULTS, "ANALYZE");
  }

  @Test
  void everyForcedStrategyReturnsTheSameRows() {
    for (String sql : QUERIES) {
      List<List<Object>> expected = queryWith(SessionSettings.DEFAULTS, sql);
      for (String join : List.of("auto", "broadcast", "shuffle")) {
        for (String phases : List.of("auto", "one", "two")) {
          SessionSettings settings = SessionSettings.DEFAULTS.set("join_distribution", join)
              .set("aggregation_phases", phases);
          assertThat(queryWith(settings, sql)).as("%s under join=%s phases=%s", sql, join, phases)
              .containsExactlyInAnyOrderElementsOf(expected);
        }
      }
    }
  }

  @Test
  void forcedTwoPhasesShowInExplain() {
    SessionSettings two = SessionSettings.DEFAULTS.set("aggregation_phases", "two");
    List<String> plan = planner.prepare("EXPLAIN SELECT k, COUNT(*) FROM f GROUP BY k", two).explainLines();
    assertThat(String.join("\n", plan)).contains("phase=PARTIAL").contains("phase=FINAL")
        .contains("calls=[SUM0($1)]");
  }
}
