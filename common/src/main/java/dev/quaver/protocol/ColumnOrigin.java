package dev.quaver.protocol;

import java.util.Objects;

/**
 * Where a column comes from (protocol version 2): the schema, table and column of the table
 * column a result column is a plain copy of, or {@link #NONE} (all empty) for a computed column.
 * {@code autoIncrement}: the column is an identity column (its values are generated);
 * {@code writable}: an UPDATE of that table column could change it (false for system tables and
 * GENERATED ALWAYS identity columns). What ResultSetMetaData.getTableName, getSchemaName,
 * isAutoIncrement, isReadOnly and isWritable report. Immutable.
 */
public record ColumnOrigin(String schema, String table, String column, boolean autoIncrement, boolean writable) {
  /** A computed column: no table column behind it. */
  public static final ColumnOrigin NONE = new ColumnOrigin("", "", "", false, false);

  /** Flag bits of {@code flags:u8} on the wire. */
  static final int FLAG_AUTO_INCREMENT = 1;
  static final int FLAG_WRITABLE = 2;

  public ColumnOrigin {
    Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(table, "table is null");
    Objects.requireNonNull(column, "column is null");
  }

  /** Whether a table column is behind the result column. */
  public boolean isKnown() {
    return !table.isEmpty();
  }

  int flags() {
    return (autoIncrement ? FLAG_AUTO_INCREMENT : 0) | (writable ? FLAG_WRITABLE : 0);
  }
}
