package dev.quaver.jdbc;

import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.Types;

/**
 * {@code setObject(i, x, targetSqlType[, scaleOrLength])}: converts {@code x} to the standard Java
 * object of the target JDBC type first (as the JDBC spec asks), so a String sent as
 * {@code Types.INTEGER} or a double sent as {@code Types.DECIMAL} with scale 2 reaches the
 * parameter as that type. Types Quaver has no values for fail with 0A000. Stateless.
 */
final class TargetTypes {
  private TargetTypes() {}

  static Object convert(Object value, int targetSqlType, int scaleOrLength) throws SQLException {
    if (value == null) {
      return null;
    }
    switch (targetSqlType) {
      case Types.BIT:
      case Types.BOOLEAN:
        return ParameterValues.convert(value, ColumnType.BOOLEAN);
      case Types.TINYINT:
        return ParameterValues.convert(value, ColumnType.TINYINT);
      case Types.SMALLINT:
        return ParameterValues.convert(value, ColumnType.SMALLINT);
      case Types.INTEGER:
        return ParameterValues.convert(value, ColumnType.INTEGER);
      case Types.BIGINT:
        return ParameterValues.convert(value, ColumnType.BIGINT);
      case Types.REAL:
        return ParameterValues.convert(value, ColumnType.REAL);
      case Types.FLOAT:
      case Types.DOUBLE:
        return ParameterValues.convert(value, ColumnType.DOUBLE);
      case Types.DECIMAL:
      case Types.NUMERIC: {
        BigDecimal decimal = (BigDecimal) ParameterValues.convert(value,
            ColumnType.decimal(ColumnType.MAX_DECIMAL_PRECISION, 0));
        return scaleOrLength >= 0 ? decimal.setScale(scaleOrLength, RoundingMode.HALF_UP) : decimal;
      }
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
      case Types.NCHAR:
      case Types.NVARCHAR:
      case Types.LONGNVARCHAR:
      case Types.CLOB:
      case Types.NCLOB:
        return ParameterValues.convert(value, ColumnType.TEXT);
      case Types.DATE:
        return DateTimes.localDate((Integer) ParameterValues.convert(value, ColumnType.DATE));
      case Types.TIME:
        return DateTimes.localTime((Integer) ParameterValues.convert(value, ColumnType.TIME));
      case Types.TIMESTAMP:
        return DateTimes.localDateTime((Long) ParameterValues.convert(value, ColumnType.TIMESTAMP));
      case Types.NULL:
      case Types.OTHER:
      case Types.JAVA_OBJECT:
        return value;
      default:
        throw new SQLFeatureNotSupportedException(
            "target SQL type " + targetSqlType + " (java.sql.Types) is not supported by Quaver", "0A000");
    }
  }

  /** The java.sql.Types code of a JDBCType; other SQLType implementations are not Quaver's. */
  static int vendorCode(SQLType type) throws SQLException {
    if (type == null) {
      throw new SQLException("target SQL type is null", "22023");
    }
    Integer code = type.getVendorTypeNumber();
    if (code == null || !"java.sql".equals(type.getVendor())) {
      throw new SQLFeatureNotSupportedException("target SQL type " + type.getName() + " of vendor "
          + type.getVendor() + " is not supported", "0A000");
    }
    return code;
  }
}
