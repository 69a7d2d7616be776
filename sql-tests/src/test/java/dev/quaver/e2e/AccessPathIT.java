package dev.quaver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Access paths through the real driver with {@code ?} parameters (issue #7): the same prepared
 * statements give the same rows under access_path = index and scan, for parameters of the key's
 * type, wider types (BIGINT, DECIMAL, DOUBLE against an INTEGER key), NULL, and rows changed after
 * the ETL watermark; a prepared point UPDATE by key changes exactly its row.
 */
class AccessPathIT {
  private static TestServer server;
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    server = TestServer.start();
    connection = server.connect();
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE kv (k INTEGER PRIMARY KEY, v VARCHAR(10), g BIGINT)");
      statement.execute("CREATE INDEX kv_g ON kv (g)");
      StringBuilder insert = new StringBuilder("INSERT INTO kv VALUES ");
      for (int i = 0; i < 200; i++) {
        insert.append(i == 0 ? "" : ", ").append("(").append(i - 100).append(", 'v").append(i).append("', ")
            .append(i % 13 == 0 ? "NULL" : String.valueOf(i % 5)).append(")");
      }
      statement.execute(insert.toString());
      statement.execute("OPTIMIZE TABLE kv");
      statement.execute("UPDATE kv SET g = 4 WHERE k = 0");
      statement.execute("DELETE FROM kv WHERE k = 1");
    }
  }

  @AfterAll
  static void stop() throws SQLException {
    if (connection != null) {
      connection.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void parametersGiveTheScanRows() throws SQLException {
    List<Object[]> cases = List.of(
        new Object[] {"SELECT k, v FROM kv WHERE k = ?", Types.INTEGER, List.of(0, 1, 5, -100, 99, 1000)},
        new Object[] {"SELECT k FROM kv WHERE k = CAST(? AS BIGINT)", Types.BIGINT, List.of(5L, 3_000_000_000L)},
        new Object[] {"SELECT k FROM kv WHERE k >= CAST(? AS DECIMAL(10, 2)) AND k < 10", Types.DECIMAL,
            List.of(new BigDecimal("2.50"), new BigDecimal("-7.00"))},
        new Object[] {"SELECT k FROM kv WHERE k < CAST(? AS DOUBLE) AND k > -98", Types.DOUBLE, List.of(-95.5d, 1e300)},
        new Object[] {"SELECT k FROM kv WHERE g = ? AND k < 0", Types.BIGINT, List.of(4L, 0L)});
    for (Object[] testCase : cases) {
      List<Object> values = new ArrayList<>((List<?>) testCase[2]);
      values.add(null);
      for (Object value : values) {
        List<String> index = rows("index", (String) testCase[0], (int) testCase[1], value);
        List<String> scan = rows("scan", (String) testCase[0], (int) testCase[1], value);
        assertThat(index).as("%s with %s", testCase[0], value).containsExactlyInAnyOrderElementsOf(scan);
      }
    }
    assertThat(rows("auto", "SELECT k, v FROM kv WHERE k = ?", Types.INTEGER, 0)).containsExactly("0|v100");
    assertThat(rows("auto", "SELECT k, v FROM kv WHERE k = ?", Types.INTEGER, 1)).isEmpty();
  }

  @Test
  void explainShowsTheAccessPathAndTheRejectedScan() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET access_path = auto");
      List<String> lines = new ArrayList<>();
      try (ResultSet result = statement.executeQuery("EXPLAIN SELECT v FROM kv WHERE k = 7")) {
        while (result.next()) {
          lines.add(result.getString(1));
        }
      }
      assertThat(String.join("\n", lines))
          .contains("IndexScan(table=KV, access=point get, key=PRIMARY KEY(K), ranges=[K = 7], columns=[K, V]")
          .containsPattern("point get [0-9.]+ms chosen over scan [0-9.]+ms");
      lines.clear();
      statement.execute("SET access_path = index");
      try (ResultSet result = statement.executeQuery("EXPLAIN SELECT v FROM kv WHERE g = 3")) {
        while (result.next()) {
          lines.add(result.getString(1));
        }
      }
      assertThat(String.join("\n", lines)).contains("access=index range, key=KV_G(G), ranges=[G = ");
    }
  }

  @Test
  void preparedPointUpdateChangesOneRow() throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE kv SET v = ? WHERE k = ?")) {
      update.setString(1, "changed");
      update.setInt(2, 50);
      assertThat(update.executeUpdate()).isEqualTo(1);
      update.setInt(2, 1);
      assertThat(update.executeUpdate()).isZero();
    }
    assertThat(rows("scan", "SELECT k, v FROM kv WHERE v = ?", Types.VARCHAR, "changed")).containsExactly("50|changed");
  }

  private static List<String> rows(String mode, String sql, int type, Object value) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET access_path = " + mode);
    }
    List<String> rows = new ArrayList<>();
    try (PreparedStatement prepared = connection.prepareStatement(sql)) {
      if (value == null) {
        prepared.setNull(1, type);
      } else {
        prepared.setObject(1, value, type);
      }
      try (ResultSet result = prepared.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= columns; i++) {
            row.append(i > 1 ? "|" : "").append(result.getString(i));
          }
          rows.add(row.toString());
        }
      }
    }
    return rows;
  }
}
