package dev.quaver.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.server.config.ServerConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PreparedStatement batches through the real driver and server, on the column-wise path
 * (primitive parameter columns from the driver's setters to the executor): every parameter type,
 * NULLs, different setters for one parameter across sets, and the batch's SQLSTATEs with
 * nothing written. Each row is compared with the same values inserted one statement at a time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BatchParametersTest {
  static final String COLUMNS = "(id INTEGER PRIMARY KEY, b BOOLEAN, t TINYINT, s SMALLINT,"
      + " i INTEGER NOT NULL, g BIGINT, r REAL, f DOUBLE, d DECIMAL(9, 2), c CHAR(3), v VARCHAR(5),"
      + " dt DATE, tm TIME, ts TIMESTAMP)";

  @TempDir
  Path data;

  /** Binds set {@code row}: NULLs everywhere but the key and i, and a different setter per row. */
  static void bind(PreparedStatement insert, int row, Random random) throws SQLException {
    insert.setInt(1, row);
    boolean nulls = row % 5 == 3;
    int setter = row % 3;
    if (nulls) {
      for (int p = 2; p <= 14; p++) {
        if (p != 5) {
          insert.setNull(p, Types.NULL);
        }
      }
    } else {
      insert.setBoolean(2, random.nextBoolean());
      if (setter == 0) {
        insert.setByte(3, (byte) random.nextInt());
        insert.setShort(4, (short) random.nextInt());
        insert.setLong(6, random.nextLong());
        insert.setFloat(7, random.nextFloat());
        insert.setDouble(8, random.nextDouble());
      } else if (setter == 1) { // other setters of the same parameters
        insert.setInt(3, random.nextInt(200) - 100);
        insert.setString(4, Integer.toString(random.nextInt(30_000)));
        insert.setInt(6, random.nextInt());
        insert.setDouble(7, 0.5 * random.nextInt(100));
        insert.setObject(8, random.nextInt(1000));
      } else {
        insert.setObject(3, (byte) 7);
        insert.setLong(4, -5);
        insert.setBigDecimal(6, BigDecimal.valueOf(random.nextInt()));
        insert.setObject(7, 1.25f);
        insert.setFloat(8, 3.5f);
      }
      insert.setBigDecimal(9, BigDecimal.valueOf(random.nextInt(1_000_000), 2));
      insert.setString(10, setter == 0 ? "ab" : "é");
      insert.setString(11, setter == 1 ? "" : "v" + random.nextInt(1000));
      insert.setDate(12, new Date(86_400_000L * (random.nextInt(20_000))));
      insert.setTime(13, Time.valueOf("12:34:56"));
      insert.setTimestamp(14, new Timestamp(1_704_067_200_000L + random.nextInt(Integer.MAX_VALUE)));
    }
    if (setter == 2) {
      insert.setLong(5, row * 3L);
    } else {
      insert.setInt(5, row * 3);
    }
  }

  @Test
  void everyTypeNullsAndMixedSettersLandAsSingleInsertsDo() throws SQLException {
    QuaverServer server = QuaverServer.start(ServerConfig.defaults(data).withPort(0));
    try (server; Connection connection = DriverManager.getConnection(server.jdbcUrl(), "quaver", "quaver");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE batched " + COLUMNS);
      statement.execute("CREATE TABLE single " + COLUMNS);
      int rows = 400;
      try (PreparedStatement batched = connection.prepareStatement(
              "INSERT INTO batched VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement single = connection.prepareStatement(
              "INSERT INTO single VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        Random forBatch = new Random(3);
        Random forSingle = new Random(3);
        for (int row = 0; row < rows; row++) {
          bind(batched, row, forBatch);
          batched.addBatch();
          bind(single, row, forSingle);
          assertThat(single.executeUpdate()).isEqualTo(1);
        }
        int[] counts = batched.executeBatch();
        assertThat(counts).hasSize(rows).containsOnly(1);
      }
      List<List<Object>> expected = rows(statement, "SELECT * FROM single");
      assertThat(expected).hasSize(rows);
      assertThat(rows(statement, "SELECT * FROM batched")).isEqualTo(expected);
      assertThat(expected.get(3).subList(1, 4)).containsOnlyNulls();
      assertThat(expected.get(0).get(9)).isEqualTo("ab ");
    }
  }

  @Test
  void aFailingSetFailsTheWholeBatchWithItsSqlState() throws SQLException {
    QuaverServer server = QuaverServer.start(ServerConfig.defaults(data).withPort(0));
    try (server; Connection connection = DriverManager.getConnection(server.jdbcUrl(), "quaver", "quaver");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE k (id INTEGER PRIMARY KEY, v VARCHAR(2), n BIGINT NOT NULL)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO k VALUES (?, ?, ?)")) {
        assertState(insert, List.of(Arrays.asList(1, "a", 1L), Arrays.asList(1, "b", 2L)), "23505");
        assertState(insert, List.of(Arrays.asList(2, "a", 1L), Arrays.asList(3, "b", null)), "23502");
        assertState(insert, List.of(Arrays.asList(4, "abc", 1L)), "22001");
        assertThat(rows(statement, "SELECT COUNT(*) FROM k")).containsExactly(List.of(0L));
        for (int id = 0; id < 3; id++) {
          insert.setInt(1, id);
          insert.setString(2, id == 1 ? null : "x");
          insert.setLong(3, id);
          insert.addBatch();
        }
        assertThat(insert.executeBatch()).containsExactly(1, 1, 1);
      }
      assertThat(rows(statement, "SELECT id, v, n FROM k")).containsExactly(
          Arrays.asList(0, "x", 0L), Arrays.asList(1, null, 1L), Arrays.asList(2, "x", 2L));
    }
  }

  private static void assertState(PreparedStatement insert, List<List<Object>> sets, String state)
      throws SQLException {
    for (List<Object> set : sets) {
      for (int p = 0; p < set.size(); p++) {
        insert.setObject(p + 1, set.get(p));
      }
      insert.addBatch();
    }
    assertThatThrownBy(insert::executeBatch).isInstanceOf(BatchUpdateException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(state));
    insert.clearBatch();
  }

  static List<List<Object>> rows(Statement statement, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          row.add(result.getObject(c));
        }
        rows.add(row);
      }
    }
    // Sorted here by the first column (an ORDER BY would also test the parallel sort).
    rows.sort(java.util.Comparator.comparing(row -> row.get(0) instanceof Integer id ? id : 0));
    return rows;
  }
}
