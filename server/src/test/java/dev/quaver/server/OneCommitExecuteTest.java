package dev.quaver.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A single EXECUTE of an INSERT of values runs through the one-commit batch path, here on the
 * connection's event loop (RequestProcessor, ConnectionHandler; opt-in inline mode). Compared with a server started
 * with that path off ({@code quaver.server.oneCommitExecute=false}, the general executor path on
 * a worker): the same rows for every type and NULLs, the same update counts, generated keys,
 * SQLSTATEs and messages; and it stays ordered with the session's other requests.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OneCommitExecuteTest {
  private static final String INSERT = "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @TempDir
  Path data;

  private QuaverServer general() {
    System.setProperty("quaver.server.oneCommitExecute", "false");
    System.setProperty("quaver.server.inlineExecute", "false");
    try {
      return QuaverServer.start(ServerConfig.defaults(data.resolve("general")).withPort(0));
    } finally {
      System.clearProperty("quaver.server.oneCommitExecute");
      System.clearProperty("quaver.server.inlineExecute");
    }
  }

  /** The one-commit path on the event loop (the opt-in inline mode; the default runs it on a worker). */
  private QuaverServer fast() {
    System.setProperty("quaver.server.inlineExecute", "true");
    try {
      return QuaverServer.start(ServerConfig.defaults(data.resolve("fast")).withPort(0));
    } finally {
      System.clearProperty("quaver.server.inlineExecute");
    }
  }

  private static Connection connect(QuaverServer server) throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(), "quaver", "quaver");
  }

  @Test
  void everyTypeAndNullLandsAsOnTheGeneralPath() throws SQLException {
    List<List<List<Object>>> results = new ArrayList<>();
    for (QuaverServer server : List.of(general(), fast())) {
      try (server; Connection connection = connect(server); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE t " + BatchParametersTest.COLUMNS);
        Random random = new Random(11);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
          for (int row = 0; row < 150; row++) {
            BatchParametersTest.bind(insert, row, random);
            assertThat(insert.executeUpdate()).isEqualTo(1);
          }
        }
        results.add(BatchParametersTest.rows(statement, "SELECT * FROM t"));
      }
    }
    assertThat(results.get(0)).hasSize(150);
    assertThat(results.get(1)).isEqualTo(results.get(0));
  }

  @Test
  void errorsKeepTheirSqlStatesAndMessagesAndWriteNothing() throws SQLException {
    List<List<String>> errors = new ArrayList<>();
    List<List<List<Object>>> rows = new ArrayList<>();
    for (QuaverServer server : List.of(general(), fast())) {
      try (server; Connection connection = connect(server); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE k (id INTEGER PRIMARY KEY, v VARCHAR(2), n BIGINT NOT NULL)");
        List<String> seen = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO k VALUES (?, ?, ?)")) {
          Object[][] sets = {{1, "a", 1L}, {1, "b", 2L}, {2, "a", null}, {3, "abc", 1L}, {5, "y", 5L}};
          for (Object[] set : sets) {
            for (int p = 0; p < set.length; p++) {
              insert.setObject(p + 1, set[p]);
            }
            SQLException error = catchThrowableOfType(insert::executeUpdate, SQLException.class);
            seen.add(error == null ? "ok" : error.getSQLState() + " " + error.getMessage());
          }
        }
        errors.add(seen);
        rows.add(BatchParametersTest.rows(statement, "SELECT * FROM k"));
      }
    }
    assertThat(errors.get(0)).startsWith("ok").endsWith("ok");
    assertThat(errors.get(0).subList(1, 4)).extracting(e -> e.substring(0, 5)).containsExactly("23505", "23502", "22001");
    assertThat(errors.get(1)).isEqualTo(errors.get(0));
    assertThat(rows.get(1)).isEqualTo(rows.get(0)).hasSize(2);
  }

  @Test
  void generatedKeysAreReturnedAsOnTheGeneralPath() throws SQLException {
    List<List<Long>> keys = new ArrayList<>();
    for (QuaverServer server : List.of(general(), fast())) {
      try (server; Connection connection = connect(server); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE g (id BIGINT GENERATED ALWAYS AS IDENTITY, v INTEGER)");
        List<Long> seen = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO g (v) VALUES (?)",
            Statement.RETURN_GENERATED_KEYS)) {
          for (int i = 0; i < 5; i++) {
            insert.setInt(1, i);
            assertThat(insert.executeUpdate()).isEqualTo(1);
            try (ResultSet generated = insert.getGeneratedKeys()) {
              while (generated.next()) {
                seen.add(generated.getLong(1));
              }
            }
          }
        }
        keys.add(seen);
      }
    }
    assertThat(keys.get(0)).hasSize(5).doesNotHaveDuplicates();
    assertThat(keys.get(1)).isEqualTo(keys.get(0));
  }

  @Test
  void insertsStayOrderedWithAnOpenCursorAndConcurrentConnections() throws Exception {
    try (QuaverServer server = fast(); Connection connection = connect(server);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE c (id INTEGER, v INTEGER)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO c VALUES (?, ?)")) {
        for (int i = 0; i < 100; i++) {
          insert.setInt(1, i);
          insert.setInt(2, 0);
          insert.executeUpdate();
        }
        // A cursor that fetches a few rows at a time stays open while inserts run in between.
        try (Statement reader = connection.createStatement()) {
          reader.setFetchSize(7);
          int read = 0;
          try (ResultSet cursor = reader.executeQuery("SELECT id FROM c WHERE v = 0")) {
            while (cursor.next()) {
              read++;
              insert.setInt(1, 1000 + read);
              insert.setInt(2, 1);
              assertThat(insert.executeUpdate()).isEqualTo(1);
              try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM c WHERE v = 1")) {
                count.next();
                assertThat(count.getLong(1)).isEqualTo(read); // reads its own write at once
              }
            }
          }
          assertThat(read).isEqualTo(100);
        }
      }
      ExecutorService clients = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int thread = t;
          done.add(clients.submit(() -> {
            try (Connection own = connect(server);
                PreparedStatement insert = own.prepareStatement("INSERT INTO c VALUES (?, ?)")) {
              for (int i = 0; i < 200; i++) {
                insert.setInt(1, thread * 1000 + i);
                insert.setInt(2, 2);
                insert.executeUpdate();
              }
            }
            return null;
          }));
        }
        for (Future<?> future : done) {
          future.get();
        }
      } finally {
        clients.shutdown();
      }
      try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM c WHERE v = 2")) {
        count.next();
        assertThat(count.getLong(1)).isEqualTo(1600);
      }
    }
  }
}
