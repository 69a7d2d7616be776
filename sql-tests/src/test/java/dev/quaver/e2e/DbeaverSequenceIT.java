package dev.quaver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDBC calls DBeaver's generic connector makes on connect and when a table is opened in its
 * navigator, in that order (docs/jdbc.md, "DBeaver"). DBeaver treats a throwing metadata call as
 * a failed connect or an empty folder with an error dialog, so each call must answer.
 */
class DbeaverSequenceIT {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE db_item (id INTEGER PRIMARY KEY, name VARCHAR(30) NOT NULL, price DECIMAL(10, 2))");
      statement.execute("CREATE INDEX db_item_name ON db_item (name)");
      statement.execute("INSERT INTO db_item VALUES (1, 'pen', 1.50), (2, 'ink', 7.25)");
      statement.execute("CREATE VIEW db_cheap AS SELECT id, name FROM db_item WHERE price < 5");
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void connectSequence() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("user", TestServer.USER);
    properties.setProperty("password", TestServer.PASSWORD);
    try (Connection connection = DriverManager.getConnection(server.url(), properties)) {
      // JDBCDataSource.openConnection / JDBCExecutionContext bootstrap
      connection.setClientInfo("ApplicationName", "DBeaver 25 - Main");
      assertThat(connection.getAutoCommit()).isTrue();
      connection.setAutoCommit(true);
      assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
      assertThat(connection.isReadOnly()).isFalse();
      DatabaseMetaData meta = connection.getMetaData();
      // JDBCDataSourceInfo
      assertThat(meta.getDatabaseProductName()).isEqualTo("Quaver");
      assertThat(meta.getDatabaseProductVersion()).isNotEmpty();
      assertThat(meta.getDriverName()).isNotEmpty();
      assertThat(meta.getDriverVersion()).isNotEmpty();
      meta.getDatabaseMajorVersion();
      meta.getDatabaseMinorVersion();
      assertThat(meta.getSchemaTerm()).isEqualTo("schema");
      assertThat(meta.getProcedureTerm()).isNotEmpty();
      assertThat(meta.getCatalogTerm()).isNotEmpty();
      assertThat(meta.supportsTransactions()).isFalse();
      assertThat(meta.supportsSavepoints()).isFalse();
      assertThat(meta.supportsBatchUpdates()).isTrue();
      assertThat(meta.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE)).isFalse();
      assertThat(meta.supportsMultipleResultSets()).isFalse();
      for (int level : new int[] {Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED,
          Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE}) {
        meta.supportsTransactionIsolationLevel(level);
      }
      meta.getDefaultTransactionIsolation();
      meta.isReadOnly();
      // JDBCSQLDialect.initDriverSettings
      assertThat(meta.getIdentifierQuoteString()).isEqualTo("\"");
      assertThat(meta.getSQLKeywords()).isNotEmpty();
      assertThat(meta.getNumericFunctions()).contains("ABS");
      assertThat(meta.getStringFunctions()).contains("UPPER");
      meta.getSystemFunctions();
      assertThat(meta.getTimeDateFunctions()).contains("CURRENT_DATE");
      assertThat(meta.getSearchStringEscape()).isEqualTo("\\");
      meta.getExtraNameCharacters();
      meta.isCatalogAtStart();
      meta.getCatalogSeparator();
      assertThat(meta.supportsMixedCaseIdentifiers()).isFalse();
      assertThat(meta.storesUpperCaseIdentifiers()).isTrue();
      meta.storesLowerCaseIdentifiers();
      meta.storesMixedCaseIdentifiers();
      assertThat(meta.supportsMixedCaseQuotedIdentifiers()).isTrue();
      meta.storesUpperCaseQuotedIdentifiers();
      meta.storesLowerCaseQuotedIdentifiers();
      meta.storesMixedCaseQuotedIdentifiers();
      meta.supportsSchemasInDataManipulation();
      meta.supportsSchemasInTableDefinitions();
      meta.supportsCatalogsInDataManipulation();
      meta.supportsCatalogsInTableDefinitions();
      meta.supportsSubqueriesInComparisons();
      meta.supportsUnion();
      meta.getMaxColumnNameLength();
      meta.getMaxTableNameLength();
      // GenericDataSource.initialize: data types, then catalogs, then (no catalogs) schemas
      List<String> types = strings(meta.getTypeInfo(), "TYPE_NAME");
      assertThat(types).contains("INTEGER", "VARCHAR", "DECIMAL", "DATE", "TIMESTAMP", "BOOLEAN");
      assertThat(strings(meta.getCatalogs(), "TABLE_CAT")).isEmpty();
      // two schemas (PUBLIC, and SYS with the system tables): DBeaver shows them and then
      // passes the schema name to the table calls
      assertThat(strings(meta.getSchemas(), "TABLE_SCHEM")).containsExactly("PUBLIC", "SYS");
      // determineSelectedEntity
      assertThat(connection.getCatalog()).isNull();
      assertThat(connection.getSchema()).isEqualTo("PUBLIC");
      // the navigator's "Tables"/"Views" folders
      assertThat(strings(meta.getTableTypes(), "TABLE_TYPE")).containsExactly("SYSTEM TABLE", "TABLE", "VIEW");
      assertThat(connection.isValid(5)).isTrue();
    }
  }

  @Test
  void browseTableSequence() throws Exception {
    try (Connection connection = server.connect()) {
      DatabaseMetaData meta = connection.getMetaData();
      // GenericMetaModel: no catalogs, two schemas: DBeaver asks per schema
      ResultSet tables = meta.getTables(null, "PUBLIC", "%", null);
      List<String> names = new ArrayList<>();
      List<String> kinds = new ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString("TABLE_NAME"));
        kinds.add(tables.getString("TABLE_TYPE"));
        tables.getString("TABLE_CAT");
        tables.getString("TABLE_SCHEM");
        tables.getString("REMARKS");
      }
      tables.close();
      assertThat(names).contains("DB_ITEM", "DB_CHEAP");
      assertThat(kinds.get(names.indexOf("DB_CHEAP"))).isEqualTo("VIEW");
      // the table's Columns, Constraints, Indexes, Foreign keys and References tabs
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(null, "PUBLIC", "DB_ITEM", "%")) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + "(" + rs.getInt("COLUMN_SIZE")
              + "," + rs.getInt("DECIMAL_DIGITS") + ") " + rs.getString("IS_NULLABLE") + " "
              + rs.getString("IS_AUTOINCREMENT") + " " + rs.getString("IS_GENERATEDCOLUMN"));
          rs.getString("COLUMN_DEF");
          rs.getString("REMARKS");
          rs.getInt("ORDINAL_POSITION");
          rs.getInt("NULLABLE");
          rs.getInt("DATA_TYPE");
          rs.getObject("SOURCE_DATA_TYPE");
        }
      }
      assertThat(columns).containsExactly("ID INTEGER(10,0) NO NO NO", "NAME VARCHAR(30,0) NO NO NO",
          "PRICE DECIMAL(10,2) YES NO NO");
      assertThat(strings(meta.getPrimaryKeys(null, null, "DB_ITEM"), "COLUMN_NAME")).containsExactly("ID");
      assertThat(strings(meta.getIndexInfo(null, null, "DB_ITEM", false, true), "INDEX_NAME"))
          .contains("DB_ITEM_NAME");
      assertThat(strings(meta.getImportedKeys(null, null, "DB_ITEM"), "FK_NAME")).isEmpty();
      assertThat(strings(meta.getExportedKeys(null, null, "DB_ITEM"), "FK_NAME")).isEmpty();
      // the Procedures folder
      assertThat(strings(meta.getProcedures(null, null, "%"), "PROCEDURE_NAME")).isEmpty();
      assertThat(strings(meta.getFunctions(null, null, "%"), "FUNCTION_NAME")).isEmpty();
      // the Data tab: first page of rows, then the row count
      try (Statement statement = connection.createStatement()) {
        statement.setMaxRows(200);
        statement.setFetchSize(200);
        try (ResultSet rows = statement.executeQuery("SELECT * FROM DB_ITEM")) {
          ResultSetMetaData rsMeta = rows.getMetaData();
          assertThat(rsMeta.getColumnCount()).isEqualTo(3);
          for (int i = 1; i <= 3; i++) {
            // the Data tab edits cells only of columns that name their table and are writable
            assertThat(rsMeta.getTableName(i)).isEqualTo("DB_ITEM");
            assertThat(rsMeta.getSchemaName(i)).isEqualTo("PUBLIC");
            assertThat(rsMeta.isWritable(i)).isTrue();
            rsMeta.getColumnLabel(i);
            rsMeta.getColumnName(i);
            rsMeta.getTableName(i);
            rsMeta.getSchemaName(i);
            rsMeta.getCatalogName(i);
            rsMeta.getColumnType(i);
            rsMeta.getColumnTypeName(i);
            rsMeta.getPrecision(i);
            rsMeta.getScale(i);
            rsMeta.isNullable(i);
            rsMeta.isAutoIncrement(i);
            rsMeta.isReadOnly(i);
            rsMeta.isWritable(i);
            rsMeta.getColumnDisplaySize(i);
            rsMeta.getColumnClassName(i);
          }
          int count = 0;
          while (rows.next()) {
            rows.getObject(1);
            rows.getObject(2);
            rows.getObject(3);
            count++;
          }
          assertThat(count).isEqualTo(2);
        }
        statement.setMaxRows(0);
        try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM DB_ITEM")) {
          count.next();
          assertThat(count.getLong(1)).isEqualTo(2);
        }
      }
    }
  }

  /** Every DatabaseMetaData method, called with null for each object argument, answers. */
  /** The same browse calls in schema SYS: system tables, read-only result columns. */
  @Test
  void browseSystemTableSequence() throws Exception {
    try (Connection connection = server.connect()) {
      DatabaseMetaData meta = connection.getMetaData();
      List<String> kinds = new ArrayList<>();
      List<String> names = new ArrayList<>();
      try (ResultSet tables = meta.getTables(null, "SYS", "%", null)) {
        while (tables.next()) {
          names.add(tables.getString("TABLE_NAME"));
          kinds.add(tables.getString("TABLE_TYPE"));
          assertThat(tables.getString("TABLE_SCHEM")).isEqualTo("SYS");
        }
      }
      assertThat(names).contains("TABLES").doesNotContain("DB_ITEM");
      assertThat(kinds).containsOnly("SYSTEM TABLE");
      assertThat(strings(meta.getColumns(null, "SYS", "TABLES", "%"), "COLUMN_NAME"))
          .startsWith("TABLE_NAME", "TABLE_SCHEMA", "TABLE_TYPE");
      assertThat(strings(meta.getPrimaryKeys(null, "SYS", "TABLES"), "COLUMN_NAME")).isEmpty();
      assertThat(strings(meta.getIndexInfo(null, "SYS", "TABLES", false, true), "INDEX_NAME")).isEmpty();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT * FROM SYS.TABLES")) {
        ResultSetMetaData rsMeta = rows.getMetaData();
        assertThat(rsMeta.getTableName(1)).isEqualTo("TABLES");
        assertThat(rsMeta.getSchemaName(1)).isEqualTo("SYS");
        assertThat(rsMeta.isReadOnly(1)).isTrue();
        assertThat(rsMeta.isWritable(1)).isFalse();
      }
    }
  }

  @Test
  void noMetadataMethodThrowsForNullArguments() throws Exception {
    List<String> failures = new ArrayList<>();
    try (Connection connection = server.connect()) {
      DatabaseMetaData meta = connection.getMetaData();
      for (Method method : DatabaseMetaData.class.getMethods()) {
        if (method.getDeclaringClass() != DatabaseMetaData.class || method.getName().equals("unwrap")) {
          continue;
        }
        Object[] arguments = new Object[method.getParameterCount()];
        Class<?>[] parameterTypes = method.getParameterTypes();
        for (int i = 0; i < arguments.length; i++) {
          arguments[i] = parameterTypes[i] == int.class ? (Object) 0
              : parameterTypes[i] == boolean.class ? (Object) false : null;
        }
        try {
          Object result = method.invoke(meta, arguments);
          if (result instanceof ResultSet rs) {
            while (rs.next()) {
              for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                rs.getObject(c);
              }
            }
            rs.close();
          }
        } catch (java.lang.reflect.InvocationTargetException e) {
          failures.add(method.getName() + ": " + e.getCause());
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  private static List<String> strings(ResultSet rs, String column) throws SQLException {
    List<String> values = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        values.add(rs.getString(column));
      }
    }
    return values;
  }
}
