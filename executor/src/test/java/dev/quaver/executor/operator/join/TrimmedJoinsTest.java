package dev.quaver.executor.operator.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.executor.SqlExecutorTestBase;
import dev.quaver.planner.SessionSettings;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plans with the unused columns trimmed (ColumnTrimmer, #6: joins output only the right columns
 * used above, filter-only columns dropped) return the same rows as the untrimmed plans
 * ({@code -Dquaver.planner.trimColumns=false}), for every join type, residual conditions, the
 * boxed join (DECIMAL keys), string keys and every forced join distribution; EXPLAIN names the
 * kept right columns.
 */
class TrimmedJoinsTest extends SqlExecutorTestBase {
  private static final String SWITCH = "quaver.planner.trimColumns";
  private static final List<String> QUERIES = List.of(
      // star shape: the dimensions' filter columns and keys are not output
      "SELECT SUM(f.v), d.name FROM f, d, e WHERE f.k = d.k AND f.id = e.id AND d.tag = 'x' AND e.flag = 1"
          + " GROUP BY d.name",
      "SELECT f.id, d.name FROM f JOIN d ON f.k = d.k WHERE f.v > 50",
      "SELECT f.id, d.name FROM f LEFT JOIN d ON f.k = d.k",
      "SELECT d.name, f.v FROM f RIGHT JOIN d ON f.k = d.k",
      "SELECT f.v, d.tag FROM f FULL JOIN d ON f.k = d.k",
      "SELECT f.id FROM f WHERE f.k IN (SELECT k FROM d WHERE tag = 'x')",
      "SELECT f.id FROM f WHERE NOT EXISTS (SELECT 1 FROM d WHERE d.k = f.k AND d.tag = 'y')",
      // residual conditions read columns that are not output
      "SELECT f.id FROM f JOIN d ON f.k = d.k AND f.v > d.k * 10",
      "SELECT f.id, d.name FROM f LEFT JOIN d ON f.k = d.k AND d.tag <> f.s",
      // the boxed join (DECIMAL keys) and string keys
      "SELECT f.id, e.flag FROM f JOIN e ON f.amount = e.amount",
      "SELECT f.id, d.k FROM f JOIN d ON f.s = d.tag",
      // columns only the scan's filter reads, a filter above a join, a count of joined rows
      "SELECT f.id FROM f, e WHERE f.id = e.id AND e.flag = 0 AND f.s = 'x'",
      "SELECT COUNT(*) FROM f JOIN d ON f.k = d.k",
      "SELECT x.name, COUNT(*) FROM (SELECT d.name, f.v FROM f JOIN d ON f.k = d.k) x WHERE x.v > 10"
          + " GROUP BY x.name");

  @BeforeEach
  void createTables() {
    run("CREATE TABLE f (id INTEGER PRIMARY KEY, k INTEGER, v INTEGER, s VARCHAR(5), amount DECIMAL(10, 2))"
        + " DISTRIBUTED BY HASH (id) PARTITIONS 4");
    run("CREATE TABLE d (k INTEGER PRIMARY KEY, name VARCHAR(10), tag VARCHAR(5))");
    run("CREATE TABLE e (id INTEGER PRIMARY KEY, flag INTEGER, amount DECIMAL(10, 2))"
        + " DISTRIBUTED BY HASH (id) PARTITIONS 2");
    StringBuilder f = new StringBuilder("INSERT INTO f VALUES ");
    StringBuilder e = new StringBuilder("INSERT INTO e VALUES ");
    for (int i = 0; i < 300; i++) {
      f.append(i == 0 ? "" : ", ").append("(").append(i).append(", ").append(i % 13 == 0 ? "NULL" : i % 6)
          .append(", ").append(i % 17 == 0 ? "NULL" : String.valueOf(i)).append(", '")
          .append(i % 3 == 0 ? "x" : "y").append("', ").append(i % 40).append(".50)");
      e.append(i == 0 ? "" : ", ").append("(").append(i * 2).append(", ").append(i % 2).append(", ")
          .append(i % 25).append(".50)");
    }
    run(f.toString());
    run(e.toString());
    run("INSERT INTO d VALUES (0, 'zero', 'x'), (1, 'one', 'y'), (2, 'two', 'x'), (3, 'three', NULL),"
        + " (4, 'four', 'y'), (9, 'nine', 'x')");
    run("ANALYZE");
  }

  @AfterEach
  void restoreSwitch() {
    System.clearProperty(SWITCH);
  }

  @Test
  void trimmedPlansReturnTheUntrimmedRows() {
    for (String sql : QUERIES) {
      for (String join : List.of("auto", "broadcast", "shuffle")) {
        SessionSettings settings = SessionSettings.DEFAULTS.set("join_distribution", join);
        System.setProperty(SWITCH, "false");
        List<List<Object>> expected = queryWith(settings, sql);
        System.clearProperty(SWITCH);
        assertThat(queryWith(settings, sql)).as("%s under join=%s", sql, join)
            .containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }

  @Test
  void explainNamesTheKeptRightColumns() {
    String plan = String.join("\n", planner.prepare(
        "EXPLAIN SELECT SUM(f.v), d.name FROM f, d WHERE f.k = d.k AND d.tag = 'x' GROUP BY d.name").explainLines());
    assertThat(plan).contains("right=[NAME]");
    System.setProperty(SWITCH, "false");
    String untrimmed = String.join("\n", planner.prepare(
        "EXPLAIN SELECT SUM(f.v), d.name FROM f, d WHERE f.k = d.k AND d.tag = 'x' GROUP BY d.name").explainLines());
    assertThat(untrimmed).doesNotContain("right=[");
  }
}
