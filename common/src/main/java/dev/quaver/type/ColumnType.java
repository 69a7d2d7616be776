package dev.quaver.type;

import java.util.Objects;

/**
 * A SQL type with its parameters: precision and scale for DECIMAL, the length for CHAR and
 * VARCHAR ({@link #UNBOUNDED_LENGTH} for TEXT / VARCHAR without a length), unused (0) otherwise.
 * Nullability is a property of the column or expression, not of the type. Immutable.
 */
public record ColumnType(SqlType type, int precision, int scale) {
  /** Length of VARCHAR without a bound (TEXT). */
  public static final int UNBOUNDED_LENGTH = Integer.MAX_VALUE;
  /** Largest DECIMAL precision (Arrow's Decimal128). */
  public static final int MAX_DECIMAL_PRECISION = 38;

  public static final ColumnType BOOLEAN = new ColumnType(SqlType.BOOLEAN, 0, 0);
  public static final ColumnType TINYINT = new ColumnType(SqlType.TINYINT, 0, 0);
  public static final ColumnType SMALLINT = new ColumnType(SqlType.SMALLINT, 0, 0);
  public static final ColumnType INTEGER = new ColumnType(SqlType.INTEGER, 0, 0);
  public static final ColumnType BIGINT = new ColumnType(SqlType.BIGINT, 0, 0);
  public static final ColumnType REAL = new ColumnType(SqlType.REAL, 0, 0);
  public static final ColumnType DOUBLE = new ColumnType(SqlType.DOUBLE, 0, 0);
  public static final ColumnType TEXT = new ColumnType(SqlType.VARCHAR, UNBOUNDED_LENGTH, 0);
  public static final ColumnType DATE = new ColumnType(SqlType.DATE, 0, 0);
  public static final ColumnType TIME = new ColumnType(SqlType.TIME, 0, 0);
  public static final ColumnType TIMESTAMP = new ColumnType(SqlType.TIMESTAMP, 0, 0);

  public ColumnType {
    Objects.requireNonNull(type, "type is null");
    if (type == SqlType.DECIMAL) {
      if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
        throw new IllegalArgumentException("bad DECIMAL(" + precision + "," + scale + ")");
      }
    } else if (type.isCharacter()) {
      if (precision < 1) {
        throw new IllegalArgumentException("bad length " + precision + " for " + type);
      }
    }
  }

  public static ColumnType of(SqlType type) {
    switch (type) {
      case DECIMAL:
        return decimal(MAX_DECIMAL_PRECISION, 0);
      case CHAR:
        return character(1);
      case VARCHAR:
        return TEXT;
      default:
        return new ColumnType(type, 0, 0);
    }
  }

  public static ColumnType decimal(int precision, int scale) {
    return new ColumnType(SqlType.DECIMAL, precision, scale);
  }

  public static ColumnType character(int length) {
    return new ColumnType(SqlType.CHAR, length, 0);
  }

  public static ColumnType varchar(int length) {
    return new ColumnType(SqlType.VARCHAR, length, 0);
  }

  /** The declared length of CHAR/VARCHAR, or UNBOUNDED_LENGTH. */
  public int length() {
    return precision;
  }

  /** SQL spelling, for DDL round trips, EXPLAIN and metadata: {@code DECIMAL(10,2)}, {@code VARCHAR(20)}. */
  @Override
  public String toString() {
    switch (type) {
      case DECIMAL:
        return "DECIMAL(" + precision + "," + scale + ")";
      case CHAR:
        return "CHAR(" + precision + ")";
      case VARCHAR:
        return precision == UNBOUNDED_LENGTH ? "VARCHAR" : "VARCHAR(" + precision + ")";
      default:
        return type.sqlName();
    }
  }
}
