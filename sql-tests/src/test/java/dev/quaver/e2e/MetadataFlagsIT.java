package dev.quaver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DatabaseMetaData's claims checked against the engine: each supports* flag that says true is
 * backed by a query that works, null ordering and identifier casing are what the engine does,
 * and the pattern/null argument rules of the catalog methods hold.
 */
class MetadataFlagsIT {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE mf_a (id INTEGER PRIMARY KEY, v INTEGER)");
      statement.execute("CREATE TABLE mf_b (id INTEGER PRIMARY KEY, a_id INTEGER, label VARCHAR(10))");
      statement.execute("CREATE TABLE \"mf_Mixed\" (\"Id\" INTEGER PRIMARY KEY)");
      statement.execute("CREATE VIEW mf_view AS SELECT id FROM mf_a");
      statement.execute("INSERT INTO mf_a VALUES (1, 10), (2, NULL), (3, 30)");
      statement.execute("INSERT INTO mf_b VALUES (1, 1, 'x_1'), (2, 3, 'x%2'), (3, 9, NULL)");
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void trueFlagsAreBackedByWorkingQueries() throws Exception {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      DatabaseMetaData meta = connection.getMetaData();
      check(meta.supportsOuterJoins() && meta.supportsLimitedOuterJoins(), statement,
          "SELECT a.id, b.id FROM mf_a a LEFT JOIN mf_b b ON a.id = b.a_id");
      check(meta.supportsFullOuterJoins(), statement, "SELECT a.id, b.id FROM mf_a a FULL JOIN mf_b b ON a.id = b.a_id");
      check(meta.supportsUnion(), statement, "SELECT id FROM mf_a UNION SELECT id FROM mf_b");
      check(meta.supportsUnionAll(), statement, "SELECT id FROM mf_a UNION ALL SELECT id FROM mf_b");
      check(meta.supportsSubqueriesInIns(), statement, "SELECT id FROM mf_a WHERE id IN (SELECT a_id FROM mf_b)");
      check(meta.supportsSubqueriesInExists(), statement,
          "SELECT id FROM mf_a a WHERE EXISTS (SELECT 1 FROM mf_b b WHERE b.a_id = a.id)");
      check(meta.supportsSubqueriesInComparisons(), statement, "SELECT id FROM mf_a WHERE v > (SELECT MIN(v) FROM mf_a)");
      check(meta.supportsSubqueriesInQuantifieds(), statement, "SELECT id FROM mf_a WHERE v >= ALL (SELECT v FROM mf_a WHERE v IS NOT NULL)");
      check(meta.supportsCorrelatedSubqueries(), statement,
          "SELECT id, (SELECT COUNT(*) FROM mf_b b WHERE b.a_id = a.id) FROM mf_a a");
      check(meta.supportsGroupBy() && meta.supportsGroupByUnrelated(), statement, "SELECT COUNT(*) FROM mf_a GROUP BY v");
      check(meta.supportsGroupByBeyondSelect(), statement, "SELECT v, COUNT(*) FROM mf_a GROUP BY v, id");
      check(meta.supportsOrderByUnrelated(), statement, "SELECT id FROM mf_a ORDER BY v");
      check(meta.supportsExpressionsInOrderBy(), statement, "SELECT id FROM mf_a ORDER BY v * -1");
      check(meta.supportsColumnAliasing(), statement, "SELECT id AS ident FROM mf_a");
      check(meta.supportsTableCorrelationNames(), statement, "SELECT x.id FROM mf_a AS x");
      check(meta.supportsSchemasInDataManipulation(), statement, "SELECT id FROM PUBLIC.mf_a");
      check(meta.supportsLikeEscapeClause(), statement, "SELECT id FROM mf_b WHERE label LIKE 'x!_%' ESCAPE '!'");
      check(meta.supportsNonNullableColumns(), statement, "CREATE TABLE nn_check (id INTEGER NOT NULL PRIMARY KEY)");
      assertThat(meta.nullPlusNonNullIsNull()).isTrue();
      try (ResultSet rows = statement.executeQuery("SELECT v + 1 FROM mf_a WHERE id = 2")) {
        rows.next();
        rows.getInt(1);
        assertThat(rows.wasNull()).isTrue();
      }
    }
  }

  @Test
  void nullOrderingIsWhatTheEngineDoes() throws Exception {
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      DatabaseMetaData meta = connection.getMetaData();
      List<Integer> ascending = ints(statement, "SELECT v FROM mf_a ORDER BY v");
      List<Integer> descending = ints(statement, "SELECT v FROM mf_a ORDER BY v DESC");
      if (meta.nullsAreSortedLow()) {
        assertThat(ascending).containsExactly(null, 10, 30);
        assertThat(descending).containsExactly(30, 10, null);
      } else if (meta.nullsAreSortedHigh()) {
        assertThat(ascending).containsExactly(10, 30, null);
        assertThat(descending).containsExactly(null, 30, 10);
      } else if (meta.nullsAreSortedAtStart()) {
        assertThat(ascending.get(0)).isNull();
        assertThat(descending.get(0)).isNull();
      } else {
        assertThat(meta.nullsAreSortedAtEnd()).isTrue();
        assertThat(ascending.get(2)).isNull();
        assertThat(descending.get(2)).isNull();
      }
    }
  }

  @Test
  void identifierCasingAndPatterns() throws Exception {
    try (Connection connection = server.connect()) {
      DatabaseMetaData meta = connection.getMetaData();
      assertThat(meta.storesUpperCaseIdentifiers()).isTrue();
      assertThat(tableNames(meta.getTables(null, null, "MF\\_%", null))).containsExactly("MF_A", "MF_B", "MF_VIEW");
      assertThat(meta.storesMixedCaseQuotedIdentifiers()).isTrue();
      assertThat(tableNames(meta.getTables(null, null, "mf_Mixed", null))).containsExactly("mf_Mixed");
      assertThat(tableNames(meta.getTables(null, null, "MF_%", new String[] {"VIEW"}))).containsExactly("MF_VIEW");
      assertThat(tableNames(meta.getTables(null, null, "MF_%", new String[] {"TABLE"}))).containsExactly("MF_A", "MF_B");
      assertThat(tableNames(meta.getTables(null, null, "MF_%", new String[] {"SYSTEM TABLE"}))).isEmpty();
      // system tables: schema SYS, type SYSTEM TABLE, filtered by type and schema
      assertThat(tableNames(meta.getTables(null, null, "%", new String[] {"SYSTEM TABLE"}))).contains("TABLES");
      assertThat(tableNames(meta.getTables(null, "SYS", "%", null))).contains("TABLES").doesNotContain("MF_A");
      assertThat(tableNames(meta.getTables(null, "SYS", "%", new String[] {"TABLE", "VIEW"}))).isEmpty();
      assertThat(tableNames(meta.getTables(null, "PUBLIC", "%", null))).doesNotContain("TABLES");
      try (ResultSet columns = meta.getColumns(null, "SYS", "TABLES", "TABLE_TYPE")) {
        assertThat(columns.next()).isTrue();
        assertThat(columns.getString("TABLE_SCHEM")).isEqualTo("SYS");
        assertThat(columns.getString("TYPE_NAME")).isEqualTo("VARCHAR");
        assertThat(columns.getInt("ORDINAL_POSITION")).isEqualTo(3);
      }
      try (ResultSet schemas = meta.getSchemas(null, null)) {
        List<String> names = new java.util.ArrayList<>();
        while (schemas.next()) {
          names.add(schemas.getString("TABLE_SCHEM"));
        }
        assertThat(names).containsExactly("PUBLIC", "SYS");
      }
      try (ResultSet types = meta.getTableTypes()) {
        List<String> names = new java.util.ArrayList<>();
        while (types.next()) {
          names.add(types.getString(1));
        }
        assertThat(names).containsExactly("SYSTEM TABLE", "TABLE", "VIEW");
      }
      assertThat(tableNames(meta.getTables("", "PUBLIC", "MF_A", null))).containsExactly("MF_A");
      assertThat(tableNames(meta.getTables(null, "P%", "MF_A", null))).containsExactly("MF_A");
      assertThat(tableNames(meta.getTables("nope", null, "MF_A", null))).isEmpty();
      assertThat(tableNames(meta.getTables(null, "OTHER", "MF_A", null))).isEmpty();
      assertThat(tableNames(meta.getTables(null, null, "MF_A", null))).containsExactly("MF_A");
      try (ResultSet columns = meta.getColumns(null, null, "MF_B", "%_ID")) {
        assertThat(columns.next()).isTrue();
        assertThat(columns.getString("COLUMN_NAME")).isEqualTo("A_ID");
        assertThat(columns.getInt("ORDINAL_POSITION")).isEqualTo(2);
        assertThat(columns.next()).isFalse();
      }
      try (ResultSet columns = meta.getColumns(null, null, "MF_VIEW", null)) {
        assertThat(columns.next()).isTrue();
        assertThat(columns.getString("COLUMN_NAME")).isEqualTo("ID");
      }
      try (ResultSet keys = meta.getPrimaryKeys(null, null, "MF_%")) {
        assertThat(keys.next()).as("getPrimaryKeys takes an exact name, not a pattern").isFalse();
      }
      try (ResultSet schemas = meta.getSchemas(null, "PUB%")) {
        assertThat(schemas.next()).isTrue();
        assertThat(schemas.getString("TABLE_SCHEM")).isEqualTo("PUBLIC");
      }
    }
  }

  private static void check(boolean claimed, Statement statement, String sql) throws SQLException {
    assertThat(claimed).as("flag backing %s", sql).isTrue();
    if (statement.execute(sql)) {
      try (ResultSet rows = statement.getResultSet()) {
        while (rows.next()) {
          rows.getObject(1);
        }
      }
    }
  }

  private static List<Integer> ints(Statement statement, String sql) throws SQLException {
    List<Integer> values = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        int value = rows.getInt(1);
        values.add(rows.wasNull() ? null : value);
      }
    }
    return values;
  }

  private static List<String> tableNames(ResultSet rs) throws SQLException {
    List<String> names = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }
}
