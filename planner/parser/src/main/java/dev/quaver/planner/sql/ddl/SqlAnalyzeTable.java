package dev.quaver.planner.sql.ddl;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code ANALYZE [table]}: recompute statistics of one table, or of all when no table is named.
 * Parsed only so far. TODO(#13): run ANALYZE through the storage statistics.
 */
public final class SqlAnalyzeTable extends SqlKeywordCommand<SqlIdentifier> {
  private static final SqlOperator OPERATOR = operator("ANALYZE", SqlKind.OTHER);

  public SqlAnalyzeTable(SqlParserPos pos, @Nullable SqlIdentifier table) {
    super(pos, OPERATOR, table);
  }

  /** The table to analyze, or null for all tables. */
  public @Nullable SqlIdentifier table() {
    return operand();
  }
}
