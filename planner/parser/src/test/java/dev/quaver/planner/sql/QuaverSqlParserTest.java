package dev.quaver.planner.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuaverSqlParserTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT a, b FROM t1 JOIN t2 ON t1.a = t2.b LEFT JOIN t3 USING (c) WHERE a > 1",
        "SELECT * FROM t1, t2 CROSS JOIN t3 WHERE t1.a = t2.b",
        "SELECT a FROM t1 WHERE a IN (SELECT b FROM t2) AND EXISTS (SELECT 1 FROM t3)",
        "SELECT (SELECT MAX(b) FROM t2 WHERE t2.b < t1.a) FROM t1",
        "SELECT a FROM t1 UNION SELECT b FROM t2 UNION ALL SELECT c FROM t3 EXCEPT SELECT 1",
        "SELECT a FROM t1 ORDER BY a DESC LIMIT 10 OFFSET 5",
        "SELECT a FROM t1 LIMIT 5, 10",
        "SELECT a FROM t1 WHERE a != 3 AND b <> 4",
        "SELECT CASE WHEN a > 1 THEN 'x' WHEN a IS NULL THEN 'n' ELSE 'y' END FROM t1",
        "SELECT CASE a WHEN 1 THEN 2 END, CAST(a AS VARCHAR(10)), CAST(b AS DECIMAL(10, 2)) FROM t",
        "SELECT a % 3, -a, +b, ABS(c), COALESCE(a, b), NULLIF(a, 0) FROM t1",
        "SELECT COUNT(*), COUNT(DISTINCT a), SUM(b) FROM t1 GROUP BY c HAVING COUNT(*) > 1",
        "SELECT a FROM t1 WHERE b NOT BETWEEN 1 AND 2 AND c LIKE 'a%' AND d IS NOT NULL",
        "WITH x AS (SELECT 1 AS c1) SELECT c1 FROM x",
        "SELECT DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:05', TIME '01:02:03'",
        "SELECT \"quoted Name\" FROM \"Mixed\"",
        "INSERT INTO t1 VALUES (1, 'a'), (2, 'b'), (3, NULL)",
        "INSERT INTO t1 (a, b) SELECT c, d FROM t2",
        "UPDATE t1 SET a = a + 1, b = 'x' WHERE c = 2",
        "DELETE FROM t1 WHERE a IS NULL",
        "EXPLAIN PLAN FOR SELECT * FROM t1",
        "SELECT 1",
      })
  void standardStatementsStillParse(String sql) {
    assertThat(QuaverSqlParser.parse(sql)).isNotNull();
  }

  @Test
  void newKeywordsRemainUsableAsIdentifiers() {
    SqlSelect select =
        (SqlSelect)
            QuaverSqlParser.parse(
                "SELECT partitions, hash, if, index, analyze, distributed FROM partitions");
    assertThat(select.getSelectList().toString())
        .isEqualTo("`PARTITIONS`, `HASH`, `IF`, `INDEX`, `ANALYZE`, `DISTRIBUTED`");
  }

  @Test
  void unquotedIdentifiersAreFoldedToUpperCaseAndQuotedOnesKept() {
    SqlSelect select = (SqlSelect) QuaverSqlParser.parse("select a, \"b\" from \"T1\"");
    assertThat(select.getSelectList().toString()).isEqualTo("`A`, `b`");
    assertThat(((SqlIdentifier) select.getFrom()).getSimple())
        .isEqualTo("T1");
  }

  @Test
  void trailingSemicolonIsTolerated() {
    assertThat(QuaverSqlParser.parse("SELECT 1;").getKind()).isEqualTo(SqlKind.SELECT);
  }

  @Test
  void parseListReturnsEveryStatement() {
    SqlNodeList statements =
        QuaverSqlParser.parseList("CREATE TABLE t (a INT); INSERT INTO t VALUES (1); SELECT a FROM t;");
    assertThat(statements).extracting(SqlNode::getKind)
        .containsExactly(SqlKind.CREATE_TABLE, SqlKind.INSERT, SqlKind.SELECT);
  }

  @Test
  void twoStatementsAreRejectedByParse() {
    assertSyntaxError("SELECT 1; SELECT 2", "expected one statement, found 2", 11);
  }

  @Test
  void emptyTextIsASyntaxError() {
    assertSyntaxError("  ", "empty statement", 1);
  }

  @Test
  void syntaxErrorNamesTheTokenAndItsPosition() {
    assertSyntaxError("SELECT * FROM t1 WHERE", "syntax error at end of input", 23);
    assertSyntaxError("SELECT a, FROM t1", "syntax error at or near \"FROM\"", 11);
    assertSyntaxError("SELECT a FROM t1 WHERE a = 1 1", "syntax error at or near \"1\"", 30);
  }

  @Test
  void positionCountsCharactersAcrossLines() {
    // "FORM t" parses as an alias; the error is at "t" on line 2 (LF) or line 3 (CRLF).
    assertSyntaxError("SELECT *\nFORM t", "syntax error at or near \"t\"", 15);
    assertSyntaxError("SELECT *\r\n\r\nFORM t", "syntax error at or near \"t\"", 18);
    assertSyntaxError("SELECT *\r\tFROM t WHERE  ", "syntax error at end of input", 25);
  }

  @Test
  void fewExpectedTokensAreListed() {
    assertThatThrownBy(() -> QuaverSqlParser.parse("DROP SEQUENCE s"))
        .isInstanceOfSatisfying(
            QuaverException.class,
            e -> assertThat(e.getMessage())
                .isEqualTo(
                    "syntax error at or near \"SEQUENCE\"; expected one of \"INDEX\", \"TABLE\","
                        + " \"TRIGGER\", \"VIEW\""));
  }

  @Test
  void lexicalErrorIsASyntaxError() {
    assertThatThrownBy(() -> QuaverSqlParser.parse("SELECT 'unterminated"))
        .isInstanceOfSatisfying(
            QuaverException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
              assertThat(e.getMessage()).doesNotContain("\n");
            });
  }

  @Test
  void parseExpression() {
    assertThat(QuaverSqlParser.parseExpression("-1").toString()).isEqualTo("-1");
    // Calcite parses a niladic function as an identifier; the validator resolves it.
    assertThat(QuaverSqlParser.parseExpression("CURRENT_TIMESTAMP").toString())
        .isEqualTo("CURRENT_TIMESTAMP");
    assertThatThrownBy(() -> QuaverSqlParser.parseExpression("(1"))
        .isInstanceOfSatisfying(
            QuaverException.class,
            e -> {
              assertThat(e.sqlState()).isEqualTo("42601");
              assertThat(e.getMessage()).startsWith("syntax error at end of input");
              assertThat(e.position()).isEqualTo(3);
            });
  }

  @Test
  void offsetMapsLineAndColumn() {
    assertThat(QuaverSqlParser.offset("abc", 1, 1)).isEqualTo(1);
    assertThat(QuaverSqlParser.offset("ab\ncd", 2, 2)).isEqualTo(5);
    assertThat(QuaverSqlParser.offset("ab\r\ncd", 2, 1)).isEqualTo(5);
    assertThat(QuaverSqlParser.offset("ab\rcd", 2, 1)).isEqualTo(4);
    assertThat(QuaverSqlParser.offset("ab", 0, 0)).isEqualTo(0);
  }

  static void assertSyntaxError(String sql, String message, int position) {
    assertThatThrownBy(() -> QuaverSqlParser.parse(sql))
        .isInstanceOfSatisfying(
            QuaverException.class,
            e -> {
              assertThat(e.sqlState()).isEqualTo("42601");
              assertThat(e.getMessage()).startsWith(message);
              assertThat(e.position()).isEqualTo(position);
            });
  }
}
