package dev.quaver.planner.convert;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.planner.sql.CalciteTypeNames;
import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite types as Quaver ColumnTypes (the types without parameters as {@link CalciteTypeNames}
 * says, shared with declared column types), and the "one common type" rule for operands.
 * Expression types never use CHAR: CHAR(n) becomes VARCHAR(n), so padding never leaks out of a
 * table column; a NULL-typed expression is VARCHAR. Immutable.
 */
public final class TypeMapping {
  private TypeMapping() {}

  /** The ColumnType of an expression of Calcite type {@code type}. */
  public static ColumnType toColumnType(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    ColumnType parameterless = CalciteTypeNames.parameterless(name);
    if (parameterless != null) {
      return parameterless;
    }
    switch (name) {
      case DECIMAL: {
        int precision = Math.min(Math.max(type.getPrecision(), 1), ColumnType.MAX_DECIMAL_PRECISION);
        int scale = Math.min(Math.max(type.getScale(), 0), precision);
        return ColumnType.decimal(precision, scale);
      }
      case CHAR:
      case VARCHAR:
        return varchar(type.getPrecision());
      case NULL:
        return ColumnType.TEXT;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return ColumnType.TIMESTAMP;
      case BINARY:
      case VARBINARY:
        // Only the hidden row key has a binary type; the scan gives it a VARCHAR placeholder.
        return ColumnType.TEXT;
      default:
        if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(name)) {
          return ColumnType.of(SqlType.INTERVAL_YEAR_MONTH);
        }
        if (SqlTypeName.DAY_INTERVAL_TYPES.contains(name)) {
          return ColumnType.of(SqlType.INTERVAL_DAY_TIME);
        }
        throw QuaverException.of(ErrorCode.FEATURE_NOT_SUPPORTED, "type %s is not supported", type.getFullTypeString());
    }
  }

  static ColumnType varchar(int length) {
    return length <= 0 || length >= ColumnType.UNBOUNDED_LENGTH
        ? ColumnType.TEXT
        : ColumnType.varchar(length);
  }

  /** The type an expression of {@code type} has once read (CHAR columns read as VARCHAR). */
  public static ColumnType asExpressionType(ColumnType type) {
    return type.type() == SqlType.CHAR ? ColumnType.varchar(type.length()) : type;
  }

  /**
   * The least restrictive type both operands can be cast to without losing values, or null
   * when there is none: INTEGER vs BIGINT gives BIGINT, integral vs DECIMAL gives DECIMAL,
   * anything numeric vs REAL/DOUBLE gives DOUBLE, CHAR vs VARCHAR gives VARCHAR, DATE vs
   * TIMESTAMP gives TIMESTAMP.
   */
  public static ColumnType commonType(ColumnType a, ColumnType b) {
    if (a.equals(b)) {
      return a;
    }
    SqlType x = a.type();
    SqlType y = b.type();
    if (x.isCharacter() && y.isCharacter()) {
      return varchar(Math.max(a.length(), b.length()));
    }
    if (x.isNumeric() && y.isNumeric()) {
      if (x == SqlType.DOUBLE || y == SqlType.DOUBLE || x == SqlType.REAL || y == SqlType.REAL) {
        return ColumnType.DOUBLE;
      }
      if (x == SqlType.DECIMAL || y == SqlType.DECIMAL) {
        ColumnType da = asDecimal(a);
        ColumnType db = asDecimal(b);
        int scale = Math.max(da.scale(), db.scale());
        int integerDigits = Math.max(da.precision() - da.scale(), db.precision() - db.scale());
        int precision = Math.min(integerDigits + scale, ColumnType.MAX_DECIMAL_PRECISION);
        return ColumnType.decimal(Math.max(precision, 1), Math.min(scale, precision));
      }
      return rank(x) >= rank(y) ? a : b;
    }
    if (x == y) {
      return a; // same datetime or interval kind
    }
    if ((x == SqlType.DATE && y == SqlType.TIMESTAMP) || (x == SqlType.TIMESTAMP && y == SqlType.DATE)) {
      return ColumnType.TIMESTAMP;
    }
    return null;
  }

  private static int rank(SqlType type) {
    switch (type) {
      case TINYINT:
        return 1;
      case SMALLINT:
        return 2;
      case INTEGER:
        return 3;
      default:
        return 4;
    }
  }

  private static ColumnType asDecimal(ColumnType type) {
    switch (type.type()) {
      case TINYINT:
        return ColumnType.decimal(3, 0);
      case SMALLINT:
        return ColumnType.decimal(5, 0);
      case INTEGER:
        return ColumnType.decimal(10, 0);
      case BIGINT:
        return ColumnType.decimal(19, 0);
      default:
        return type;
    }
  }
}
