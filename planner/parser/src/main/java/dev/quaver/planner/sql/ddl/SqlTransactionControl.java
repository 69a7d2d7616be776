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
 * BEGIN [WORK | TRANSACTION] (or START TRANSACTION), COMMIT and ROLLBACK. Parsed only so far: the
 * session layer decides what they do. TODO(#12): transaction semantics in the server.
 */
public final class SqlTransactionControl extends SqlCall {
  /** The transaction statement; its operator's kind is OTHER, COMMIT or ROLLBACK. */
  public enum Action {
    BEGIN(SqlKind.OTHER),
    COMMIT(SqlKind.COMMIT),
    ROLLBACK(SqlKind.ROLLBACK);

    private final SqlOperator operator;

    Action(SqlKind kind) {
      this.operator = new SqlSpecialOperator(name(), kind);
    }
  }

  private final Action action;

  public SqlTransactionControl(SqlParserPos pos, Action action) {
    super(pos);
    this.action = Objects.requireNonNull(action, "action is null");
  }

  public Action action() {
    return action;
  }

  @Override
  public SqlOperator getOperator() {
    return action.operator;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(action.name());
  }
}
