package dev.quaver.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.server.config.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real wiring: storage, planner and executor behind the network layer, through the driver.
 * Whatever a statement does today, it must come back as rows, a count or a SQLSTATE-coded error,
 * and the connection must stay usable. Skipped while an upstream module is still a stub.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocalServerSmokeTest {
  @TempDir
  Path data;

  @Test
  void realServerAnswersThroughTheDriverAndRestarts() throws SQLException {
    QuaverServer server;
    try {
      server = QuaverServer.start(ServerConfig.defaults(data).withPort(0));
    } catch (UnsupportedOperationException | LinkageError e) {
      // A stub, or an upstream jar caught half-installed by a parallel build: not this module's bug.
      Assumptions.abort("storage, planner or executor not available yet: " + e);
      return;
    }
    try (server; Connection connection = DriverManager.getConnection(server.jdbcUrl(), "quaver", "quaver")) {
      try (Statement statement = connection.createStatement()) {
        try (ResultSet one = statement.executeQuery("SELECT 1 AS a")) {
          assertThat(one.next()).isTrue();
          assertThat(one.getInt("A")).isEqualTo(1);
          assertThat(one.next()).isFalse();
        }
        runTolerantly(statement, "CREATE TABLE smoke (id INTEGER PRIMARY KEY, name VARCHAR(10))");
        runTolerantly(statement, "INSERT INTO smoke VALUES (1, 'one'), (2, 'two')");
        runTolerantly(statement, "SELECT id, name FROM smoke ORDER BY id");
        runTolerantly(statement, "SELECT * FROM no_such_table");
      }
      try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", null)) {
        while (tables.next()) {
          assertThat(tables.getString("TABLE_NAME")).isNotEmpty();
        }
      }
      assertThat(connection.isValid(5)).isTrue();
    }
    // The data directory was released: it opens again.
    QuaverServer.start(ServerConfig.defaults(data).withPort(0)).close();
  }

  private static void runTolerantly(Statement statement, String sql) {
    try {
      if (statement.execute(sql)) {
        try (ResultSet rows = statement.getResultSet()) {
          while (rows.next()) {
            rows.getObject(1);
          }
        }
      }
    } catch (SQLException e) {
      assertThat(e.getSQLState()).as("SQLSTATE of %s: %s", sql, e.getMessage()).hasSize(5);
      assertThat(e.getSQLState()).as("a protocol or connection failure for %s: %s", sql, e.getMessage())
          .doesNotStartWith("08");
    }
  }
}
