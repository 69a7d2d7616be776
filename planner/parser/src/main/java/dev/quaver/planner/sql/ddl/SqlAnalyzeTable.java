package dev.quaver.planner.sql.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code ANALYZE [table]}: recompute statistics of one table, or of all when no table is named.
 * Parsed only so far. TODO(#13): run ANALYZE through the storage statistics.
 */
public final class SqlAnalyzeTable extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("ANALYZE", SqlKind.OTHER);

  private final @Nullable SqlIdentifier table;

  public SqlAnalyzeTable(SqlParserPos pos, @Nullable SqlIdentifier table) {
    super(pos);
    this.table = table;
  }

  /** The table to analyze, or null for all tables. */
  public @Nullable SqlIdentifier table() {
    return table;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(table);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ANALYZE");
    if (table != null) {
      table.unparse(writer, 0, 0);
    }
  }
}
