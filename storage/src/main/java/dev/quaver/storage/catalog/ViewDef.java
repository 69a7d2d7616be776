package dev.quaver.storage.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A view: its defining query as SQL text (expanded by the planner at each use) and the column
 * names it exposes (empty when the query's own names are used). Immutable.
 */
public record ViewDef(String name, String sql, List<String> columnNames) {
  public ViewDef {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(sql, "sql is null");
    columnNames = List.copyOf(columnNames);
  }
}
