package dev.quaver.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One table or view of CATALOG_INFO. {@code primaryKey} holds column ordinals; views have no
 * keys or indexes, and their columns may be empty when the server could not derive them.
 */
public record TableInfo(String name, boolean isView, List<ColumnInfo> columns,
    List<Integer> primaryKey, List<IndexInfo> indexes) {
  public TableInfo {
    Objects.requireNonNull(name, "name is null");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    indexes = List.copyOf(indexes);
  }
}
