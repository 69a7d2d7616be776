package dev.quaver.planner.logical;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Quaver's typing rules where they differ from Calcite's defaults: DECIMAL up to precision 38
 * (Arrow's Decimal128); SUM of an integral type is BIGINT (so SUM of INTEGER does not overflow
 * at 2^31); AVG of an integral or floating type is DOUBLE (SQLite-compatible: AVG(1, 2) is 1.5,
 * not 1); CASE/UNION over strings of different lengths gives VARCHAR, so CHAR padding never
 * leaks into results. Integer / integer stays integer (truncating), as Calcite says. Immutable.
 */
public final class QuaverTypeSystem extends RelDataTypeSystemImpl {
  public static final QuaverTypeSystem INSTANCE = new QuaverTypeSystem();
  private static final int MAX_DECIMAL_PRECISION = 38;

  private QuaverTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (SqlTypeUtil.isIntType(argumentType)) {
      return typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.BIGINT), argumentType.isNullable());
    }
    return super.deriveSumType(typeFactory, argumentType);
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (SqlTypeUtil.isIntType(argumentType) || SqlTypeUtil.isApproximateNumeric(argumentType)) {
      return typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
    }
    return super.deriveAvgAggType(typeFactory, argumentType);
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
