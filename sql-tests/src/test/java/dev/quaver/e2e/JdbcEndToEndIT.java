package dev.quaver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDBC surface end to end: Statement and PreparedStatement (every parameter type, setNull,
 * batches), ResultSet getters and getObject classes, metadata, SQLSTATEs, sessions after errors
 * and authentication. One server for the class; each test uses its own tables.
 */
class JdbcEndToEndIT {
  private static TestServer server;

  @BeforeAll
  static void startServer() {
    server = TestServer.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void statementDdlDmlAndQueries() throws SQLException {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      assertThat(statement.executeUpdate(
          "CREATE TABLE s_people (id INTEGER PRIMARY KEY, name VARCHAR(20), age INTEGER)"))
          .isZero();
      assertThat(statement.executeUpdate(
          "INSERT INTO s_people VALUES (1, 'ann', 31), (2, 'bob', 42), (3, 'cid', NULL)"))
          .isEqualTo(3);
      assertThat(statement.executeUpdate("UPDATE s_people SET age = age + 1 WHERE age IS NOT NULL"))
          .isEqualTo(2);
      assertThat(statement.execute("SELECT id FROM s_people")).isTrue();
      try (ResultSet rs = statement.getResultSet()) {
        int rows = 0;
        while (rs.next()) {
          rows++;
        }
        assertThat(rows).isEqualTo(3);
      }
      assertThat(statement.execute("DELETE FROM s_people WHERE id = 3")).isFalse();
      assertThat(statement.getUpdateCount()).isEqualTo(1);

      List<String> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery(
          "SELECT id, name, age FROM s_people ORDER BY id")) {
        while (rs.next()) {
          rows.add(rs.getInt(1) + "|" + rs.getString("NAME") + "|" + rs.getInt("age"));
        }
      }
      assertThat(rows).containsExactly("1|ann|32", "2|bob|43");

      try (ResultSet rs = statement.executeQuery("SELECT COUNT(*), SUM(age) FROM s_people")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(2);
        assertThat(rs.getLong(2)).isEqualTo(75);
        assertThat(rs.next()).isFalse();
      }
      try (ResultSet rs = statement.executeQuery("EXPLAIN PLAN FOR SELECT * FROM s_people")) {
        assertThat(rs.next()).as("EXPLAIN returns rows").isTrue();
        assertThat(rs.getString(1)).isNotBlank();
      }
    }
  }

  @Test
  void everyTypeThroughPreparedStatementAndGetObject() throws SQLException {
    try (Connection connection = server.connect()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE p_types (id INTEGER PRIMARY KEY, bo BOOLEAN, ti TINYINT,"
            + " si SMALLINT, i INTEGER, bi BIGINT, re REAL, db DOUBLE, de DECIMAL(10,2),"
            + " ch CHAR(3), vc VARCHAR(10), tx TEXT, d DATE, t TIME, ts TIMESTAMP)");
      }
      Date date = Date.valueOf("2024-02-29");
      Time time = Time.valueOf("13:45:30");
      Timestamp timestamp = Timestamp.valueOf("2024-02-29 13:45:30.123");
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO p_types VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setInt(1, 1);
        insert.setBoolean(2, true);
        insert.setByte(3, (byte) -5);
        insert.setShort(4, (short) 300);
        insert.setInt(5, 70000);
        insert.setLong(6, 5_000_000_000L);
        insert.setFloat(7, 1.5f);
        insert.setDouble(8, 2.25);
        insert.setBigDecimal(9, new BigDecimal("12.34"));
        insert.setString(10, "abc");
        insert.setString(11, "héllo");
        insert.setString(12, "some text");
        insert.setDate(13, date);
        insert.setTime(14, time);
        insert.setTimestamp(15, timestamp);
        assertThat(insert.executeUpdate()).isEqualTo(1);

        insert.setInt(1, 2);
        int[] sqlTypes = {Types.BOOLEAN, Types.TINYINT, Types.SMALLINT, Types.INTEGER,
            Types.BIGINT, Types.REAL, Types.DOUBLE, Types.DECIMAL, Types.CHAR, Types.VARCHAR,
            Types.VARCHAR, Types.DATE, Types.TIME, Types.TIMESTAMP};
        for (int i = 0; i < sqlTypes.length; i++) {
          insert.setNull(i + 2, sqlTypes[i]);
        }
        assertThat(insert.executeUpdate()).isEqualTo(1);
      }

      try (PreparedStatement select = connection.prepareStatement(
          "SELECT bo, ti, si, i, bi, re, db, de, ch, vc, tx, d, t, ts FROM p_types WHERE id = ?")) {
        select.setInt(1, 1);
        try (ResultSet rs = select.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getObject(1)).isEqualTo(Boolean.TRUE);
          assertThat(rs.getObject(2)).isEqualTo(-5);
          assertThat(rs.getObject(3)).isEqualTo(300);
          assertThat(rs.getObject(4)).isEqualTo(70000);
          assertThat(rs.getObject(5)).isEqualTo(5_000_000_000L);
          assertThat(rs.getObject(6)).isEqualTo(1.5f);
          assertThat(rs.getObject(7)).isEqualTo(2.25);
          assertThat(rs.getObject(8)).isEqualTo(new BigDecimal("12.34"));
          assertThat(rs.getObject(9)).isEqualTo("abc");
          assertThat(rs.getObject(10)).isEqualTo("héllo");
          assertThat(rs.getObject(11)).isEqualTo("some text");
          assertThat(rs.getObject(12)).isInstanceOf(Date.class).hasToString("2024-02-29");
          assertThat(rs.getObject(13)).isInstanceOf(Time.class).hasToString("13:45:30");
          assertThat(rs.getObject(14)).isInstanceOf(Timestamp.class).isEqualTo(timestamp);
          // Typed getters convert where JDBC says they may.
          assertThat(rs.getBoolean(1)).isTrue();
          assertThat(rs.getByte(2)).isEqualTo((byte) -5);
          assertThat(rs.getShort(3)).isEqualTo((short) 300);
          assertThat(rs.getLong(4)).isEqualTo(70000L);
          assertThat(rs.getInt(4)).isEqualTo(70000);
          assertThat(rs.getFloat(6)).isEqualTo(1.5f);
          assertThat(rs.getDouble(7)).isEqualTo(2.25);
          assertThat(rs.getBigDecimal(8)).isEqualByComparingTo("12.34");
          assertThat(rs.getDouble(8)).isEqualTo(12.34);
          assertThat(rs.getString(4)).isEqualTo("70000");
          assertThat(rs.getDate(12)).isEqualTo(date);
          assertThat(rs.getTime(13)).isEqualTo(time);
          assertThat(rs.getTimestamp(14)).isEqualTo(timestamp);
          assertThat(rs.wasNull()).isFalse();
          assertThat(rs.next()).isFalse();
        }
        select.setInt(1, 2);
        try (ResultSet rs = select.executeQuery()) {
          assertThat(rs.next()).isTrue();
          for (int i = 1; i <= 14; i++) {
            assertThat(rs.getObject(i)).as("column %d", i).isNull();
          }
          assertThat(rs.getInt(4)).isZero();
          assertThat(rs.wasNull()).isTrue();
          assertThat(rs.getString(10)).isNull();
        }
      }
    }
  }

  @Test
  void batchesAndReusedPreparedStatements() throws SQLException {
    try (Connection connection = server.connect()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE b_rows (id BIGINT PRIMARY KEY, v VARCHAR(10))");
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO b_rows (id, v) VALUES (?, ?)")) {
        for (int i = 0; i < 500; i++) {
          insert.setLong(1, i);
          insert.setString(2, "v" + i);
          insert.addBatch();
        }
        int[] counts = insert.executeBatch();
        assertThat(counts).hasSize(500).containsOnly(1);
      }
      try (Statement statement = connection.createStatement()) {
        statement.addBatch("UPDATE b_rows SET v = 'x' WHERE id < 10");
        statement.addBatch("DELETE FROM b_rows WHERE id >= 490");
        assertThat(statement.executeBatch()).containsExactly(10, 10);
      }
      try (PreparedStatement count = connection.prepareStatement(
          "SELECT COUNT(*) FROM b_rows WHERE v = ?")) {
        count.setString(1, "x");
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(10);
        }
        count.setString(1, "v100");
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void resultSetAndDatabaseMetaData() throws SQLException {
    try (Connection connection = server.connect()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE m_orders (id INTEGER NOT NULL, line SMALLINT NOT NULL,"
            + " amount DECIMAL(10,2), note VARCHAR(30), PRIMARY KEY (id, line))");
        try (ResultSet rs = statement.executeQuery(
            "SELECT id, amount, note FROM m_orders")) {
          ResultSetMetaData md = rs.getMetaData();
          assertThat(md.getColumnCount()).isEqualTo(3);
          assertThat(md.getColumnLabel(1)).isEqualTo("ID");
          assertThat(md.getColumnLabel(2)).isEqualTo("AMOUNT");
          assertThat(md.getColumnType(1)).isEqualTo(Types.INTEGER);
          assertThat(md.getColumnType(2)).isEqualTo(Types.DECIMAL);
          assertThat(md.getPrecision(2)).isEqualTo(10);
          assertThat(md.getScale(2)).isEqualTo(2);
          assertThat(md.getColumnType(3)).isEqualTo(Types.VARCHAR);
          assertThat(md.getColumnClassName(1)).isEqualTo(Integer.class.getName());
          assertThat(md.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);
          assertThat(rs.next()).isFalse();
        }
      }
      DatabaseMetaData md = connection.getMetaData();
      assertThat(md.getDatabaseProductName()).containsIgnoringCase("quaver");
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, null, "M_%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).containsExactly("M_ORDERS");
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, null, "M_ORDERS", null)) {
        while (rs.next()) {
          columns.add(rs.getInt("ORDINAL_POSITION") + ":" + rs.getString("COLUMN_NAME") + ":"
              + rs.getInt("DATA_TYPE") + ":" + rs.getString("IS_NULLABLE"));
        }
      }
      assertThat(columns).containsExactly(
          "1:ID:" + Types.INTEGER + ":NO", "2:LINE:" + Types.SMALLINT + ":NO",
          "3:AMOUNT:" + Types.DECIMAL + ":YES", "4:NOTE:" + Types.VARCHAR + ":YES");
      List<String> keys = new ArrayList<>();
      try (ResultSet rs = md.getPrimaryKeys(null, null, "M_ORDERS")) {
        while (rs.next()) {
          keys.add(rs.getShort("KEY_SEQ") + ":" + rs.getString("COLUMN_NAME"));
        }
      }
      assertThat(keys).containsExactlyInAnyOrder("1:ID", "2:LINE");
      try (ResultSet rs = md.getTables(null, null, "NO_SUCH_%", null)) {
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void columnLabelsAreTheAliases() throws SQLException {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE l_items (id INTEGER PRIMARY KEY, amount INTEGER)");
      statement.execute("INSERT INTO l_items VALUES (1, 10)");
      try (ResultSet rs = statement.executeQuery(
          "SELECT id AS ident, amount AS total, amount * 2 AS \"Double\" FROM l_items")) {
        ResultSetMetaData md = rs.getMetaData();
        assertThat(md.getColumnLabel(1)).isEqualTo("IDENT");
        assertThat(md.getColumnLabel(2)).isEqualTo("TOTAL");
        assertThat(md.getColumnLabel(3)).isEqualTo("Double");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt("TOTAL")).isEqualTo(10);
        assertThat(rs.getInt("Double")).isEqualTo(20);
      }
      // A projection that only renames columns must keep the new names too.
      try (ResultSet rs = statement.executeQuery("SELECT id AS ident, amount AS total FROM l_items")) {
        assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("IDENT");
        assertThat(rs.getMetaData().getColumnLabel(2)).isEqualTo("TOTAL");
      }
    }
  }

  @Test
  void errorsCarrySqlStateAndTheSessionSurvives() throws SQLException {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE e_keys (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)");
      statement.execute("INSERT INTO e_keys VALUES (1, 1)");
      assertSqlState(statement, "SELEC 1", "42601");
      assertSqlState(statement, "SELECT * FROM e_nope", "42P01");
      assertSqlState(statement, "SELECT nope FROM e_keys", "42703");
      assertSqlState(statement, "INSERT INTO e_keys VALUES (1, 2)", "23505");
      assertSqlState(statement, "INSERT INTO e_keys VALUES (2, NULL)", "23502");
      assertSqlState(statement, "SELECT 1 / 0", "22012");
      assertSqlState(statement, "SELECT CAST('x' AS INTEGER)", "22018");
      try (PreparedStatement prepared = connection.prepareStatement(
          "INSERT INTO e_keys VALUES (?, ?)")) {
        prepared.setInt(1, 1);
        prepared.setInt(2, 5);
        assertThatThrownBy(prepared::executeUpdate).isInstanceOf(SQLException.class)
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23505");
        prepared.setInt(1, 2);
        assertThat(prepared.executeUpdate()).isEqualTo(1);
      }
      try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM e_keys")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
    }
  }

  @Test
  void wrongPasswordIsRejected() {
    assertThatThrownBy(() -> DriverManager.getConnection(server.url(), "quaver", "wrong"))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");
    assertThatThrownBy(() -> DriverManager.getConnection(server.url(), "nobody", "quaver"))
        .isInstanceOf(SQLException.class);
  }

  private static void assertSqlState(Statement statement, String sql, String sqlState) {
    assertThatThrownBy(() -> statement.execute(sql)).as(sql)
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).as(sql).isEqualTo(sqlState);
  }
}
