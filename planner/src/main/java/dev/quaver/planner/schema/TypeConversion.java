package dev.quaver.planner.schema;

import dev.quaver.type.ColumnType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Quaver column types as Calcite types (the other direction lives in convert.TypeMapping). */
public final class TypeConversion {
  private static final int MILLISECOND_PRECISION = 3;

  private TypeConversion() {}

  /** The Calcite type of a column of {@code type}, nullable or not. */
  public static RelDataType toCalcite(RelDataTypeFactory factory, ColumnType type, boolean nullable) {
    RelDataType base;
    switch (type.type()) {
      case BOOLEAN -> base = factory.createSqlType(SqlTypeName.BOOLEAN);
      case TINYINT -> base = factory.createSqlType(SqlTypeName.TINYINT);
      case SMALLINT -> base = factory.createSqlType(SqlTypeName.SMALLINT);
      case INTEGER -> base = factory.createSqlType(SqlTypeName.INTEGER);
      case BIGINT -> base = factory.createSqlType(SqlTypeName.BIGINT);
      case REAL -> base = factory.createSqlType(SqlTypeName.REAL);
      case DOUBLE -> base = factory.createSqlType(SqlTypeName.DOUBLE);
      case DECIMAL -> base = factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
      case CHAR -> base = factory.createSqlType(SqlTypeName.CHAR, type.length());
      case VARCHAR -> base = type.length() == ColumnType.UNBOUNDED_LENGTH
          ? factory.createSqlType(SqlTypeName.VARCHAR)
          : factory.createSqlType(SqlTypeName.VARCHAR, type.length());
      case DATE -> base = factory.createSqlType(SqlTypeName.DATE);
      // millisecond precision: a TIMESTAMP(0) column would make Calcite cut literal milliseconds
      case TIME -> base = factory.createSqlType(SqlTypeName.TIME, MILLISECOND_PRECISION);
      case TIMESTAMP -> base = factory.createSqlType(SqlTypeName.TIMESTAMP, MILLISECOND_PRECISION);
      default -> throw new IllegalArgumentException("not a column type: " + type);
    }
    return factory.createTypeWithNullability(base, nullable);
  }
}
