package dev.quaver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ResultSetMetaData's table, schema and catalog names and its writability, through the real
 * server: a column copied straight from a table names that table (through aliases, {@code *},
 * joins and ORDER BY); a computed column names nothing ("") and is read-only; system table
 * columns are read-only.
 */
class ResultSetMetaDataIT {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE rm_item (id INTEGER PRIMARY KEY, name VARCHAR(20), price DECIMAL(8, 2))");
      statement.execute("CREATE TABLE rm_tag (item_id INTEGER, tag VARCHAR(10))");
      statement.execute("INSERT INTO rm_item VALUES (1, 'a', 1.50), (2, 'b', 2.00)");
      statement.execute("INSERT INTO rm_tag VALUES (1, 'x')");
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void plainColumnsNameTheirTableComputedOnesNothing() throws Exception {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT i.id AS ident, name, price * 2 AS doubled, UPPER(name) AS u, 'k' AS k FROM rm_item i ORDER BY ident")) {
      ResultSetMetaData meta = rows.getMetaData();
      assertOrigin(meta, 1, "RM_ITEM", "PUBLIC", true);
      assertThat(meta.getColumnLabel(1)).isEqualTo("IDENT");
      assertOrigin(meta, 2, "RM_ITEM", "PUBLIC", true);
      for (int i = 3; i <= 5; i++) {
        assertOrigin(meta, i, "", "", false);
      }
      for (int i = 1; i <= 5; i++) {
        assertThat(meta.getCatalogName(i)).isEmpty();
        assertThat(meta.isAutoIncrement(i)).isFalse();
      }
    }
  }

  @Test
  void starJoinsAndPreparedStatementsCarryOrigins() throws Exception {
    try (Connection connection = server.connect();
        PreparedStatement prepared = connection.prepareStatement(
            "SELECT * FROM rm_item JOIN rm_tag ON id = item_id WHERE id = ?")) {
      ResultSetMetaData before = prepared.getMetaData();
      assertOrigin(before, 1, "RM_ITEM", "PUBLIC", true);
      assertOrigin(before, 4, "RM_TAG", "PUBLIC", true);
      prepared.setInt(1, 1);
      try (ResultSet rows = prepared.executeQuery()) {
        ResultSetMetaData meta = rows.getMetaData();
        assertOrigin(meta, 3, "RM_ITEM", "PUBLIC", true);
        assertOrigin(meta, 5, "RM_TAG", "PUBLIC", true);
      }
    }
  }

  @Test
  void derivedTablesAggregatesAndSystemTables() throws Exception {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT name, MAX(price) FROM rm_item GROUP BY name")) {
        assertOrigin(rows.getMetaData(), 1, "RM_ITEM", "PUBLIC", true);
        assertOrigin(rows.getMetaData(), 2, "", "", false);
      }
      try (ResultSet rows = statement.executeQuery("SELECT x FROM (SELECT id + 1 AS x FROM rm_item) d")) {
        assertOrigin(rows.getMetaData(), 1, "", "", false);
      }
      try (ResultSet rows = statement.executeQuery("SELECT table_name FROM sys.tables")) {
        assertOrigin(rows.getMetaData(), 1, "TABLES", "SYS", false);
      }
      try (ResultSet rows = statement.executeQuery("VALUES (1)")) {
        assertOrigin(rows.getMetaData(), 1, "", "", false);
      }
    }
  }

  private static void assertOrigin(ResultSetMetaData meta, int column, String table, String schema,
      boolean writable) throws Exception {
    assertThat(meta.getTableName(column)).as("table of column %d", column).isEqualTo(table);
    assertThat(meta.getSchemaName(column)).as("schema of column %d", column).isEqualTo(schema);
    assertThat(meta.isWritable(column)).as("writable column %d", column).isEqualTo(writable);
    assertThat(meta.isReadOnly(column)).isEqualTo(!writable);
    assertThat(meta.isDefinitelyWritable(column)).isFalse();
  }
}
