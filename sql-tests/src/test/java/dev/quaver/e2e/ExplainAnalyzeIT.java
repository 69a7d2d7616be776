package dev.quaver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN ANALYZE through the driver: one VARCHAR column, one line per operator with the
 * actuals (rows, batches, time, peak memory, spilled bytes) and a total line. Times and memory
 * vary from run to run, so only their shape is asserted; row counts are exact.
 */
class ExplainAnalyzeIT {
  private static final Pattern ACTUALS = Pattern.compile(
      " actual_rows=(\\d+) batches=(\\d+) time=\\d+\\.\\d{3}ms peak_memory=\\d+B spilled=(\\d+)B$");
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, g INTEGER, s VARCHAR(20))");
      StringBuilder insert = new StringBuilder("INSERT INTO t VALUES ");
      for (int i = 1; i <= 500; i++) {
        insert.append(i == 1 ? "" : ", ").append("(").append(i).append(", ").append(i % 7).append(", 's")
            .append(i).append("')");
      }
      statement.execute(insert.toString());
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyOperatorLineCarriesItsActuals() throws Exception {
    List<String> lines = explainAnalyze(
        "SELECT g, COUNT(*) FROM t WHERE id > 100 GROUP BY g ORDER BY g");
    assertThat(lines.get(lines.size() - 1)).matches("Total: rows=7 time=\\d+\\.\\d{3}ms peak_memory=\\d+B");
    List<String> operators = lines.subList(0, lines.size() - 1);
    assertThat(operators).allSatisfy(line -> assertThat(ACTUALS.matcher(line).find()).as(line).isTrue());
    assertThat(actualRows(operators, "Sort(")).isEqualTo(7);
    assertThat(actualRows(operators, "HashAggregate(")).isEqualTo(7);
    assertThat(actualRows(operators, "TableScan(")).isGreaterThanOrEqualTo(400);
  }

  @Test
  void windowAndJoinPlansAreProfiled() throws Exception {
    List<String> lines = explainAnalyze("SELECT a.id, ROW_NUMBER() OVER (PARTITION BY a.g ORDER BY a.id)"
        + " FROM t a JOIN t b ON a.id = b.id WHERE a.id <= 10");
    assertThat(lines.get(lines.size() - 1)).startsWith("Total: rows=10 ");
    assertThat(actualRows(lines, "Window(")).isEqualTo(10);
    assertThat(actualRows(lines, "HashJoin(")).isEqualTo(10);
  }

  @Test
  void explainAnalyzeOfDmlWritesLikeTheStatement() throws Exception {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE w (id INTEGER PRIMARY KEY)");
      List<String> lines = explainAnalyze("INSERT INTO w VALUES (1), (2), (3)");
      assertThat(lines.get(0)).startsWith("Insert(");
      try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM w")) {
        assertThat(count.next()).isTrue();
        assertThat(count.getLong(1)).isEqualTo(3);
      }
    }
  }

  private static List<String> explainAnalyze(String sql) throws Exception {
    List<String> lines = new ArrayList<>();
    try (Connection connection = server.connect(); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("EXPLAIN ANALYZE " + sql)) {
      ResultSetMetaData metadata = rows.getMetaData();
      assertThat(metadata.getColumnCount()).isEqualTo(1);
      while (rows.next()) {
        lines.add(rows.getString(1));
      }
    }
    return lines;
  }

  private static long actualRows(List<String> lines, String operator) {
    for (String line : lines) {
      if (line.trim().startsWith(operator)) {
        Matcher matcher = ACTUALS.matcher(line);
        assertThat(matcher.find()).as(line).isTrue();
        return Long.parseLong(matcher.group(1));
      }
    }
    throw new AssertionError("no " + operator + " line in " + lines);
  }
}
