package dev.quaver.type;

import java.sql.Types;

/**
 * The SQL types Quaver stores and computes with, and how each is represented as a Java value
 * everywhere outside Arrow vectors (rows in storage, literals in plans, parameters and values on
 * the wire):
 *
 * <pre>
 *   BOOLEAN   Boolean            REAL      Float        CHAR, VARCHAR  String
 *   TINYINT   Byte               DOUBLE    Double       DATE           Integer  days since 1970-01-01
 *   SMALLINT  Short              DECIMAL   BigDecimal   TIME           Integer  milliseconds of the day
 *   INTEGER   Integer                                   TIMESTAMP      Long     milliseconds since 1970-01-01T00:00 (no zone)
 *   BIGINT    Long
 *   INTERVAL_DAY_TIME  Long milliseconds;  INTERVAL_YEAR_MONTH  Integer months (expression types only)
 * </pre>
 *
 * SQL NULL is Java {@code null} in every type. Tags are part of the wire protocol and of on-disk
 * formats: never renumber them.
 */
public enum SqlType {
  BOOLEAN(1, Types.BOOLEAN, "BOOLEAN"),
  TINYINT(2, Types.TINYINT, "TINYINT"),
  SMALLINT(3, Types.SMALLINT, "SMALLINT"),
  INTEGER(4, Types.INTEGER, "INTEGER"),
  BIGINT(5, Types.BIGINT, "BIGINT"),
  REAL(6, Types.REAL, "REAL"),
  DOUBLE(7, Types.DOUBLE, "DOUBLE"),
  DECIMAL(8, Types.DECIMAL, "DECIMAL"),
  CHAR(9, Types.CHAR, "CHAR"),
  VARCHAR(10, Types.VARCHAR, "VARCHAR"),
  DATE(11, Types.DATE, "DATE"),
  TIME(12, Types.TIME, "TIME"),
  TIMESTAMP(13, Types.TIMESTAMP, "TIMESTAMP"),
  INTERVAL_DAY_TIME(14, Types.OTHER, "INTERVAL DAY TO SECOND"),
  INTERVAL_YEAR_MONTH(15, Types.OTHER, "INTERVAL YEAR TO MONTH");

  private final int tag;
  private final int jdbcType;
  private final String sqlName;

  SqlType(int tag, int jdbcType, String sqlName) {
    this.tag = tag;
    this.jdbcType = jdbcType;
    this.sqlName = sqlName;
  }

  /** Stable one-byte code used on the wire and on disk. */
  public int tag() {
    return tag;
  }

  /** The java.sql.Types constant. */
  public int jdbcType() {
    return jdbcType;
  }

  public String sqlName() {
    return sqlName;
  }

  public boolean isExactNumeric() {
    return this == TINYINT || this == SMALLINT || this == INTEGER || this == BIGINT || this == DECIMAL;
  }

  public boolean isIntegral() {
    return this == TINYINT || this == SMALLINT || this == INTEGER || this == BIGINT;
  }

  public boolean isNumeric() {
    return isExactNumeric() || this == REAL || this == DOUBLE;
  }

  public boolean isCharacter() {
    return this == CHAR || this == VARCHAR;
  }

  public boolean isDatetime() {
    return this == DATE || this == TIME || this == TIMESTAMP;
  }

  /** True for the types a table column may have (intervals exist only inside expressions). */
  public boolean isStorable() {
    return this != INTERVAL_DAY_TIME && this != INTERVAL_YEAR_MONTH;
  }

  /** The Java class of a value of this type, as in the table above. */
  public Class<?> javaClass() {
    switch (this) {
      case BOOLEAN:
        return Boolean.class;
      case TINYINT:
        return Byte.class;
      case SMALLINT:
        return Short.class;
      case INTEGER:
      case DATE:
      case TIME:
      case INTERVAL_YEAR_MONTH:
        return Integer.class;
      case BIGINT:
      case TIMESTAMP:
      case INTERVAL_DAY_TIME:
        return Long.class;
      case REAL:
        return Float.class;
      case DOUBLE:
        return Double.class;
      case DECIMAL:
        return java.math.BigDecimal.class;
      case CHAR:
      case VARCHAR:
        return String.class;
    }
    throw new AssertionError(this);
  }

  public static SqlType fromTag(int tag) {
    for (SqlType type : values()) {
      if (type.tag == tag) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown type tag " + tag);
  }
}
