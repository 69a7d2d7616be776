package dev.quaver.planner.sql.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.QuaverException;
import dev.quaver.planner.sql.QuaverSqlParser;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DdlGrammarTest {

  @Test
  void createTableWithEveryClause() {
    SqlCreateQuaverTable create =
        (SqlCreateQuaverTable)
            QuaverSqlParser.parse(
                "CREATE TABLE IF NOT EXISTS orders ("
                    + " id BIGINT PRIMARY KEY,"
                    + " customer INT NOT NULL DEFAULT 0 UNIQUE,"
                    + " note VARCHAR(20) NULL,"
                    + " CONSTRAINT c1 UNIQUE (customer, note)"
                    + ") DISTRIBUTED BY HASH (id) PARTITIONS 8");
    assertThat(create.getKind()).isEqualTo(SqlKind.CREATE_TABLE);
    assertThat(create.ifNotExists).isTrue();
    assertThat(create.name().getSimple()).isEqualTo("ORDERS");
    assertThat(create.elements()).hasSize(4);
    SqlColumnDeclaration customer = (SqlColumnDeclaration) create.elements().get(1);
    assertThat(customer.name().getSimple()).isEqualTo("CUSTOMER");
    assertThat(customer.nullable()).isFalse();
    assertThat(customer.defaultValue()).hasToString("0");
    assertThat(customer.isUnique()).isTrue();
    assertThat(customer.isPrimaryKey()).isFalse();
    assertThat(((SqlColumnDeclaration) create.elements().get(0)).isPrimaryKey()).isTrue();
    assertThat(((SqlColumnDeclaration) create.elements().get(2)).nullable()).isTrue();
    SqlTableConstraint unique = (SqlTableConstraint) create.elements().get(3);
    assertThat(unique.name().getSimple()).isEqualTo("C1");
    assertThat(unique.isPrimaryKey()).isFalse();
    assertThat(unique.columns()).hasSize(2);
    assertThat(create.distributedBy()).hasSize(1);
    assertThat(create.partitions().intValue(true)).isEqualTo(8);
  }

  @Test
  void sqliteStyleCreateTable() {
    SqlCreateQuaverTable create =
        (SqlCreateQuaverTable)
            QuaverSqlParser.parse("CREATE TABLE t1(a INTEGER, b VARCHAR(30), c TEXT, x INTEGER PRIMARY KEY)");
    assertThat(create.elements()).hasSize(4);
    assertThat(create.distributedBy()).isNull();
    assertThat(create.partitions()).isNull();
  }

  @Test
  void constraintsOfAColumnMayComeInAnyOrder() {
    SqlColumnDeclaration column =
        (SqlColumnDeclaration)
            ((SqlCreateQuaverTable)
                    QuaverSqlParser.parse("CREATE TABLE t (a INT UNIQUE PRIMARY KEY DEFAULT -1 NOT NULL)"))
                .elements()
                .get(0);
    assertThat(column.isUnique()).isTrue();
    assertThat(column.isPrimaryKey()).isTrue();
    assertThat(column.defaultValue()).hasToString("-1");
    assertThat(column.nullable()).isFalse();
  }

  @Test
  void conflictingNullabilityIsASyntaxErrorAtTheColumn() {
    assertThatThrownBy(() -> QuaverSqlParser.parse("CREATE TABLE t (a INT, b INT NULL NOT NULL)"))
        .isInstanceOfSatisfying(
            QuaverException.class,
            e -> {
              assertThat(e.sqlState()).isEqualTo("42601");
              assertThat(e.getMessage()).contains("conflicting NULL/NOT NULL").contains("B");
              assertThat(e.position()).isEqualTo(24);
            });
  }

  @Test
  void createViewIndexAndDrops() {
    SqlCreateQuaverView view =
        (SqlCreateQuaverView) QuaverSqlParser.parse("CREATE OR REPLACE VIEW v (x, y) AS SELECT a, b FROM t");
    assertThat(view.getReplace()).isTrue();
    assertThat(view.columns()).hasSize(2);
    assertThat(view.query().getKind()).isEqualTo(SqlKind.SELECT);

    SqlCreateQuaverIndex index =
        (SqlCreateQuaverIndex)
            QuaverSqlParser.parse("CREATE UNIQUE INDEX IF NOT EXISTS i ON t (a DESC, b ASC, c)");
    assertThat(index.isUnique()).isTrue();
    assertThat(index.ifNotExists).isTrue();
    assertThat(index.table().getSimple()).isEqualTo("T");
    assertThat(index.columns().get(0).getKind()).isEqualTo(SqlKind.DESCENDING);
    assertThat(index.columns().get(1).getKind()).isEqualTo(SqlKind.IDENTIFIER);

    assertDrop("DROP TABLE IF EXISTS t", SqlDropQuaverObject.ObjectType.TABLE, true);
    assertDrop("DROP VIEW v", SqlDropQuaverObject.ObjectType.VIEW, false);
    assertDrop("DROP INDEX IF EXISTS i", SqlDropQuaverObject.ObjectType.INDEX, true);
  }

  @Test
  void transactionsAndAnalyze() {
    assertThat(action("BEGIN")).isEqualTo(SqlTransactionControl.Action.BEGIN);
    assertThat(action("BEGIN TRANSACTION")).isEqualTo(SqlTransactionControl.Action.BEGIN);
    assertThat(action("START TRANSACTION")).isEqualTo(SqlTransactionControl.Action.BEGIN);
    assertThat(action("COMMIT WORK")).isEqualTo(SqlTransactionControl.Action.COMMIT);
    assertThat(action("ROLLBACK;")).isEqualTo(SqlTransactionControl.Action.ROLLBACK);
    assertThat(((SqlAnalyzeTable) QuaverSqlParser.parse("ANALYZE")).table()).isNull();
    assertThat(((SqlAnalyzeTable) QuaverSqlParser.parse("ANALYZE t1")).table().getSimple())
        .isEqualTo("T1");
  }

  @Test
  void explainAndExplainAnalyze() {
    SqlQuaverExplain explain = (SqlQuaverExplain) QuaverSqlParser.parse("EXPLAIN SELECT a FROM t");
    assertThat(explain.isAnalyze()).isFalse();
    assertThat(explain.statement().getKind()).isEqualTo(SqlKind.SELECT);
    SqlQuaverExplain analyze =
        (SqlQuaverExplain) QuaverSqlParser.parse("EXPLAIN ANALYZE INSERT INTO t VALUES (1), (2)");
    assertThat(analyze.isAnalyze()).isTrue();
    assertThat(analyze.statement().getKind()).isEqualTo(SqlKind.INSERT);
    assertThat(QuaverSqlParser.parse("EXPLAIN (SELECT 1) UNION SELECT 2 ORDER BY 1 LIMIT 1"))
        .isInstanceOf(SqlQuaverExplain.class);
    assertThat(QuaverSqlParser.parse("EXPLAIN UPDATE t SET a = 1"))
        .isInstanceOf(SqlQuaverExplain.class);
    assertThat(QuaverSqlParser.parse("EXPLAIN ANALYZE DELETE FROM t WHERE a = 1"))
        .isInstanceOf(SqlQuaverExplain.class);
    // Calcite's own form still parses to Calcite's node.
    assertThat(QuaverSqlParser.parse("EXPLAIN PLAN FOR SELECT 1"))
        .isInstanceOf(SqlExplain.class);
    assertThat(QuaverSqlParser.parse("EXPLAIN PLAN AS JSON FOR SELECT 1"))
        .isInstanceOf(SqlExplain.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "EXPLAIN SELECT a FROM t WHERE b = 1",
        "EXPLAIN ANALYZE SELECT a FROM t ORDER BY a LIMIT 1",
        "EXPLAIN ANALYZE DELETE FROM t",
        "CREATE TABLE IF NOT EXISTS t (a INT PRIMARY KEY, b VARCHAR(3) NOT NULL DEFAULT 'x' UNIQUE,"
            + " c DECIMAL(5, 2) DEFAULT -1.5, d TEXT, e DOUBLE DEFAULT (1 + 2), f TIMESTAMP DEFAULT"
            + " CURRENT_TIMESTAMP, CONSTRAINT k UNIQUE (b, c), PRIMARY KEY (a))"
            + " DISTRIBUTED BY HASH (a) PARTITIONS 16",
        "CREATE TABLE t (a CHAR(2) NULL, b DATE DEFAULT DATE '2024-01-01')",
        "CREATE OR REPLACE VIEW v (x) AS SELECT a FROM t WHERE a != 1 ORDER BY a LIMIT 3",
        "CREATE VIEW v AS SELECT * FROM t UNION SELECT * FROM u",
        "CREATE UNIQUE INDEX IF NOT EXISTS i ON t (a DESC, b)",
        "CREATE INDEX i ON t (a)",
        "DROP TABLE IF EXISTS t",
        "DROP VIEW v",
        "DROP INDEX i",
        "BEGIN",
        "COMMIT",
        "ROLLBACK",
        "ANALYZE t",
      })
  void unparsedStatementParsesBackToTheSameTree(String sql) {
    SqlNode node = QuaverSqlParser.parse(sql);
    String unparsed = node.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
    SqlNode again = QuaverSqlParser.parse(unparsed);
    assertThat(again.equalsDeep(node, Litmus.IGNORE))
        .as("%s%n  unparsed as%n%s", sql, unparsed)
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE TABLE t ()",
        "CREATE TABLE t (a)",
        "CREATE TABLE t (a INT,)",
        "CREATE TABLE t (a INT) DISTRIBUTED BY (a)",
        "CREATE TABLE t (a INT) PARTITIONS -1",
        "CREATE INDEX i ON t ()",
        "CREATE INDEX ON t (a)",
        "CREATE VIEW v",
        "DROP TABLE",
        "EXPLAIN",
        "EXPLAIN ANALYZE",
        "ANALYZE t u",
      })
  void malformedDdlIsASyntaxError(String sql) {
    assertThatThrownBy(() -> QuaverSqlParser.parse(sql))
        .isInstanceOfSatisfying(
            QuaverException.class, e -> assertThat(e.sqlState()).isEqualTo("42601"));
  }

  private static SqlTransactionControl.Action action(String sql) {
    return ((SqlTransactionControl) QuaverSqlParser.parse(sql)).action();
  }

  private static void assertDrop(
      String sql, SqlDropQuaverObject.ObjectType type, boolean ifExists) {
    SqlDropQuaverObject drop = (SqlDropQuaverObject) QuaverSqlParser.parse(sql);
    assertThat(drop.objectType()).isEqualTo(type);
    assertThat(drop.ifExists).isEqualTo(ifExists);
  }
}
