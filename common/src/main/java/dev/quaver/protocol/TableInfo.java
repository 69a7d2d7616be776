package dev.quaver.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One table or view of CATALOG_INFO. {@code primaryKey} holds column ordinals; views have no
 * keys or indexes, and their columns may be empty when the server could not derive them.
 * {@code columnDefaults} holds, per column, the DEFAULT expression as SQL text or null (what
 * DatabaseMetaData.getColumns reports as COLUMN_DEF).
 */
public record TableInfo(String name, boolean isView, List<ColumnInfo> columns,
    List<Integer> primaryKey, List<IndexInfo> indexes, List<String> columnDefaults) {
  public TableInfo {
    Objects.requireNonNull(name, "name is null");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    indexes = List.copyOf(indexes);
    List<String> defaults = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      defaults.add(columnDefaults != null && i < columnDefaults.size() ? columnDefaults.get(i) : null);
    }
    columnDefaults = Collections.unmodifiableList(defaults);
  }

  /** A table or view whose columns have no DEFAULT. */
  public TableInfo(String name, boolean isView, List<ColumnInfo> columns,
      List<Integer> primaryKey, List<IndexInfo> indexes) {
    this(name, isView, columns, primaryKey, indexes, null);
  }
}
