package dev.quaver.planner.sql;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Maps a column's declared type (Calcite's parse of it) to Quaver's {@link ColumnType}: the types
 * without parameters as {@link CalciteTypeNames} says (FLOAT is DOUBLE, as in Calcite); DECIMAL
 * without precision is DECIMAL(38,0), CHAR without a length is CHAR(1), VARCHAR without a length
 * and TEXT are unbounded VARCHAR. TIME and TIMESTAMP precisions are accepted and ignored: Quaver
 * keeps milliseconds.
 */
final class ColumnTypes {
  private ColumnTypes() {}

  static ColumnType of(SqlDataTypeSpec spec, String columnName) {
    SqlTypeNameSpec nameSpec = spec.getTypeNameSpec();
    String typeName = nameSpec.getTypeName().toString();
    if (nameSpec instanceof SqlUserDefinedTypeNameSpec
        && typeName.toUpperCase(Locale.ROOT).equals("TEXT")) {
      return ColumnType.TEXT;
    }
    if (nameSpec instanceof SqlUserDefinedTypeNameSpec) {
      throw unsupported(typeName, columnName);
    }
    if (!(nameSpec instanceof SqlBasicTypeNameSpec basic)) {
      throw unsupported(spec.toString(), columnName);
    }
    SqlTypeName sqlTypeName = SqlTypeName.get(typeName);
    if (sqlTypeName == null) {
      throw unsupported(typeName, columnName);
    }
    ColumnType parameterless = CalciteTypeNames.parameterless(sqlTypeName);
    if (parameterless != null) {
      return parameterless;
    }
    int precision = basic.getPrecision();
    switch (sqlTypeName) {
      case DECIMAL:
        return decimal(precision, basic.getScale(), columnName);
      case CHAR:
        return precision < 0
            ? ColumnType.character(1)
            : ColumnType.character(length(precision, "CHAR", columnName));
      case VARCHAR:
        return precision < 0
            ? ColumnType.TEXT
            : ColumnType.varchar(length(precision, "VARCHAR", columnName));
      default:
        throw unsupported(spec.toString(), columnName);
    }
  }

  private static ColumnType decimal(int precision, int scale, String columnName) {
    if (precision < 0) {
      return ColumnType.of(SqlType.DECIMAL);
    }
    int effectiveScale = Math.max(scale, 0);
    if (precision < 1 || precision > ColumnType.MAX_DECIMAL_PRECISION) {
      throw QuaverException.of(
          ErrorCode.INVALID_PARAMETER_VALUE,
          "DECIMAL precision %d of column %s must be between 1 and %d",
          precision, columnName, ColumnType.MAX_DECIMAL_PRECISION);
    }
    if (effectiveScale > precision) {
      throw QuaverException.of(
          ErrorCode.INVALID_PARAMETER_VALUE,
          "DECIMAL scale %d of column %s must be between 0 and the precision %d",
          effectiveScale, columnName, precision);
    }
    return ColumnType.decimal(precision, effectiveScale);
  }

  private static int length(int length, String typeName, String columnName) {
    if (length < 1) {
      throw QuaverException.of(
          ErrorCode.INVALID_PARAMETER_VALUE,
          "length %d of %s column %s must be at least 1", length, typeName, columnName);
    }
    return length;
  }

  private static QuaverException unsupported(String typeName, String columnName) {
    return QuaverException.of(
        ErrorCode.FEATURE_NOT_SUPPORTED,
        "type %s of column %s is not supported", typeName, columnName);
  }
}
