package dev.quaver.planner.sql.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A command that is keywords followed by at most one operand ({@code OPTIMIZE TABLE t},
 * {@code ANALYZE [t]}, {@code SHOW name | ALL}, {@code REINDEX [INDEX | TABLE] [name]},
 * {@code EXPLAIN [ANALYZE] statement}). The operator, the one-element operand list (its element
 * null when the operand is absent) and the unparsing live here once; a subclass names its
 * operator and, when they vary, the keywords it writes.
 *
 * @param <T> the operand's node type
 */
public abstract class SqlKeywordCommand<T extends SqlNode> extends SqlCall {
  private final SqlOperator operator;
  private final @Nullable T operand;

  protected SqlKeywordCommand(SqlParserPos pos, SqlOperator operator, @Nullable T operand) {
    super(pos);
    this.operator = operator;
    this.operand = operand;
  }

  /** The operator of a command whose keywords are {@code name}. */
  protected static SqlOperator operator(String name, SqlKind kind) {
    return new SqlSpecialOperator(name, kind);
  }

  /** The operand, or null when the command has none. */
  protected final @Nullable T operand() {
    return operand;
  }

  /** The keywords written before the operand; the operator's name unless a subclass varies them. */
  protected String keywords() {
    return operator.getName();
  }

  @Override
  public final SqlOperator getOperator() {
    return operator;
  }

  @Override
  public final List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(operand);
  }

  @Override
  public final void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(keywords());
    if (operand != null) {
      operand.unparse(writer, 0, 0);
    }
  }
}
