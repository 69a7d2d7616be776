package dev.quaver.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.executor.Executor;
import dev.quaver.planner.Planner;
import dev.quaver.server.QuaverServer;
import dev.quaver.server.config.ServerConfig;
import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-query memory limit set through SQL: a session SETs a limit about a tenth of what its
 * sort, aggregation and join need; they spill and finish, the statement allocator is empty
 * afterwards, and where spilling cannot help (a nested-loop join) the error is 53200 and the
 * server goes on serving.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class MemoryLimitTest {
  private static final int ROWS = 120_000;
  private static final String ROW_GROUP_ROWS = "quaver.segment.rowGroupRows";

  @TempDir
  Path data;

  @Test
  void queriesNeedingTenTimesTheirLimitSpillAndFinish() throws Exception {
    // The background ETL may move the table into columnar segments; a row group of the default
    // 16384 rows of this width is itself 4 MB when decoded, so the limit could not hold even one.
    String rowGroupRows = System.setProperty(ROW_GROUP_ROWS, "2048");
    try {
      run();
    } finally {
      if (rowGroupRows == null) {
        System.clearProperty(ROW_GROUP_ROWS);
      } else {
        System.setProperty(ROW_GROUP_ROWS, rowGroupRows);
      }
    }
  }

  private void run() throws Exception {
    ServerConfig config = ServerConfig.defaults(data).withPort(0);
    StorageEngine storage = Storage.open(StorageConfig.defaults(data));
    Executor executor = new Executor(storage, config.executorConfig());
    QueryEngine engine = new LocalQueryEngine(storage, new Planner(storage.catalog()), executor);
    try (QuaverServer server = QuaverServer.start(config, engine);
         Connection connection = DriverManager.getConnection(server.jdbcUrl(), "quaver", "quaver");
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE big (id INTEGER PRIMARY KEY, grp INTEGER, pad VARCHAR(400))");
      connection.setAutoCommit(true);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO big VALUES (?, ?, ?)")) {
        String pad = "x".repeat(250);
        for (int i = 0; i < ROWS; i++) {
          insert.setInt(1, i);
          insert.setInt(2, i % 20_000);
          insert.setString(3, pad + i);
          insert.addBatch();
          if (i % 10_000 == 9_999) {
            insert.executeBatch();
          }
        }
      }
      // About 30 MB of rows (more on the heap) against a 4 MB limit (a spilling operator gets a quarter).
      statement.execute("SET query_memory_limit = '4MB'");
      try (ResultSet rows = statement.executeQuery("SELECT id, pad FROM big ORDER BY pad DESC, id")) {
        int count = 0;
        String previous = null;
        while (rows.next()) {
          String pad = rows.getString(2);
          assertThat(previous == null || previous.compareTo(pad) >= 0).isTrue();
          previous = pad;
          count++;
        }
        assertThat(count).isEqualTo(ROWS);
      }
      try (ResultSet rows = statement.executeQuery(
          "SELECT COUNT(*), SUM(c) FROM (SELECT pad, COUNT(*) AS c FROM big GROUP BY pad) AS g")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(ROWS);
        assertThat(rows.getLong(2)).isEqualTo(ROWS);
      }
      try (ResultSet rows = statement.executeQuery(
          "SELECT COUNT(*) FROM big a JOIN big b ON a.pad = b.pad")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(ROWS);
      }
      assertThat(executor.allocatedBytes()).isZero();
      // A nested-loop join must hold its right side: spilling cannot help.
      assertThatThrownBy(() -> statement.executeQuery("SELECT COUNT(*) FROM big a JOIN big b ON a.pad < b.pad"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("53200"));
      assertThat(executor.allocatedBytes()).isZero();
      statement.execute("RESET query_memory_limit");
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM big")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(ROWS);
      }
    }
    assertThat(executor.allocatedBytes()).isZero();
    Path spill = data.resolve("spill");
    if (Files.exists(spill)) {
      try (Stream<Path> left = Files.list(spill)) {
        assertThat(left).isEmpty();
      }
    }
  }
}
