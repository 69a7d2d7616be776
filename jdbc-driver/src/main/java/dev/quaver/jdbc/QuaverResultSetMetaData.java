package dev.quaver.jdbc;

import dev.quaver.protocol.ColumnInfo;
import dev.quaver.type.ColumnType;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * Describes the columns of a result (or of a prepared query). Table, schema, auto-increment and
 * writability come from each column's origin (protocol version 2): a column that is a plain copy
 * of a table column names that table; a computed column reports "" and is read-only. Immutable.
 */
final class QuaverResultSetMetaData implements ResultSetMetaData, SelfWrapper {
  private final List<ColumnInfo> columns;

  QuaverResultSetMetaData(List<ColumnInfo> columns) {
    this.columns = List.copyOf(columns);
  }

  private ColumnInfo column(int index) throws SQLException {
    if (index < 1 || index > columns.size()) {
      throw new SQLException("column index " + index + " out of range 1.." + columns.size(), "07009");
    }
    return columns.get(index - 1);
  }

  private ColumnType type(int index) throws SQLException {
    return column(index).type();
  }

  @Override public int getColumnCount() { return columns.size(); }
  @Override public boolean isAutoIncrement(int i) throws SQLException { return column(i).origin().autoIncrement(); }
  @Override public boolean isCaseSensitive(int i) throws SQLException { return type(i).type().isCharacter(); }
  @Override public boolean isSearchable(int i) throws SQLException { column(i); return true; }
  @Override public boolean isCurrency(int i) throws SQLException { column(i); return false; }
  @Override public int isNullable(int i) throws SQLException { return column(i).nullable() ? columnNullable : columnNoNulls; }
  @Override public boolean isSigned(int i) throws SQLException { return TypeDescriptions.isSigned(type(i).type()); }
  @Override public int getColumnDisplaySize(int i) throws SQLException { return TypeDescriptions.displaySize(type(i)); }
  @Override public String getColumnLabel(int i) throws SQLException { return column(i).name(); }
  @Override public String getColumnName(int i) throws SQLException { return column(i).name(); }
  @Override public String getSchemaName(int i) throws SQLException { return column(i).origin().schema(); }
  @Override public int getPrecision(int i) throws SQLException { return TypeDescriptions.precision(type(i)); }
  @Override public int getScale(int i) throws SQLException { return TypeDescriptions.scale(type(i)); }
  @Override public String getTableName(int i) throws SQLException { return column(i).origin().table(); }
  @Override public String getCatalogName(int i) throws SQLException { column(i); return ""; }
  @Override public int getColumnType(int i) throws SQLException { return type(i).type().jdbcType(); }
  @Override public String getColumnTypeName(int i) throws SQLException { return TypeDescriptions.typeName(type(i)); }
  @Override public boolean isReadOnly(int i) throws SQLException { return !column(i).origin().writable(); }
  @Override public boolean isWritable(int i) throws SQLException { return column(i).origin().writable(); }
  @Override public boolean isDefinitelyWritable(int i) throws SQLException { column(i); return false; }
  @Override public String getColumnClassName(int i) throws SQLException { return ResultValues.className(type(i).type()); }
}
