package dev.quaver.planner.sql.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A table-level key in CREATE TABLE: {@code [CONSTRAINT name] PRIMARY KEY | UNIQUE (cols)}. */
public final class SqlTableConstraint extends SqlCall {
  private static final SqlOperator PRIMARY_KEY =
      new SqlSpecialOperator("PRIMARY KEY", SqlKind.PRIMARY_KEY);
  private static final SqlOperator UNIQUE = new SqlSpecialOperator("UNIQUE", SqlKind.UNIQUE);

  private final @Nullable SqlIdentifier name;
  private final boolean primaryKey;
  private final SqlNodeList columns;

  public SqlTableConstraint(
      SqlParserPos pos, @Nullable SqlIdentifier name, boolean primaryKey, SqlNodeList columns) {
    super(pos);
    this.name = name;
    this.primaryKey = primaryKey;
    this.columns = Objects.requireNonNull(columns, "columns is null");
  }

  /** The CONSTRAINT name, or null when the statement gives none. */
  public @Nullable SqlIdentifier name() {
    return name;
  }

  /** True for PRIMARY KEY, false for UNIQUE. */
  public boolean isPrimaryKey() {
    return primaryKey;
  }

  /** The key's columns, each a simple SqlIdentifier. */
  public SqlNodeList columns() {
    return columns;
  }

  @Override
  public SqlOperator getOperator() {
    return primaryKey ? PRIMARY_KEY : UNIQUE;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, columns);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (name != null) {
      writer.keyword("CONSTRAINT");
      name.unparse(writer, 0, 0);
    }
    writer.keyword(primaryKey ? "PRIMARY KEY" : "UNIQUE");
    DdlUnparse.parenthesizedList(writer, columns);
  }
}
