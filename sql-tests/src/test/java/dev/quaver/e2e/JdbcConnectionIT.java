package dev.quaver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connection behavior against the real server: connection properties, the transaction API until
 * transactions exist (0A000, never pretending), idempotent close/isValid/isClosed, and one
 * connection shared by several threads.
 */
class JdbcConnectionIT {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE cn_rows (id INTEGER PRIMARY KEY, v VARCHAR(20))");
      statement.execute("INSERT INTO cn_rows SELECT a.x * 10 + b.x, 'row' FROM "
          + "(VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS a(x), "
          + "(VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS b(x)");
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void connectionPropertiesAreHonored() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("user", TestServer.USER);
    properties.setProperty("password", TestServer.PASSWORD);
    properties.setProperty("connectTimeout", "3000");
    properties.setProperty("socketTimeout", "4000");
    properties.setProperty("applicationName", "quaver-it");
    properties.setProperty("defaultFetchSize", "37");
    try (Connection connection = DriverManager.getConnection(server.url(), properties);
         Statement statement = connection.createStatement()) {
      assertThat(connection.getNetworkTimeout()).isEqualTo(4000);
      assertThat(connection.getClientInfo("ApplicationName")).isEqualTo("quaver-it");
      assertThat(statement.getFetchSize()).isEqualTo(37);
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM cn_rows")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(100);
      }
      try (ResultSet info = connection.getMetaData().getClientInfoProperties()) {
        assertThat(info.next()).isTrue();
        assertThat(info.getString("NAME")).isEqualTo("ApplicationName");
      }
    }
    properties.setProperty("connectTimeout", "soon");
    assertThatThrownBy(() -> DriverManager.getConnection(server.url(), properties))
        .isInstanceOf(SQLException.class).hasMessageContaining("connectTimeout")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22023"));
    // Nothing listens on port 1: the connect fails fast with 08001, not a hang.
    long start = System.nanoTime();
    assertThatThrownBy(() -> DriverManager.getConnection(TestServer.url(1) + "?connectTimeout=2000",
        TestServer.USER, TestServer.PASSWORD))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
  }

  @Test
  void socketTimeoutClosesAConnectionWhoseReplyDoesNotCome() throws Exception {
    try (Connection connection = DriverManager.getConnection(server.url() + "?socketTimeout=300",
        TestServer.USER, TestServer.PASSWORD); Statement statement = connection.createStatement()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> statement.executeQuery(
          "SELECT COUNT(*) FROM cn_rows a, cn_rows b, cn_rows c, cn_rows d WHERE a.id + b.id + c.id + d.id < 0"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("network timeout")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08006"));
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
      assertThat(connection.isValid(1)).isFalse();
      assertThat(connection.isClosed()).isTrue();
    }
  }

  @Test
  void transactionApiFailsClearlyUntilTransactionsExist() throws Exception {
    try (Connection connection = server.connect()) {
      assertThat(connection.getAutoCommit()).isTrue();
      assertThatThrownBy(() -> connection.setAutoCommit(false))
          .isInstanceOf(SQLFeatureNotSupportedException.class)
          .hasMessageContaining("transactions are not supported")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
      assertThat(connection.getAutoCommit()).isTrue();
      connection.setAutoCommit(true);
      // As the JDBC spec and pgjdbc: commit/rollback in auto-commit mode are errors, not no-ops.
      assertThatThrownBy(connection::commit)
          .hasMessageContaining("auto-commit is enabled")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25P01"));
      assertThatThrownBy(connection::rollback)
          .hasMessageContaining("auto-commit is enabled")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25P01"));
      assertThatThrownBy(connection::setSavepoint)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
      assertThatThrownBy(() -> connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE))
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
      assertThat(connection.getMetaData().supportsTransactions()).isFalse();
    }
  }

  @Test
  void closeIsValidAndIsClosedAreIdempotent() throws Exception {
    Connection connection = server.connect();
    Statement statement = connection.createStatement();
    assertThat(connection.isValid(1)).isTrue();
    assertThat(connection.isValid(0)).isTrue();
    assertThat(connection.isClosed()).isFalse();
    connection.close();
    connection.close();
    assertThat(connection.isClosed()).isTrue();
    assertThat(connection.isValid(1)).isFalse();
    assertThat(statement.isClosed()).isTrue();
    statement.close();
    assertThatThrownBy(connection::createStatement)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08003"));
  }

  @Test
  void oneConnectionSharedByThreadsKeepsTheStreamIntact() throws Exception {
    try (Connection connection = server.connect()) {
      ExecutorService threads = Executors.newFixedThreadPool(6);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
          int thread = t;
          results.add(threads.submit(() -> {
            int checks = 0;
            for (int round = 0; round < 40; round++) {
              int id = (thread * 40 + round) % 100;
              if (round % 3 == 0) {
                try (Statement statement = connection.createStatement()) {
                  statement.setFetchSize(7);
                  int count = 0;
                  try (ResultSet rows = statement.executeQuery("SELECT id FROM cn_rows ORDER BY id")) {
                    while (rows.next()) {
                      assertThat(rows.getInt(1)).isEqualTo(count++);
                    }
                  }
                  assertThat(count).isEqualTo(100);
                }
              } else if (round % 3 == 1) {
                try (PreparedStatement select = connection.prepareStatement("SELECT id, v FROM cn_rows WHERE id = ?")) {
                  select.setInt(1, id);
                  try (ResultSet rows = select.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).isEqualTo(id);
                  }
                }
              } else {
                assertThat(connection.isValid(2)).isTrue();
                try (ResultSet tables = connection.getMetaData().getTables(null, null, "CN_%", null)) {
                  assertThat(tables.next()).isTrue();
                }
              }
              checks++;
            }
            return checks;
          }));
        }
        for (Future<Integer> result : results) {
          assertThat(result.get(120, TimeUnit.SECONDS)).isEqualTo(40);
        }
      } finally {
        threads.shutdownNow();
      }
      assertThat(connection.isValid(1)).isTrue();
    }
  }
}
