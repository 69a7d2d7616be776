package dev.quaver.planner.sql.ddl;

import java.util.Objects;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code EXPLAIN [ANALYZE] statement}: Quaver's EXPLAIN (plan with distributions, estimated rows
 * and cost; with ANALYZE, also run it and add actual rows and time). Calcite's
 * {@code EXPLAIN PLAN FOR} still parses to Calcite's own SqlExplain. Kind OTHER, not EXPLAIN, so
 * code that casts every EXPLAIN-kind node to SqlExplain does not break.
 */
public final class SqlQuaverExplain extends SqlKeywordCommand<SqlNode> {
  private static final SqlOperator OPERATOR = operator("EXPLAIN", SqlKind.OTHER);

  private final boolean analyze;

  public SqlQuaverExplain(SqlParserPos pos, boolean analyze, SqlNode statement) {
    super(pos, OPERATOR, Objects.requireNonNull(statement, "statement is null"));
    this.analyze = analyze;
  }

  /** True for EXPLAIN ANALYZE: the statement is executed. */
  public boolean isAnalyze() {
    return analyze;
  }

  /** The explained query, INSERT, UPDATE or DELETE. */
  public SqlNode statement() {
    return Objects.requireNonNull(operand());
  }

  @Override
  protected String keywords() {
    return analyze ? "EXPLAIN ANALYZE" : "EXPLAIN";
  }
}
