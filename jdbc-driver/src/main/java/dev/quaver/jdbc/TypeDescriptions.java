package dev.quaver.jdbc;

import dev.quaver.type.ColumnType;
import dev.quaver.type.SqlType;

/**
 * What JDBC metadata says about a Quaver type: precision (digits, or characters for strings and
 * date/time literals), display size, signedness. Used by result set, parameter and database
 * metadata alike so they never disagree. Stateless.
 */
final class TypeDescriptions {
  private TypeDescriptions() {}

  static int precision(ColumnType type) {
    switch (type.type()) {
      case BOOLEAN:
        return 1;
      case TINYINT:
        return 3;
      case SMALLINT:
        return 5;
      case INTEGER:
        return 10;
      case BIGINT:
        return 19;
      case REAL:
        return 7;
      case DOUBLE:
        return 15;
      case DECIMAL:
        return type.precision();
      case CHAR:
      case VARCHAR:
        return type.length();
      case DATE:
        return 10;
      case TIME:
        return 12;
      case TIMESTAMP:
        return 23;
      default:
        return 0;
    }
  }

  static int scale(ColumnType type) {
    switch (type.type()) {
      case DECIMAL:
        return type.scale();
      case TIME:
      case TIMESTAMP:
        return 3;
      default:
        return 0;
    }
  }

  static int displaySize(ColumnType type) {
    switch (type.type()) {
      case BOOLEAN:
        return 5;
      case TINYINT:
        return 4;
      case SMALLINT:
        return 6;
      case INTEGER:
        return 11;
      case BIGINT:
        return 20;
      case REAL:
        return 15;
      case DOUBLE:
        return 24;
      case DECIMAL:
        return type.precision() + 2;
      case CHAR:
      case VARCHAR:
        return type.length();
      default:
        return precision(type);
    }
  }

  static boolean isSigned(SqlType type) {
    return type.isNumeric();
  }

  /** The type's SQL name without parameters, as getColumnTypeName and TYPE_NAME show it. */
  static String typeName(ColumnType type) {
    return type.type().sqlName();
  }

  /** Radix of the precision: 10 for numbers, null otherwise (as getColumns wants it). */
  static Integer radix(SqlType type) {
    return type.isNumeric() ? 10 : null;
  }
}
