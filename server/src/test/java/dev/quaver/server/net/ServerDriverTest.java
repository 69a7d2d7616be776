package dev.quaver.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.server.QuaverServer;
import dev.quaver.server.config.ServerConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The driver against a real Netty server over a fake engine: the network and JDBC layers end to end. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServerDriverTest {
  @TempDir
  static Path data;
  static FakeEngine engine;
  static QuaverServer server;

  @BeforeAll
  static void start() {
    engine = new FakeEngine();
    server = QuaverServer.start(ServerConfig.defaults(data).withPort(0), engine);
  }

  @AfterAll
  static void stop() {
    server.close();
    server.close();
    assertThat(engine.isClosed).isTrue();
    assertThat(FakeEngine.OPEN_EXECUTIONS.get()).as("executions left open").isZero();
  }

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(), "quaver", "quaver");
  }

  @Test
  void authenticatesAndRejectsAWrongPassword() throws SQLException {
    try (Connection connection = connect()) {
      assertThat(connection.isValid(2)).isTrue();
      assertThat(connection.getAutoCommit()).isTrue();
    }
    Properties wrong = new Properties();
    wrong.setProperty("user", "quaver");
    wrong.setProperty("password", "nope");
    assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), wrong))
        .isInstanceOf(SQLInvalidAuthorizationSpecException.class)
        .hasMessageContaining("password authentication failed")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");
  }

  @Test
  void streamsALargeResultFetchByFetch() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.setFetchSize(1000);
      try (ResultSet rows = statement.executeQuery("numbers 200000")) {
        long before = engine.rowsProduced.get();
        assertThat(rows.next()).isTrue();
        // One fetch of 1000 rows needed one engine batch: the server did not run ahead.
        assertThat(engine.rowsProduced.get() - before).isLessThanOrEqualTo(2L * FakeEngine.BATCH_ROWS);
        long count = 1;
        assertThat(rows.getLong("id")).isZero();
        assertThat(rows.getString(2)).isNull();
        assertThat(rows.wasNull()).isTrue();
        while (rows.next()) {
          assertThat(rows.getLong(1)).isEqualTo(count);
          count++;
        }
        assertThat(count).isEqualTo(200_000);
      }
      statement.setMaxRows(10);
      try (ResultSet rows = statement.executeQuery("numbers 100000")) {
        int count = 0;
        while (rows.next()) {
          count++;
        }
        assertThat(count).isEqualTo(10);
      }
      // An abandoned cursor is closed on the server and the connection keeps working.
      statement.setMaxRows(0);
      ResultSet abandoned = statement.executeQuery("numbers 50000");
      assertThat(abandoned.next()).isTrue();
      abandoned.close();
      assertThat(statement.executeUpdate("delete")).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void preparedStatementCarriesEveryType() throws SQLException {
    try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement("echo")) {
      assertThat(statement.getParameterMetaData().getParameterCount()).isEqualTo(FakeEngine.ALL_TYPES.size());
      assertThat(statement.getMetaData().getColumnType(8)).isEqualTo(Types.DECIMAL);
      statement.setBoolean(1, true);
      statement.setByte(2, (byte) -7);
      statement.setShort(3, (short) 300);
      statement.setInt(4, 123456);
      statement.setLong(5, Long.MAX_VALUE);
      statement.setFloat(6, 1.5f);
      statement.setDouble(7, Math.PI);
      statement.setBigDecimal(8, new BigDecimal("12345.678"));
      statement.setString(9, "abc");
      statement.setString(10, "héllo ✓");
      statement.setDate(11, Date.valueOf("2024-02-29"));
      statement.setTime(12, Time.valueOf("13:14:15"));
      statement.setTimestamp(13, Timestamp.valueOf("2024-02-29 13:14:15.123"));
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getObject(1)).isEqualTo(true);
        assertThat(rows.getObject(2)).isEqualTo(-7);
        assertThat(rows.getObject(3)).isEqualTo(300);
        assertThat(rows.getObject(2, Byte.class)).isEqualTo((byte) -7);
        assertThat(rows.getObject(3, Short.class)).isEqualTo((short) 300);
        assertThat(rows.getObject(4)).isEqualTo(123456);
        assertThat(rows.getObject(5)).isEqualTo(Long.MAX_VALUE);
        assertThat(rows.getObject(6)).isEqualTo(1.5f);
        assertThat(rows.getDouble(7)).isEqualTo(Math.PI);
        assertThat(rows.getBigDecimal(8)).isEqualTo(new BigDecimal("12345.678"));
        assertThat(rows.getString(9)).isEqualTo("abc");
        assertThat(rows.getString("c9")).isEqualTo("héllo ✓");
        assertThat(rows.getObject(11)).isEqualTo(Date.valueOf("2024-02-29"));
        assertThat(rows.getObject(11, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(rows.getObject(12, LocalTime.class)).isEqualTo(LocalTime.of(13, 14, 15));
        assertThat(rows.getTimestamp(13)).isEqualTo(Timestamp.valueOf("2024-02-29 13:14:15.123"));
        assertThat(rows.getObject(13, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_000_000));
        assertThat(rows.getString(13)).isEqualTo("2024-02-29 13:14:15.123");
        assertThat(rows.getInt(4)).isEqualTo(123456);
        assertThat(rows.getLong(2)).isEqualTo(-7);
        assertThatThrownBy(() -> rows.getInt(5)).isInstanceOf(SQLException.class)
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22003");
        assertThat(rows.next()).isFalse();
      }
      // Conversions at set time, and NULL of every type.
      statement.setObject(4, "42");
      statement.setObject(11, LocalDate.of(2000, 1, 1));
      for (int i = 1; i <= FakeEngine.ALL_TYPES.size(); i++) {
        if (i != 4 && i != 11) {
          statement.setNull(i, Types.OTHER);
        }
      }
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getObject(4)).isEqualTo(42);
        assertThat(rows.getObject(11, LocalDate.class)).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(rows.getObject(1)).isNull();
        assertThat(rows.getInt(2)).isZero();
        assertThat(rows.wasNull()).isTrue();
        assertThat(rows.getBigDecimal(8)).isNull();
      }
      assertThatThrownBy(() -> statement.setObject(4, "forty-two")).isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
      ResultSetMetaData metaData = statement.getMetaData();
      assertThat(metaData.getColumnClassName(4)).isEqualTo("java.lang.Integer");
      assertThat(metaData.getPrecision(8)).isEqualTo(12);
      assertThat(metaData.getScale(8)).isEqualTo(3);
    }
  }

  @Test
  void batchesRunInOneRoundTrip() throws SQLException {
    try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement("insert ?")) {
      engine.inserted.clear();
      for (int i = 0; i < 500; i++) {
        insert.setInt(1, i);
        insert.addBatch();
      }
      insert.setNull(1, Types.INTEGER);
      insert.addBatch();
      int[] counts = insert.executeBatch();
      assertThat(counts).hasSize(501).containsOnly(1);
      assertThat(engine.inserted).hasSize(501);
      assertThat(engine.inserted.get(499)).isEqualTo(499);
      try (Statement statement = connection.createStatement()) {
        statement.addBatch("delete");
        statement.addBatch("delete");
        assertThat(statement.executeBatch()).containsExactly(501, 501);
        statement.addBatch("delete");
        statement.addBatch("unique");
        assertThatThrownBy(statement::executeBatch).isInstanceOf(BatchUpdateException.class)
            .hasMessageStartingWith("batch entry 2: duplicate key")
            .satisfies(e -> assertThat(((BatchUpdateException) e).getUpdateCounts()).containsExactly(501))
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23505");
      }
    }
  }

  @Test
  void errorsCarrySqlStateAndLeaveTheConnectionUsable() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("selec 1"))
          .isInstanceOf(SQLSyntaxErrorException.class)
          .hasMessageContaining("syntax error")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
      assertThatThrownBy(() -> statement.execute("unique"))
          .isInstanceOf(SQLIntegrityConstraintViolationException.class);
      assertThatThrownBy(() -> statement.execute("boom"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("bug in the fake")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("XX000");
      assertThatThrownBy(() -> connection.prepareStatement("nonsense"))
          .isInstanceOf(SQLSyntaxErrorException.class);
      String huge = "x".repeat(17 * 1024 * 1024);
      assertThatThrownBy(() -> statement.execute(huge)).isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("54000");
      try (ResultSet rows = statement.executeQuery("numbers 3")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.isLast()).isFalse();
        assertThat(rows.next()).isTrue();
        assertThat(rows.next()).isTrue();
        assertThat(rows.isLast()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(2);
        assertThat(rows.next()).isFalse();
      }
      assertThat(connection.isValid(1)).isTrue();
    }
  }

  @Test
  void cancelStopsARunningStatement() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
        try {
          statement.executeQuery("sleep");
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      Thread.sleep(200);
      statement.cancel();
      Throwable error = running.get(10, TimeUnit.SECONDS);
      assertThat(error).isInstanceOf(SQLException.class);
      assertThat(((SQLException) error).getSQLState()).isEqualTo("57014");

      statement.setQueryTimeout(1);
      assertThatThrownBy(() -> statement.executeQuery("sleep")).isInstanceOf(SQLTimeoutException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
      statement.setQueryTimeout(0);
      try (ResultSet rows = statement.executeQuery("numbers 5")) {
        assertThat(rows.next()).isTrue();
      }
    }
  }

  @Test
  void oneConnectionIsSafeToShareBetweenThreads() throws Exception {
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
    try (Connection connection = connect()) {
      java.util.List<CompletableFuture<Long>> workers = new java.util.ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        workers.add(CompletableFuture.supplyAsync(() -> {
          long sum = 0;
          try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(7);
            for (int i = 0; i < 30; i++) {
              try (ResultSet rows = statement.executeQuery("numbers 50")) {
                while (rows.next()) {
                  sum += rows.getLong(1);
                }
              }
              assertThat(connection.isValid(5)).isTrue();
              connection.getMetaData().getTables(null, null, "%", null).close();
            }
          } catch (SQLException e) {
            throw new AssertionError(e);
          }
          return sum;
        }, threads));
      }
      for (CompletableFuture<Long> worker : workers) {
        assertThat(worker.get(20, TimeUnit.SECONDS)).isEqualTo(30L * (49 * 50 / 2));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void noDatabaseMetaDataMethodThrowsOnNullArguments() throws Exception {
    try (Connection connection = connect()) {
      java.sql.DatabaseMetaData meta = connection.getMetaData();
      int called = 0;
      for (java.lang.reflect.Method method : java.sql.DatabaseMetaData.class.getMethods()) {
        if (java.lang.reflect.Modifier.isStatic(method.getModifiers())
            || method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
          continue;
        }
        Object[] arguments = new Object[method.getParameterCount()];
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
          arguments[i] = types[i] == int.class ? (Object) 0 : types[i] == boolean.class ? (Object) false : null;
        }
        Object result;
        try {
          result = method.invoke(meta, arguments);
        } catch (java.lang.reflect.InvocationTargetException e) {
          throw new AssertionError("DatabaseMetaData." + method.getName() + " threw", e.getCause());
        }
        if (result instanceof ResultSet rows) {
          ResultSetMetaData columns = rows.getMetaData();
          assertThat(columns.getColumnCount()).as(method.getName()).isPositive();
          while (rows.next()) {
            for (int i = 1; i <= columns.getColumnCount(); i++) {
              rows.getObject(i);
              rows.getString(columns.getColumnLabel(i));
            }
          }
          rows.close();
        }
        called++;
      }
      assertThat(called).isGreaterThan(170);
    }
  }

  @Test
  void closingABusyConnectionFromAnotherThreadDoesNotWaitForTheQuery() throws Exception {
    Connection connection = connect();
    Statement statement = connection.createStatement();
    CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
      try {
        statement.executeQuery("sleep");
        return null;
      } catch (SQLException e) {
        return e;
      }
    });
    Thread.sleep(200);
    long start = System.nanoTime();
    connection.close();
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5);
    assertThat(connection.isClosed()).isTrue();
    assertThat(running.get(10, TimeUnit.SECONDS)).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> statement.executeQuery("numbers 1")).isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isIn("08003", "08006");
  }

  @Test
  void databaseMetaDataDescribesTheCatalog() throws SQLException {
    try (Connection connection = connect()) {
      var meta = connection.getMetaData();
      assertThat(meta.getDatabaseProductName()).isEqualTo("Quaver");
      assertThat(meta.getIdentifierQuoteString()).isEqualTo("\"");
      try (ResultSet tables = meta.getTables(null, null, "%", null)) {
        assertThat(tables.next()).isTrue();
        assertThat(tables.getString("TABLE_NAME")).isEqualTo("T");
        assertThat(tables.getString("TABLE_TYPE")).isEqualTo("TABLE");
        assertThat(tables.getString("TABLE_SCHEM")).isEqualTo("PUBLIC");
        assertThat(tables.next()).isTrue();
        assertThat(tables.getString("TABLE_TYPE")).isEqualTo("VIEW");
        assertThat(tables.next()).isFalse();
      }
      try (ResultSet tables = meta.getTables(null, null, null, new String[] {"VIEW"})) {
        assertThat(tables.next()).isTrue();
        assertThat(tables.getString(3)).isEqualTo("V");
      }
      try (ResultSet columns = meta.getColumns(null, "PUBLIC", "T", null)) {
        assertThat(columns.next()).isTrue();
        assertThat(columns.getString("COLUMN_NAME")).isEqualTo("ID");
        assertThat(columns.getInt("DATA_TYPE")).isEqualTo(Types.BIGINT);
        assertThat(columns.getInt("NULLABLE")).isEqualTo(0);
        assertThat(columns.next()).isTrue();
        assertThat(columns.getInt("COLUMN_SIZE")).isEqualTo(20);
        assertThat(columns.next()).isTrue();
        assertThat(columns.getString("TYPE_NAME")).isEqualTo("DECIMAL");
        assertThat(columns.getInt("DECIMAL_DIGITS")).isEqualTo(2);
        assertThat(columns.getInt("ORDINAL_POSITION")).isEqualTo(3);
        assertThat(columns.next()).isFalse();
      }
      try (ResultSet keys = meta.getPrimaryKeys(null, null, "T")) {
        assertThat(keys.next()).isTrue();
        assertThat(keys.getString("COLUMN_NAME")).isEqualTo("ID");
        assertThat(keys.getShort("KEY_SEQ")).isEqualTo((short) 1);
      }
      try (ResultSet indexes = meta.getIndexInfo(null, null, "T", false, true)) {
        assertThat(indexes.next()).isTrue();
        assertThat(indexes.getBoolean("NON_UNIQUE")).isFalse();
        assertThat(indexes.next()).isTrue();
        assertThat(indexes.getString("INDEX_NAME")).isEqualTo("T_NAME");
        assertThat(indexes.getString("COLUMN_NAME")).isEqualTo("NAME");
      }
      try (ResultSet none = meta.getImportedKeys(null, null, "T")) {
        assertThat(none.getMetaData().getColumnCount()).isEqualTo(14);
        assertThat(none.next()).isFalse();
      }
      try (ResultSet types = meta.getTypeInfo()) {
        int count = 0;
        while (types.next()) {
          count++;
        }
        assertThat(count).isEqualTo(13);
      }
      try (ResultSet schemas = meta.getSchemas()) {
        assertThat(schemas.next()).isTrue();
        assertThat(schemas.getString(1)).isEqualTo("PUBLIC");
      }
      assertThat(meta.getCatalogs().next()).isFalse();
      assertThat(meta.getProcedures(null, null, null).next()).isFalse();
      assertThat(meta.getFunctions(null, null, "%").next()).isFalse();
      assertThat(meta.getTables("other", null, null, null).next()).isFalse();
    }
  }
}
