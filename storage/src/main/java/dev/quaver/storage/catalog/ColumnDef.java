package dev.quaver.storage.catalog;

import dev.quaver.type.ColumnType;
import java.util.Objects;

/**
 * One column of a table. {@code defaultSql} is the DEFAULT expression as SQL text (null when the
 * column has none: its default is NULL); the planner parses it when an INSERT leaves the column
 * out. {@code identity}: whether storage generates the column's values (an identity column is
 * NOT NULL, of an integer type, without DEFAULT). Immutable.
 */
public record ColumnDef(String name, ColumnType type, boolean nullable, String defaultSql, Identity identity) {
  public ColumnDef {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(type, "type is null");
    identity = identity == null ? Identity.NONE : identity;
    if (!type.type().isStorable()) {
      throw new IllegalArgumentException("type " + type + " cannot be stored in column " + name);
    }
    if (identity.isIdentity() && !type.type().isIntegral()) {
      throw new IllegalArgumentException("identity column " + name + " must have an integer type, not " + type);
    }
  }

  /** An ordinary (non-identity) column. */
  public ColumnDef(String name, ColumnType type, boolean nullable, String defaultSql) {
    this(name, type, nullable, defaultSql, Identity.NONE);
  }
}
