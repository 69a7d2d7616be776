package dev.quaver.planner.sql.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code EXPLAIN [ANALYZE] statement}: Quaver's EXPLAIN (plan with distributions, estimated rows
 * and cost; with ANALYZE, also run it and add actual rows and time). Calcite's
 * {@code EXPLAIN PLAN FOR} still parses to Calcite's own SqlExplain. Kind OTHER, not EXPLAIN, so
 * code that casts every EXPLAIN-kind node to SqlExplain does not break.
 */
public final class SqlQuaverExplain extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("EXPLAIN", SqlKind.OTHER);

  private final boolean analyze;
  private final SqlNode statement;

  public SqlQuaverExplain(SqlParserPos pos, boolean analyze, SqlNode statement) {
    super(pos);
    this.analyze = analyze;
    this.statement = Objects.requireNonNull(statement, "statement is null");
  }

  /** True for EXPLAIN ANALYZE: the statement is executed. */
  public boolean isAnalyze() {
    return analyze;
  }

  /** The explained query, INSERT, UPDATE or DELETE. */
  public SqlNode statement() {
    return statement;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(statement);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(analyze ? "EXPLAIN ANALYZE" : "EXPLAIN");
    statement.unparse(writer, 0, 0);
  }
}
