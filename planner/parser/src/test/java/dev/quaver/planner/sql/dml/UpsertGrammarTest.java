package dev.quaver.planner.sql.dml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.sql.QuaverSqlParser;
import dev.quaver.storage.ConflictAction;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The grammar of includes/upsertImpls.ftl and the empty IN list patch. */
class UpsertGrammarTest {
  @Test
  void conflictSyntaxesBecomeSqlQuaverInsert() {
    assertInsert("REPLACE INTO t1 VALUES (2, 'replace')", SqlQuaverInsert.Syntax.REPLACE_INTO,
        ConflictAction.REPLACE);
    assertInsert("INSERT OR REPLACE INTO t1 (x, y) VALUES (2, 'r')",
        SqlQuaverInsert.Syntax.INSERT_OR_REPLACE, ConflictAction.REPLACE);
    assertInsert("insert or ignore into t1 select * from t2", SqlQuaverInsert.Syntax.INSERT_OR_IGNORE,
        ConflictAction.IGNORE);
    SqlQuaverInsert onConflict = assertInsert("INSERT INTO t1 VALUES (1, 2) ON CONFLICT (x, y) DO NOTHING",
        SqlQuaverInsert.Syntax.ON_CONFLICT_DO_NOTHING, ConflictAction.IGNORE);
    assertThat(onConflict.conflictTarget().toString()).isEqualTo("`X`, `Y`");
    SqlQuaverInsert anyConflict = assertInsert("INSERT INTO t1 SELECT a, b FROM t2 ON CONFLICT DO NOTHING",
        SqlQuaverInsert.Syntax.ON_CONFLICT_DO_NOTHING, ConflictAction.IGNORE);
    assertThat(anyConflict.conflictTarget()).isNull();
  }

  @Test
  void plainInsertIsStillCalcitesSqlInsert() {
    SqlNode node = QuaverSqlParser.parse("INSERT INTO t1 (a, b) SELECT c, d FROM t2");
    assertThat(node.getClass()).isEqualTo(SqlInsert.class);
    assertThat(((SqlInsert) node).getTargetColumnList()).hasSize(2);
    assertThat(QuaverSqlParser.parse("INSERT INTO t1 VALUES (1)").getClass()).isEqualTo(SqlInsert.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "REPLACE INTO t1 VALUES (2, 'replace')",
      "INSERT OR REPLACE INTO t1 (x, y) VALUES (2, 'r'), (3, 's')",
      "INSERT OR IGNORE INTO t1 SELECT * FROM t2 WHERE a > 1",
      "INSERT INTO t1 VALUES (1, 2) ON CONFLICT (x, y) DO NOTHING",
      "INSERT INTO t1 VALUES (1, 2) ON CONFLICT DO NOTHING",
      "REINDEX",
      "REINDEX t1i1",
      "REINDEX INDEX t1i1",
      "REINDEX TABLE t1",
      "SELECT 1 FROM t1 WHERE a IN () OR b NOT IN () AND c IN (1, 2)",
  })
  void unparsedStatementParsesBackToTheSameTree(String sql) {
    SqlNode node = QuaverSqlParser.parse(sql);
    String unparsed = node.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
    SqlNode again = QuaverSqlParser.parse(unparsed);
    assertThat(again.equalsDeep(node, Litmus.IGNORE)).as("%s%n  unparsed as%n%s", sql, unparsed).isTrue();
    if (node instanceof SqlQuaverInsert insert) {
      assertThat(((SqlQuaverInsert) again).syntax()).isEqualTo(insert.syntax());
    }
    if (node instanceof SqlQuaverReindex reindex) {
      assertThat(((SqlQuaverReindex) again).target()).isEqualTo(reindex.target());
    }
  }

  @Test
  void reindexNamesAnIndexATableOrNothing() {
    assertThat(((SqlQuaverReindex) QuaverSqlParser.parse("REINDEX")).name()).isNull();
    SqlQuaverReindex any = (SqlQuaverReindex) QuaverSqlParser.parse("reindex t1i1");
    assertThat(any.target()).isEqualTo(SqlQuaverReindex.Target.ANY);
    assertThat(any.name().getSimple()).isEqualTo("T1I1");
    assertThat(((SqlQuaverReindex) QuaverSqlParser.parse("REINDEX INDEX i")).target())
        .isEqualTo(SqlQuaverReindex.Target.INDEX);
    assertThat(((SqlQuaverReindex) QuaverSqlParser.parse("REINDEX TABLE t")).target())
        .isEqualTo(SqlQuaverReindex.Target.TABLE);
    // INDEX is non-reserved: alone it is the name of an index or table.
    SqlQuaverReindex named = (SqlQuaverReindex) QuaverSqlParser.parse("REINDEX index");
    assertThat(named.target()).isEqualTo(SqlQuaverReindex.Target.ANY);
    assertThat(named.name().getSimple()).isEqualTo("INDEX");
  }

  @Test
  void emptyInListUsesTheEmptyInOperatorWithInsPrecedence() {
    SqlSelect select = (SqlSelect) QuaverSqlParser.parse("SELECT 1 FROM t1 WHERE a + 1 IN ( )");
    SqlBasicCall in = (SqlBasicCall) select.getWhere();
    assertThat(in.getOperator()).isSameAs(SqlEmptyInOperator.IN);
    assertThat(in.operand(0).getKind()).isEqualTo(SqlKind.PLUS);
    assertThat((SqlNode) in.operand(1)).isInstanceOf(SqlNodeList.class);
    select = (SqlSelect) QuaverSqlParser.parse("SELECT 1 FROM t1 WHERE NULL NOT IN () AND b IN (1)");
    SqlBasicCall and = (SqlBasicCall) select.getWhere();
    assertThat(((SqlBasicCall) and.operand(0)).getOperator()).isSameAs(SqlEmptyInOperator.NOT_IN);
    assertThat(((SqlBasicCall) and.operand(1)).getKind()).isEqualTo(SqlKind.IN);
  }

  @Test
  void emptyListIsOnlyForInAndConflictClausesDoNotMix() {
    assertSyntaxError("SELECT 1 FROM t1 WHERE a = ANY ()");
    assertSyntaxError("INSERT OR IGNORE INTO t1 VALUES (1) ON CONFLICT DO NOTHING");
    assertSyntaxError("INSERT OR UPDATE INTO t1 VALUES (1)");
    assertSyntaxError("INSERT INTO t1 VALUES (1) ON CONFLICT (x)");
  }

  @Test
  void newKeywordsRemainUsableAsIdentifiers() {
    SqlSelect select = (SqlSelect) QuaverSqlParser.parse("SELECT conflict, do, nothing, reindex FROM reindex");
    assertThat(select.getSelectList().toString()).isEqualTo("`CONFLICT`, `DO`, `NOTHING`, `REINDEX`");
  }

  private static SqlQuaverInsert assertInsert(String sql, SqlQuaverInsert.Syntax syntax, ConflictAction action) {
    SqlNode node = QuaverSqlParser.parse(sql);
    assertThat(node).isInstanceOf(SqlQuaverInsert.class);
    assertThat(node.getKind()).isEqualTo(SqlKind.INSERT);
    SqlQuaverInsert insert = (SqlQuaverInsert) node;
    assertThat(insert.syntax()).isEqualTo(syntax);
    assertThat(insert.action()).isEqualTo(action);
    return insert;
  }

  private static void assertSyntaxError(String sql) {
    assertThatThrownBy(() -> QuaverSqlParser.parse(sql)).as(sql).isInstanceOfSatisfying(QuaverException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR));
  }
}
