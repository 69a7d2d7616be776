package dev.quaver.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.server.config.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * The real wiring: storage, planner and executor behind the network layer, through the driver.
 * Nothing is skipped: if an upstream module breaks, this test fails.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocalServerSmokeTest {
  @TempDir
  Path data;

  @Test
  void realServerAnswersThroughTheDriverAndRestarts() throws SQLException {
    QuaverServer server = QuaverServer.start(ServerConfig.defaults(data).withPort(0));
    try (server; Connection connection = DriverManager.getConnection(server.jdbcUrl(), "quaver", "quaver")) {
      try (Statement statement = connection.createStatement()) {
        try (ResultSet one = statement.executeQuery("SELECT 1 AS a")) {
          assertThat(one.next()).isTrue();
          assertThat(one.getInt("A")).isEqualTo(1);
          assertThat(one.next()).isFalse();
        }
        statement.execute("CREATE TABLE smoke (id INTEGER PRIMARY KEY, name VARCHAR(10) DEFAULT 'none')");
        assertThat(statement.executeUpdate("INSERT INTO smoke VALUES (1, 'one'), (2, 'two')")).isEqualTo(2);
        List<String> names = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT id, name FROM smoke ORDER BY id")) {
          while (rows.next()) {
            names.add(rows.getInt(1) + ":" + rows.getString(2));
          }
        }
        assertThat(names).containsExactly("1:one", "2:two");
        assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table"))
            .isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42P01"));
      }
      try (ResultSet columns = connection.getMetaData().getColumns(null, null, "SMOKE", null)) {
        assertThat(columns.next()).isTrue();
        assertThat(columns.getString("COLUMN_NAME")).isEqualTo("ID");
        assertThat(columns.next()).isTrue();
        assertThat(columns.getString("COLUMN_NAME")).isEqualTo("NAME");
        assertThat(columns.getString("COLUMN_DEF")).isEqualTo("'none'");
        assertThat(columns.next()).isFalse();
      }
      assertThat(connection.isValid(5)).isTrue();
    }
    // The data directory was released: it opens again, and the table is still there.
    try (QuaverServer again = QuaverServer.start(ServerConfig.defaults(data).withPort(0));
         Connection connection = DriverManager.getConnection(again.jdbcUrl(), "quaver", "quaver");
         Statement statement = connection.createStatement();
         ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM smoke")) {
      assertThat(count.next()).isTrue();
      assertThat(count.getLong(1)).isEqualTo(2);
    }
  }
}
