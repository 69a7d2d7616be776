package dev.quaver.planner.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.catalog.ViewDef;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DdlConverterTest {
  private static final TableDef T1 =
      new TableDef(
          7,
          "T1",
          List.of(
              new ColumnDef("A", ColumnType.INTEGER, false, null),
              new ColumnDef("B", ColumnType.TEXT, true, null),
              new ColumnDef("C", ColumnType.DOUBLE, true, null)),
          List.of(0),
          List.of(0),
          4,
          List.of());

  private final FakeCatalog catalog =
      new FakeCatalog().withTable(T1).withView(new ViewDef("V1", "SELECT 1", List.of()));
  private final List<SqlNode> validatedQueries = new ArrayList<>();
  private final Function<SqlNode, List<String>> twoColumns =
      query -> {
        validatedQueries.add(query);
        return List.of("A", "B");
      };

  @Test
  void isDdlForCatalogAndStorageStatements() {
    assertThat(DdlConverter.isDdl(QuaverSqlParser.parse("CREATE TABLE t (a INT)"))).isTrue();
    assertThat(DdlConverter.isDdl(QuaverSqlParser.parse("DROP INDEX i"))).isTrue();
    assertThat(DdlConverter.isDdl(QuaverSqlParser.parse("CREATE VIEW v AS SELECT 1"))).isTrue();
    assertThat(DdlConverter.isDdl(QuaverSqlParser.parse("SELECT 1"))).isFalse();
    assertThat(DdlConverter.isDdl(QuaverSqlParser.parse("COMMIT"))).isFalse();
    assertThat(DdlConverter.isDdl(QuaverSqlParser.parse("ANALYZE"))).isTrue();
    assertThat(DdlConverter.isDdl(QuaverSqlParser.parse("OPTIMIZE TABLE t"))).isTrue();
  }

  @Test
  void sqliteTableGetsRowIdAndDefaultPartitions() {
    TableDef table = createTable("CREATE TABLE t1(a INTEGER, b VARCHAR(30), c TEXT)");
    assertThat(table.id()).isZero();
    assertThat(table.name()).isEqualTo("T1");
    assertThat(table.columns())
        .containsExactly(
            new ColumnDef("A", ColumnType.INTEGER, true, null),
            new ColumnDef("B", ColumnType.varchar(30), true, null),
            new ColumnDef("C", ColumnType.TEXT, true, null));
    assertThat(table.primaryKey()).isEmpty();
    assertThat(table.distributionKey()).isEmpty();
    assertThat(table.partitions()).isEqualTo(TableDef.DEFAULT_PARTITIONS);
    assertThat(table.indexes()).isEmpty();
  }

  @Test
  void everyTypeMaps() {
    TableDef table =
        createTable(
            "CREATE TABLE t (c1 BOOLEAN, c2 TINYINT, c3 SMALLINT, c4 INTEGER, c5 INT, c6 BIGINT,"
                + " c7 REAL, c8 FLOAT, c9 DOUBLE, c10 DOUBLE PRECISION, c11 DECIMAL(10, 2),"
                + " c12 NUMERIC(5), c13 DECIMAL, c14 CHAR(3), c15 CHARACTER(4), c16 VARCHAR(5),"
                + " c17 CHARACTER VARYING(6), c18 VARCHAR, c19 TEXT, c20 DATE, c21 TIME,"
                + " c22 TIMESTAMP, c23 CHAR, c24 text)");
    assertThat(table.columns())
        .extracting(ColumnDef::type)
        .containsExactly(
            ColumnType.BOOLEAN, ColumnType.TINYINT, ColumnType.SMALLINT, ColumnType.INTEGER,
            ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.REAL, ColumnType.DOUBLE,
            ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.decimal(10, 2),
            ColumnType.decimal(5, 0), ColumnType.decimal(38, 0), ColumnType.character(3),
            ColumnType.character(4), ColumnType.varchar(5), ColumnType.varchar(6),
            ColumnType.TEXT, ColumnType.TEXT, ColumnType.DATE, ColumnType.TIME,
            ColumnType.TIMESTAMP, ColumnType.character(1), ColumnType.TEXT);
  }

  @Test
  void defaultsAreKeptAsSqlText() {
    TableDef table =
        createTable(
            "CREATE TABLE t (a VARCHAR(5) DEFAULT 'abc', b INT DEFAULT -1, c DOUBLE DEFAULT 1.5,"
                + " d INT DEFAULT NULL, e TIMESTAMP DEFAULT CURRENT_TIMESTAMP,"
                + " f VARCHAR DEFAULT 'it''s', g INT DEFAULT (2 * 3), h DATE DEFAULT"
                + " DATE '2024-02-29', i BOOLEAN DEFAULT TRUE, j INT DEFAULT +7)");
    assertThat(table.columns())
        .extracting(ColumnDef::defaultSql)
        .containsExactly(
            "'abc'", "-1", "1.5", "NULL", "CURRENT_TIMESTAMP", "'it''s'", "2 * 3",
            "DATE '2024-02-29'", "TRUE", "7");
    for (ColumnDef column : table.columns()) {
      // The planner re-parses each default as an expression.
      assertThat(QuaverSqlParser.parseExpression(column.defaultSql())).isNotNull();
    }
  }

  @Test
  void primaryKeyImpliesNotNullAndIsTheDefaultDistribution() {
    TableDef table =
        createTable("CREATE TABLE t (a INT, b INT NULL, c INT NOT NULL, PRIMARY KEY (b, a))");
    assertThat(table.primaryKey()).containsExactly(1, 0);
    assertThat(table.distributionKey()).containsExactly(1, 0);
    assertThat(table.columns())
        .extracting(ColumnDef::nullable)
        .containsExactly(false, false, false);
  }

  @Test
  void explicitDistributionAndPartitions() {
    TableDef table =
        createTable(
            "CREATE TABLE lineorder (lo_orderkey BIGINT, lo_linenumber INT, lo_revenue DECIMAL(12,2),"
                + " PRIMARY KEY (lo_orderkey, lo_linenumber)) DISTRIBUTED BY HASH (lo_orderkey)"
                + " PARTITIONS 16");
    assertThat(table.distributionKey()).containsExactly(0);
    assertThat(table.partitions()).isEqualTo(16);
    TableDef noKey = createTable("CREATE TABLE t (a INT, b INT) DISTRIBUTED BY HASH (b)");
    assertThat(noKey.distributionKey()).containsExactly(1);
    assertThat(createTable("CREATE TABLE t (a INT) PARTITIONS 1").partitions()).isEqualTo(1);
    assertThat(createTable("CREATE TABLE t (a INT) PARTITIONS 1024").partitions()).isEqualTo(1024);
  }

  @Test
  void uniqueConstraintsBecomeUniqueIndexes() {
    TableDef table =
        createTable(
            "CREATE TABLE t (a INT PRIMARY KEY, b INT UNIQUE, c INT, d INT, UNIQUE (c, d),"
                + " CONSTRAINT named UNIQUE (d), UNIQUE (a), UNIQUE (b))");
    assertThat(table.indexes())
        .containsExactly(
            new IndexDef("T_B_KEY", List.of(1), true),
            new IndexDef("T_C_D_KEY", List.of(2, 3), true),
            new IndexDef("NAMED", List.of(3), true));
    TableDef quoted = createTable("CREATE TABLE \"t\" (\"x\" INT UNIQUE)");
    assertThat(quoted.indexes()).containsExactly(new IndexDef("t_x_key", List.of(0), true));
  }

  @Test
  void keywordsAsColumnNames() {
    TableDef table =
        createTable(
            "CREATE TABLE hash (partitions INT, hash INT, index INT, distributed INT, if INT)"
                + " DISTRIBUTED BY HASH (hash) PARTITIONS 2");
    assertThat(table.columns())
        .extracting(ColumnDef::name)
        .containsExactly("PARTITIONS", "HASH", "INDEX", "DISTRIBUTED", "IF");
    assertThat(table.distributionKey()).containsExactly(1);
  }

  @Test
  void createTableErrors() {
    assertError("CREATE TABLE t (a INT, b INT, a INT)", "42701", "column A specified more than once");
    assertError("CREATE TABLE t (a INT, PRIMARY KEY (b))", "42703", "column B named in primary key");
    assertError("CREATE TABLE t (a INT, UNIQUE (a, z))", "42703", "column Z named in unique");
    assertError("CREATE TABLE t (a INT) DISTRIBUTED BY HASH (x)", "42703", "column X named in distribution key");
    assertError("CREATE TABLE t (a INT, PRIMARY KEY (a, a))", "42701", "column A appears twice");
    assertError("CREATE TABLE t (a INT PRIMARY KEY, b INT PRIMARY KEY)", "42P16", "multiple primary keys");
    assertError("CREATE TABLE t (a INT PRIMARY KEY, b INT, PRIMARY KEY (b))", "42P16", "multiple primary keys");
    assertError("CREATE TABLE t (a INT PRIMARY KEY, b INT) DISTRIBUTED BY HASH (b)", "42P16", "must be part of its primary key");
    assertError("CREATE TABLE t (a MONEY)", "0A000", "type MONEY of column A is not supported");
    assertError("CREATE TABLE t (a INT ARRAY)", "0A000", "of column A is not supported");
    assertError("CREATE TABLE t (a TIMESTAMP WITH LOCAL TIME ZONE)", "0A000", "of column A is not supported");
    assertError("CREATE TABLE t (a DECIMAL(39, 2))", "22023", "DECIMAL precision 39 of column A");
    assertError("CREATE TABLE t (a DECIMAL(5, 6))", "22023", "DECIMAL scale 6 of column A");
    assertError("CREATE TABLE t (a CHAR(0))", "22023", "length 0 of CHAR column A");
    assertError("CREATE TABLE t (a VARCHAR(0))", "22023", "length 0 of VARCHAR column A");
    assertError("CREATE TABLE t (a INT) PARTITIONS 0", "22023", "PARTITIONS 0 of table T");
    assertError("CREATE TABLE t (a INT) PARTITIONS 1025", "22023", "PARTITIONS 1025 of table T");
    assertError("CREATE TABLE t (a INT) PARTITIONS 2.5", "22023", "PARTITIONS 2.5 of table T");
    assertError("CREATE TABLE t (a INT, CONSTRAINT k UNIQUE (a), CONSTRAINT k UNIQUE (a, a2))", "42703", "A2");
    assertError("CREATE OR REPLACE TABLE t (a INT)", "0A000", "CREATE OR REPLACE TABLE");
    assertError("CREATE TABLE s.t (a INT)", "0A000", "qualified name S.T");
  }

  @Test
  void createView() {
    DdlCommand.CreateView command =
        (DdlCommand.CreateView) convert("CREATE VIEW v AS SELECT a, b FROM t1 WHERE a != 1");
    assertThat(command.orReplace()).isFalse();
    assertThat(command.view().name()).isEqualTo("V");
    assertThat(command.view().columnNames()).isEmpty();
    assertThat(validatedQueries).hasSize(1);
    // The stored text parses back to the same query.
    SqlNode reparsed = QuaverSqlParser.parse(command.view().sql());
    assertThat(reparsed.equalsDeep(validatedQueries.get(0), Litmus.IGNORE))
        .as(command.view().sql())
        .isTrue();

    DdlCommand.CreateView renamed =
        (DdlCommand.CreateView) convert("CREATE OR REPLACE VIEW v (x, y) AS SELECT a, b FROM t1");
    assertThat(renamed.orReplace()).isTrue();
    assertThat(renamed.view().columnNames()).containsExactly("X", "Y");
    DdlCommand.CreateView partly =
        (DdlCommand.CreateView) convert("CREATE VIEW v (x) AS SELECT a, b FROM t1");
    assertThat(partly.view().columnNames()).containsExactly("X", "B");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT t1.a AS x, COUNT(*) FROM t1 JOIN t2 ON t1.a = t2.b WHERE t1.c != 'it''s'"
            + " AND t1.d IN (SELECT e FROM t3) GROUP BY t1.a HAVING COUNT(*) > 1"
            + " ORDER BY 2 DESC LIMIT 2, 5",
        "SELECT CASE WHEN a > 1 THEN CAST(b AS VARCHAR(10)) ELSE 'x' END, DATE '2024-01-01',"
            + " a % 3, -a, x.\"MixedCase\" FROM t1 x LEFT JOIN t2 y USING (a)"
            + " WHERE NOT EXISTS (SELECT 1 FROM t3 WHERE t3.a = x.a)",
        "SELECT * FROM t1 UNION ALL SELECT * FROM t2 EXCEPT SELECT * FROM t3",
        "VALUES (1, 'a'), (2, 'b')",
        "WITH q AS (SELECT a FROM t1) SELECT a FROM q WHERE a BETWEEN 1 AND 3",
        "SELECT ALL a FROM t1 CROSS JOIN t2 ORDER BY a LIMIT 3 OFFSET 1",
      })
  void viewTextParsesBackToTheSameQuery(String query) {
    DdlCommand.CreateView command = (DdlCommand.CreateView) convert("CREATE VIEW v AS " + query);
    String text = command.view().sql();
    assertThat(text).doesNotContain("  ");
    assertThat(QuaverSqlParser.parse(text).equalsDeep(validatedQueries.get(0), Litmus.IGNORE))
        .as(text)
        .isTrue();
  }

  @Test
  void createViewErrors() {
    assertError("CREATE VIEW v (x, y, z) AS SELECT a, b FROM t1", "42601", "specifies 3 column names");
    assertError("CREATE VIEW v (b) AS SELECT a, b FROM t1", "42701", "column B specified more than once");
  }

  @Test
  void createIndex() {
    DdlCommand.CreateIndex command =
        (DdlCommand.CreateIndex) convert("CREATE UNIQUE INDEX IF NOT EXISTS i1 ON t1 (c DESC, b)");
    assertThat(command.tableName()).isEqualTo("T1");
    assertThat(command.index()).isEqualTo(new IndexDef("I1", List.of(2, 1), true));
    assertThat(command.ifNotExists()).isTrue();
    DdlCommand.CreateIndex plain = (DdlCommand.CreateIndex) convert("CREATE INDEX i2 ON t1 (a)");
    assertThat(plain.index()).isEqualTo(new IndexDef("I2", List.of(0), false));
    assertThat(plain.ifNotExists()).isFalse();
  }

  @Test
  void createIndexErrors() {
    assertError("CREATE INDEX i ON missing (a)", "42P01", "table MISSING does not exist");
    assertError("CREATE INDEX i ON v1 (a)", "42809", "V1");
    assertError("CREATE INDEX i ON t1 (a, zz)", "42703", "column ZZ of index I does not exist in table T1");
    assertError("CREATE OR REPLACE INDEX i ON t1 (a)", "0A000", "CREATE OR REPLACE INDEX");
  }

  @Test
  void drops() {
    assertThat(convert("DROP TABLE t1")).isEqualTo(new DdlCommand.DropTable("T1", false));
    assertThat(convert("DROP TABLE IF EXISTS \"t1\"")).isEqualTo(new DdlCommand.DropTable("t1", true));
    assertThat(convert("DROP VIEW IF EXISTS v")).isEqualTo(new DdlCommand.DropView("V", true));
    assertThat(convert("DROP INDEX i1")).isEqualTo(new DdlCommand.DropIndex("I1", false));
  }

  @Test
  void createTableKeepsIfNotExists() {
    DdlCommand.CreateTable command =
        (DdlCommand.CreateTable) convert("CREATE TABLE IF NOT EXISTS t (a INT)");
    assertThat(command.ifNotExists()).isTrue();
  }

  private TableDef createTable(String sql) {
    return ((DdlCommand.CreateTable) convert(sql)).table();
  }

  private DdlCommand convert(String sql) {
    return DdlConverter.convert(QuaverSqlParser.parse(sql), catalog, twoColumns);
  }

  private void assertError(String sql, String sqlState, String messagePart) {
    assertThatThrownBy(() -> convert(sql))
        .as(sql)
        .isInstanceOfSatisfying(
            QuaverException.class,
            e -> {
              assertThat(e.sqlState()).as(e.getMessage()).isEqualTo(sqlState);
              assertThat(e.getMessage()).contains(messagePart);
            });
  }
}
