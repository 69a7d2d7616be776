package dev.quaver.planner.logical;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Parses one statement. TODO(#2): delegate to planner/parser's QuaverSqlParser (Quaver's DDL
 * grammar) once it lands; until then stock Calcite parses queries and DML. Immutable.
 */
public final class StatementParser {
  private static final SqlParser.Config CONFIG = SqlParser.config()
      .withConformance(SqlConformanceEnum.LENIENT);

  private StatementParser() {}

  public static SqlParser.Config config() {
    return CONFIG;
  }

  public static SqlNode parse(String sql) throws SqlParseException {
    return SqlParser.create(sql, CONFIG).parseStmt();
  }
}
