package dev.quaver.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One table or view of CATALOG_INFO. {@code primaryKey} holds column ordinals; views have no
 * keys or indexes, and their columns may be empty when the server could not derive them.
 * {@code columnDefaults} holds, per column, the DEFAULT expression as SQL text or null (what
 * DatabaseMetaData.getColumns reports as COLUMN_DEF). {@code schema} ("PUBLIC" or "SYS") and
 * {@code isSystem} (a read-only system table) travel from protocol version 2 on; a version 1
 * client is sent no system tables at all.
 */
public record TableInfo(String name, boolean isView, List<ColumnInfo> columns,
    List<Integer> primaryKey, List<IndexInfo> indexes, List<String> columnDefaults,
    String schema, boolean isSystem) {
  /** The schema of user tables and views. */
  public static final String PUBLIC_SCHEMA = "PUBLIC";
  /** The schema of system tables. */
  public static final String SYSTEM_SCHEMA = "SYS";

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
    schema = schema == null ? (isSystem ? SYSTEM_SCHEMA : PUBLIC_SCHEMA) : schema;
  }

  /** A table or view of schema PUBLIC. */
  public TableInfo(String name, boolean isView, List<ColumnInfo> columns,
      List<Integer> primaryKey, List<IndexInfo> indexes, List<String> columnDefaults) {
    this(name, isView, columns, primaryKey, indexes, columnDefaults, PUBLIC_SCHEMA, false);
  }

  /** A table or view of schema PUBLIC whose columns have no DEFAULT. */
  public TableInfo(String name, boolean isView, List<ColumnInfo> columns,
      List<Integer> primaryKey, List<IndexInfo> indexes) {
    this(name, isView, columns, primaryKey, indexes, null);
  }

  /** The JDBC TABLE_TYPE: TABLE, VIEW or SYSTEM TABLE. */
  public String tableType() {
    return isSystem ? "SYSTEM TABLE" : isView ? "VIEW" : "TABLE";
  }
}
