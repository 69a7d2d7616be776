package dev.quaver.planner.sql.dml;

import dev.quaver.planner.sql.ddl.SqlKeywordCommand;
import java.util.Objects;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code REINDEX [INDEX | TABLE] [name]} (SQLite, PostgreSQL): rebuild one index, every index of
 * one table, or (no name) every index of the database. Without INDEX or TABLE the name may be
 * either, as in SQLite.
 */
public final class SqlQuaverReindex extends SqlKeywordCommand<SqlIdentifier> {
  private static final SqlOperator OPERATOR = operator("REINDEX", SqlKind.OTHER);

  /** What the name names. */
  public enum Target { ANY, INDEX, TABLE }

  private final Target target;

  public SqlQuaverReindex(SqlParserPos pos, Target target, @Nullable SqlIdentifier name) {
    super(pos, OPERATOR, name);
    this.target = Objects.requireNonNull(target, "target is null");
    if (name == null && target != Target.ANY) {
      throw new IllegalArgumentException("REINDEX " + target + " needs a name");
    }
  }

  public Target target() {
    return target;
  }

  /** The index or table, or null for every index. */
  public @Nullable SqlIdentifier name() {
    return operand();
  }

  @Override
  protected String keywords() {
    return target == Target.ANY ? "REINDEX" : "REINDEX " + target.name();
  }
}
