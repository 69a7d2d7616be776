package dev.quaver.planner;

import dev.quaver.storage.catalog.TableDef;
import java.util.Objects;

/**
 * The table column a result column is a plain copy of (what JDBC's ResultSetMetaData reports as
 * its schema and table name): {@code schema} ("PUBLIC" or "SYS"), the table and the column's
 * 0-based ordinal in it. A computed result column has no source. Immutable.
 */
public record ColumnSource(String schema, TableDef table, int column) {
  public ColumnSource {
    Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(table, "table is null");
    if (column < 0 || column >= table.columns().size()) {
      throw new IllegalArgumentException("table " + table.name() + " has no column " + column);
    }
  }
}
