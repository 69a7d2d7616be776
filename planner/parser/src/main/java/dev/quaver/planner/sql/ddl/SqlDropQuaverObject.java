package dev.quaver.planner.sql.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code DROP TABLE | VIEW | INDEX [IF EXISTS] name}: one node class for the three, told apart by
 * {@link #objectType()} (and by {@link #getKind()}: DROP_TABLE, DROP_VIEW, DROP_INDEX).
 */
public final class SqlDropQuaverObject extends SqlDrop {
  /** What a DROP statement removes. */
  public enum ObjectType {
    TABLE(SqlKind.DROP_TABLE),
    VIEW(SqlKind.DROP_VIEW),
    INDEX(SqlKind.DROP_INDEX);

    private final SqlOperator operator;

    ObjectType(SqlKind kind) {
      this.operator = new SqlSpecialOperator("DROP " + name(), kind);
    }
  }

  private final ObjectType objectType;
  private final SqlIdentifier name;

  public SqlDropQuaverObject(
      SqlParserPos pos, ObjectType objectType, boolean ifExists, SqlIdentifier name) {
    super(objectType.operator, pos, ifExists);
    this.objectType = objectType;
    this.name = Objects.requireNonNull(name, "name is null");
  }

  public ObjectType objectType() {
    return objectType;
  }

  public SqlIdentifier name() {
    return name;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP " + objectType.name());
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
  }
}
