package dev.quaver.planner.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the operator, kind, operand count and unparsed text of the keyword commands (OPTIMIZE
 * TABLE, ANALYZE, SHOW, REINDEX, EXPLAIN), which share one base class: the values are what each
 * class produced on its own before they did.
 */
class SqlKeywordCommandTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "OPTIMIZE TABLE t | OPTIMIZE TABLE | OTHER_DDL | 1 | OPTIMIZE TABLE \"T\"",
        "ANALYZE | ANALYZE | OTHER | 1 | ANALYZE",
        "ANALYZE t | ANALYZE | OTHER | 1 | ANALYZE \"T\"",
        "SHOW ALL | SHOW | OTHER | 1 | SHOW ALL",
        "SHOW x | SHOW | OTHER | 1 | SHOW \"X\"",
        "REINDEX | REINDEX | OTHER | 1 | REINDEX",
        "REINDEX t | REINDEX | OTHER | 1 | REINDEX \"T\"",
        "REINDEX INDEX i | REINDEX | OTHER | 1 | REINDEX INDEX \"I\"",
        "REINDEX TABLE t | REINDEX | OTHER | 1 | REINDEX TABLE \"T\"",
        "EXPLAIN SELECT 1 | EXPLAIN | OTHER | 1 | EXPLAIN SELECT 1",
        "EXPLAIN ANALYZE SELECT a FROM t | EXPLAIN | OTHER | 1 | EXPLAIN ANALYZE SELECT \"A\" FROM \"T\"",
      })
  void operatorKindOperandsAndUnparse(
      String sql, String operator, SqlKind kind, int operands, String unparsed) {
    SqlCall call = (SqlCall) QuaverSqlParser.parse(sql);
    assertThat(call.getOperator().getName()).isEqualTo(operator);
    assertThat(call.getKind()).isEqualTo(kind);
    assertThat(call.getOperandList()).hasSize(operands);
    assertThat(call.toSqlString(CalciteSqlDialect.DEFAULT).getSql().replaceAll("\\s+", " "))
        .isEqualTo(unparsed);
  }
}
