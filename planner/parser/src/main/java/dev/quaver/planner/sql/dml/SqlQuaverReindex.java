package dev.quaver.planner.sql.dml;

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
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code REINDEX [INDEX | TABLE] [name]} (SQLite, PostgreSQL): rebuild one index, every index of
 * one table, or (no name) every index of the database. Without INDEX or TABLE the name may be
 * either, as in SQLite.
 */
public final class SqlQuaverReindex extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("REINDEX", SqlKind.OTHER);

  /** What the name names. */
  public enum Target { ANY, INDEX, TABLE }

  private final Target target;
  private final @Nullable SqlIdentifier name;

  public SqlQuaverReindex(SqlParserPos pos, Target target, @Nullable SqlIdentifier name) {
    super(pos);
    this.target = Objects.requireNonNull(target, "target is null");
    this.name = name;
    if (name == null && target != Target.ANY) {
      throw new IllegalArgumentException("REINDEX " + target + " needs a name");
    }
  }

  public Target target() {
    return target;
  }

  /** The index or table, or null for every index. */
  public @Nullable SqlIdentifier name() {
    return name;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("REINDEX");
    if (target != Target.ANY) {
      writer.keyword(target.name());
    }
    if (name != null) {
      name.unparse(writer, 0, 0);
    }
  }
}
