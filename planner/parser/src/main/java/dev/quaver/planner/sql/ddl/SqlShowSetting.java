package dev.quaver.planner.sql.ddl;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code SHOW name} or {@code SHOW ALL}: the current value of one session setting, or of all.
 * Not planned: the session answers it (dev.quaver.planner.SettingCommand).
 */
public final class SqlShowSetting extends SqlKeywordCommand<SqlIdentifier> {
  private static final SqlOperator OPERATOR = operator("SHOW", SqlKind.OTHER);

  public SqlShowSetting(SqlParserPos pos, @Nullable SqlIdentifier name) {
    super(pos, OPERATOR, name);
  }

  /** The setting to show, or null for SHOW ALL. */
  public @Nullable SqlIdentifier name() {
    return operand();
  }

  @Override
  protected String keywords() {
    return operand() == null ? "SHOW ALL" : "SHOW";
  }
}
