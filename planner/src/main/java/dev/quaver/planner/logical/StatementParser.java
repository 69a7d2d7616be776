package dev.quaver.planner.logical;

import dev.quaver.planner.sql.QuaverSqlParser;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Parses one statement with planner/parser's QuaverSqlParser (Calcite's grammar plus Quaver's
 * DDL; parse errors are already SYNTAX_ERROR with a position). The validator uses the same
 * conformance as the parser. Immutable.
 */
public final class StatementParser {
  private StatementParser() {}

  public static SqlParser.Config config() {
    return QuaverSqlParser.config();
  }

  public static SqlNode parse(String sql) {
    return QuaverSqlParser.parse(sql);
  }
}
