package dev.quaver.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.server.QuaverServer;
import dev.quaver.server.config.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server-side prepared statement holds its plan across executions; new statistics of a table it
 * reads (ANALYZE) re-plan it before its next execution, as DDL and planner settings already did
 * (issue #7). The statement is an EXPLAIN, so each execution shows the plan the statement holds:
 * a 10-row dimension is broadcast; once ANALYZE finds 5,000 rows it is not.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PreparedStatementReplanTest {
  @TempDir
  Path data;

  @Test
  void aPreparedStatementsPlanFlipsAfterAnalyze() throws Exception {
    try (QuaverServer server = QuaverServer.start(ServerConfig.defaults(data).withPort(0));
         Connection connection = DriverManager.getConnection(server.jdbcUrl(), "quaver", "quaver");
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE f (id INTEGER PRIMARY KEY, k INTEGER, v INTEGER)");
      statement.execute("CREATE TABLE d (k INTEGER PRIMARY KEY, name VARCHAR(16))");
      insert(connection, "INSERT INTO f VALUES (?, ?, ?)", 0, 20_000, true);
      insert(connection, "INSERT INTO d VALUES (?, ?)", 0, 10, false);
      statement.execute("ANALYZE");

      try (PreparedStatement explain = connection.prepareStatement(
          "EXPLAIN SELECT f.v, d.name FROM f JOIN d ON f.k = d.k")) {
        assertThat(joinLine(explain)).contains("[broadcast");
        assertThat(joinLine(explain)).contains("[broadcast"); // held, not re-planned

        insert(connection, "INSERT INTO d VALUES (?, ?)", 10, 5_000, false);
        assertThat(joinLine(explain)).as("no new statistics yet").contains("[broadcast");
        statement.execute("ANALYZE d");
        assertThat(joinLine(explain)).contains("[shuffle");
      }
    }
  }

  private static String joinLine(PreparedStatement explain) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (ResultSet plan = explain.executeQuery()) {
      while (plan.next()) {
        lines.addAll(List.of(plan.getString(1).split("\n")));
      }
    }
    return lines.stream().filter(line -> line.contains("HashJoin")).findFirst().orElseThrow(
        () -> new AssertionError("no join in " + lines));
  }

  private static void insert(Connection connection, String sql, int from, int to, boolean fact)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (int i = from; i < to; i++) {
        insert.setInt(1, i);
        if (fact) {
          insert.setInt(2, i % 5_000);
          insert.setInt(3, i);
        } else {
          insert.setString(2, "name" + i);
        }
        insert.addBatch();
        if (i % 1_000 == 999) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }
}
