package dev.quaver.jdbc;

import dev.quaver.type.ColumnType;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;

/** The parameter types the server inferred when it prepared the statement. Immutable. */
final class QuaverParameterMetaData implements ParameterMetaData, SelfWrapper {
  private final List<ColumnType> types;

  QuaverParameterMetaData(List<ColumnType> types) {
    this.types = List.copyOf(types);
  }

  private ColumnType type(int index) throws SQLException {
    if (index < 1 || index > types.size()) {
      throw new SQLException("parameter index " + index + " out of range 1.." + types.size(), "07009");
    }
    return types.get(index - 1);
  }

  @Override public int getParameterCount() { return types.size(); }
  @Override public int isNullable(int i) throws SQLException { type(i); return parameterNullable; }
  @Override public boolean isSigned(int i) throws SQLException { return TypeDescriptions.isSigned(type(i).type()); }
  @Override public int getPrecision(int i) throws SQLException { return TypeDescriptions.precision(type(i)); }
  @Override public int getScale(int i) throws SQLException { return TypeDescriptions.scale(type(i)); }
  @Override public int getParameterType(int i) throws SQLException { return type(i).type().jdbcType(); }
  @Override public String getParameterTypeName(int i) throws SQLException { return TypeDescriptions.typeName(type(i)); }
  @Override public String getParameterClassName(int i) throws SQLException { return ResultValues.className(type(i).type()); }
  @Override public int getParameterMode(int i) throws SQLException { type(i); return parameterModeIn; }
}
