package dev.quaver.planner.sql;

import dev.quaver.type.ColumnType;
import java.util.EnumMap;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The one mapping of Calcite type names that take no length, precision or scale to Quaver's
 * {@link ColumnType}, shared by declared column types (DDL) and expression types (the planner's
 * TypeMapping). FLOAT is DOUBLE, as in Calcite; TIME and TIMESTAMP keep milliseconds whatever
 * precision was asked. Types with parameters (DECIMAL, CHAR, VARCHAR) and the ones only
 * expressions have (NULL, intervals, binary, TIMESTAMP WITH LOCAL TIME ZONE) are for the callers,
 * which differ on them.
 */
public final class CalciteTypeNames {
  private static final Map<SqlTypeName, ColumnType> PARAMETERLESS = parameterless();

  private CalciteTypeNames() {}

  /** The ColumnType of {@code name}, or null when it takes parameters or is not one of these. */
  public static @Nullable ColumnType parameterless(SqlTypeName name) {
    return PARAMETERLESS.get(name);
  }

  private static Map<SqlTypeName, ColumnType> parameterless() {
    Map<SqlTypeName, ColumnType> map = new EnumMap<>(SqlTypeName.class);
    map.put(SqlTypeName.BOOLEAN, ColumnType.BOOLEAN);
    map.put(SqlTypeName.TINYINT, ColumnType.TINYINT);
    map.put(SqlTypeName.SMALLINT, ColumnType.SMALLINT);
    map.put(SqlTypeName.INTEGER, ColumnType.INTEGER);
    map.put(SqlTypeName.BIGINT, ColumnType.BIGINT);
    map.put(SqlTypeName.REAL, ColumnType.REAL);
    map.put(SqlTypeName.FLOAT, ColumnType.DOUBLE);
    map.put(SqlTypeName.DOUBLE, ColumnType.DOUBLE);
    map.put(SqlTypeName.DATE, ColumnType.DATE);
    map.put(SqlTypeName.TIME, ColumnType.TIME);
    map.put(SqlTypeName.TIMESTAMP, ColumnType.TIMESTAMP);
    return map;
  }
}
