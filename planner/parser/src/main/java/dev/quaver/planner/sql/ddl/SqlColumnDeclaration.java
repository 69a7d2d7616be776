package dev.quaver.planner.sql.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One column in CREATE TABLE: {@code name type [NOT NULL | NULL] [DEFAULT value] [PRIMARY KEY]
 * [UNIQUE] [GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY]}. {@code nullable} is null when the
 * column says neither NULL nor NOT NULL; {@code identity} is null, {@link #IDENTITY_ALWAYS} or
 * {@link #IDENTITY_BY_DEFAULT}.
 */
public final class SqlColumnDeclaration extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("COLUMN_DECL", SqlKind.COLUMN_DECL);

  private final SqlIdentifier name;
  private final SqlDataTypeSpec type;
  private final @Nullable Boolean nullable;
  private final @Nullable SqlNode defaultValue;
  private final boolean primaryKey;
  private final boolean unique;
  private final @Nullable String identity;

  public static final String IDENTITY_ALWAYS = "ALWAYS";
  public static final String IDENTITY_BY_DEFAULT = "BY DEFAULT";

  public SqlColumnDeclaration(
      SqlParserPos pos,
      SqlIdentifier name,
      SqlDataTypeSpec type,
      @Nullable Boolean nullable,
      @Nullable SqlNode defaultValue,
      boolean primaryKey,
      boolean unique) {
    this(pos, name, type, nullable, defaultValue, primaryKey, unique, null);
  }

  public SqlColumnDeclaration(
      SqlParserPos pos,
      SqlIdentifier name,
      SqlDataTypeSpec type,
      @Nullable Boolean nullable,
      @Nullable SqlNode defaultValue,
      boolean primaryKey,
      boolean unique,
      @Nullable String identity) {
    super(pos);
    this.name = Objects.requireNonNull(name, "name is null");
    this.type = Objects.requireNonNull(type, "type is null");
    this.nullable = nullable;
    this.defaultValue = defaultValue;
    this.primaryKey = primaryKey;
    this.unique = unique;
    this.identity = identity;
  }

  /** null, {@link #IDENTITY_ALWAYS} or {@link #IDENTITY_BY_DEFAULT}. */
  public @Nullable String identity() {
    return identity;
  }

  public SqlIdentifier name() {
    return name;
  }

  public SqlDataTypeSpec type() {
    return type;
  }

  /** TRUE for an explicit NULL, FALSE for NOT NULL, null when the column says neither. */
  public @Nullable Boolean nullable() {
    return nullable;
  }

  public @Nullable SqlNode defaultValue() {
    return defaultValue;
  }

  public boolean isPrimaryKey() {
    return primaryKey;
  }

  public boolean isUnique() {
    return unique;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, type, defaultValue);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    type.unparse(writer, 0, 0);
    if (Boolean.FALSE.equals(nullable)) {
      writer.keyword("NOT NULL");
    } else if (Boolean.TRUE.equals(nullable)) {
      writer.keyword("NULL");
    }
    if (defaultValue != null) {
      writer.keyword("DEFAULT");
      unparseDefault(writer, defaultValue);
    }
    if (primaryKey) {
      writer.keyword("PRIMARY KEY");
    }
    if (unique) {
      writer.keyword("UNIQUE");
    }
    if (identity != null) {
      writer.keyword("GENERATED " + identity + " AS IDENTITY");
    }
  }

  /**
   * The grammar accepts only an atom after DEFAULT (see parserImpls.ftl), so an operator
   * expression such as {@code (1 + 2)} must get its parentheses back.
   */
  static void unparseDefault(SqlWriter writer, SqlNode value) {
    boolean atomic =
        value instanceof SqlLiteral
            || value instanceof SqlIdentifier
            || (value instanceof SqlCall call && isFunctionLike(call.getOperator().getSyntax()));
    if (atomic) {
      value.unparse(writer, 0, 0);
    } else {
      SqlWriter.Frame frame = writer.startList("(", ")");
      value.unparse(writer, 0, 0);
      writer.endList(frame);
    }
  }

  private static boolean isFunctionLike(SqlSyntax syntax) {
    return syntax == SqlSyntax.FUNCTION
        || syntax == SqlSyntax.FUNCTION_ID
        || syntax == SqlSyntax.FUNCTION_STAR
        || syntax == SqlSyntax.SPECIAL;
  }
}
