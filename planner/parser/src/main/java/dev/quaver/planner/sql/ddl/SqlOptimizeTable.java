package dev.quaver.planner.sql.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code OPTIMIZE TABLE name}: run the table's ETL now, moving the rows changed since its
 * watermark into columnar segments and merging small segments (docs/columnar.md).
 */
public final class SqlOptimizeTable extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("OPTIMIZE TABLE", SqlKind.OTHER_DDL);

  private final SqlIdentifier table;

  public SqlOptimizeTable(SqlParserPos pos, SqlIdentifier table) {
    super(pos);
    this.table = Objects.requireNonNull(table, "table is null");
  }

  public SqlIdentifier table() {
    return table;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(table);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("OPTIMIZE TABLE");
    table.unparse(writer, 0, 0);
  }
}
