package dev.quaver.planner.sql.dml;

import dev.quaver.storage.ConflictAction;
import java.util.Objects;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An INSERT whose rows resolve conflicts on the primary key or a UNIQUE index instead of failing:
 * {@code REPLACE INTO}, {@code INSERT OR REPLACE INTO}, {@code INSERT OR IGNORE INTO} (SQLite,
 * MySQL) or {@code INSERT INTO ... ON CONFLICT [(col, ...)] DO NOTHING} (PostgreSQL). It is a
 * Calcite {@link SqlInsert}, so it validates and converts like any INSERT; the planner then
 * puts {@link #action()} on the PhysicalInsert. {@link #conflictTarget()} is the ON CONFLICT
 * column list, or null.
 */
public final class SqlQuaverInsert extends SqlInsert {
  /** How the statement was written (for unparsing). */
  public enum Syntax {
    REPLACE_INTO("REPLACE INTO"),
    INSERT_OR_REPLACE("INSERT OR REPLACE INTO"),
    INSERT_OR_IGNORE("INSERT OR IGNORE INTO"),
    ON_CONFLICT_DO_NOTHING("INSERT INTO");

    private final String keywords;

    Syntax(String keywords) {
      this.keywords = keywords;
    }

    /** The conflict action this syntax asks for. */
    public ConflictAction action() {
      return this == REPLACE_INTO || this == INSERT_OR_REPLACE ? ConflictAction.REPLACE : ConflictAction.IGNORE;
    }
  }

  private final Syntax syntax;
  private final @Nullable SqlNodeList conflictTarget;

  public SqlQuaverInsert(SqlParserPos pos, SqlNodeList keywords, SqlNode targetTable, SqlNode source,
      @Nullable SqlNodeList columnList, Syntax syntax, @Nullable SqlNodeList conflictTarget) {
    super(pos, keywords, targetTable, source, columnList);
    this.syntax = Objects.requireNonNull(syntax, "syntax is null");
    this.conflictTarget = conflictTarget;
  }

  public Syntax syntax() {
    return syntax;
  }

  public ConflictAction action() {
    return syntax.action();
  }

  /** The columns of ON CONFLICT (...), or null when none are named (or another syntax). */
  public @Nullable SqlNodeList conflictTarget() {
    return conflictTarget;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT);
    writer.sep(syntax.keywords);
    int opLeft = getOperator().getLeftPrec();
    int opRight = getOperator().getRightPrec();
    getTargetTable().unparse(writer, opLeft, opRight);
    SqlNodeList columns = getTargetColumnList();
    if (columns != null) {
      columns.unparse(writer, opLeft, opRight);
    }
    writer.newlineAndIndent();
    getSource().unparse(writer, 0, 0);
    if (syntax == Syntax.ON_CONFLICT_DO_NOTHING) {
      writer.keyword("ON CONFLICT");
      if (conflictTarget != null) {
        SqlWriter.Frame target = writer.startList("(", ")");
        for (SqlNode column : conflictTarget) {
          writer.sep(",");
          column.unparse(writer, 0, 0);
        }
        writer.endList(target);
      }
      writer.keyword("DO NOTHING");
    }
    writer.endList(frame);
  }
}
