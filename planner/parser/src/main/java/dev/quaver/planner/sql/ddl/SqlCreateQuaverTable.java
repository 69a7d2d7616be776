package dev.quaver.planner.sql.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] name (element, ...) [DISTRIBUTED BY HASH (cols)]
 * [PARTITIONS n]}. Elements are {@link SqlColumnDeclaration}s and {@link SqlTableConstraint}s in
 * statement order. OR REPLACE parses (the shared CREATE hook accepts it) and is rejected by
 * {@link dev.quaver.planner.sql.DdlConverter}.
 */
public final class SqlCreateQuaverTable extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  private final SqlIdentifier name;
  private final SqlNodeList elements;
  private final @Nullable SqlNodeList distributedBy;
  private final @Nullable SqlNumericLiteral partitions;
  private final @Nullable SqlNodeList orderBy;

  public SqlCreateQuaverTable(
      SqlParserPos pos,
      boolean replace,
      boolean ifNotExists,
      SqlIdentifier name,
      SqlNodeList elements,
      @Nullable SqlNodeList distributedBy,
      @Nullable SqlNumericLiteral partitions) {
    this(pos, replace, ifNotExists, name, elements, distributedBy, partitions, null);
  }

  /** With the columnar sort key of {@code ORDER BY (cols)} (null when absent). */
  public SqlCreateQuaverTable(
      SqlParserPos pos,
      boolean replace,
      boolean ifNotExists,
      SqlIdentifier name,
      SqlNodeList elements,
      @Nullable SqlNodeList distributedBy,
      @Nullable SqlNumericLiteral partitions,
      @Nullable SqlNodeList orderBy) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.orderBy = orderBy;
    this.name = Objects.requireNonNull(name, "name is null");
    this.elements = Objects.requireNonNull(elements, "elements is null");
    this.distributedBy = distributedBy;
    this.partitions = partitions;
  }

  public SqlIdentifier name() {
    return name;
  }

  public SqlNodeList elements() {
    return elements;
  }

  /** The DISTRIBUTED BY HASH columns, or null when the statement has no such clause. */
  public @Nullable SqlNodeList distributedBy() {
    return distributedBy;
  }

  /** The PARTITIONS count, or null when the statement has no such clause. */
  public @Nullable SqlNumericLiteral partitions() {
    return partitions;
  }

  /** The ORDER BY (sort key) columns, or null when the statement has no such clause. */
  public @Nullable SqlNodeList orderBy() {
    return orderBy;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, elements, distributedBy, partitions, orderBy);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE TABLE" : "CREATE TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    DdlUnparse.parenthesizedList(writer, elements);
    if (distributedBy != null) {
      writer.keyword("DISTRIBUTED BY HASH");
      DdlUnparse.parenthesizedList(writer, distributedBy);
    }
    if (partitions != null) {
      writer.keyword("PARTITIONS");
      partitions.unparse(writer, 0, 0);
    }
    if (orderBy != null) {
      writer.keyword("ORDER BY");
      DdlUnparse.parenthesizedList(writer, orderBy);
    }
  }
}
