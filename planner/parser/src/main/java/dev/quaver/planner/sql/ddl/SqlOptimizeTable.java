package dev.quaver.planner.sql.ddl;

import java.util.Objects;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code OPTIMIZE TABLE name}: run the table's ETL now, moving the rows changed since its
 * watermark into columnar segments and merging small segments (docs/columnar.md).
 */
public final class SqlOptimizeTable extends SqlKeywordCommand<SqlIdentifier> {
  private static final SqlOperator OPERATOR = operator("OPTIMIZE TABLE", SqlKind.OTHER_DDL);

  public SqlOptimizeTable(SqlParserPos pos, SqlIdentifier table) {
    super(pos, OPERATOR, Objects.requireNonNull(table, "table is null"));
  }

  public SqlIdentifier table() {
    return Objects.requireNonNull(operand());
  }
}
