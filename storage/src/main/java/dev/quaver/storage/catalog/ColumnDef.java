package dev.quaver.storage.catalog;

import dev.quaver.type.ColumnType;
import java.util.Objects;

/**
 * One column of a table. {@code defaultSql} is the DEFAULT expression as SQL text (null when the
 * column has none: its default is NULL); the planner parses it when an INSERT leaves the column
 * out. Immutable.
 */
public record ColumnDef(String name, ColumnType type, boolean nullable, String defaultSql) {
  public ColumnDef {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(type, "type is null");
    if (!type.type().isStorable()) {
      throw new IllegalArgumentException("type " + type + " cannot be stored in column " + name);
    }
  }
}
