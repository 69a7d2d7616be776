package dev.quaver.error;

import java.util.Objects;

/**
 * Every error a user can see, with its SQLSTATE. Codes follow PostgreSQL where one exists, so
 * tools that know PostgreSQL's codes read Quaver's the same way. Codes are never renumbered.
 */
public enum ErrorCode {
  // Class 08: connection exceptions
  CONNECTION_FAILURE("08006", ErrorCategory.RESOURCE),
  PROTOCOL_VIOLATION("08P01", ErrorCategory.USER),
  // Class 0A: feature not supported
  FEATURE_NOT_SUPPORTED("0A000", ErrorCategory.USER),
  // Class 21/22: cardinality and data exceptions
  CARDINALITY_VIOLATION("21000", ErrorCategory.USER),
  STRING_DATA_RIGHT_TRUNCATION("22001", ErrorCategory.USER),
  NUMERIC_VALUE_OUT_OF_RANGE("22003", ErrorCategory.USER),
  INVALID_DATETIME_FORMAT("22007", ErrorCategory.USER),
  DATETIME_FIELD_OVERFLOW("22008", ErrorCategory.USER),
  DIVISION_BY_ZERO("22012", ErrorCategory.USER),
  INVALID_PARAMETER_VALUE("22023", ErrorCategory.USER),
  INVALID_TEXT_REPRESENTATION("22P02", ErrorCategory.USER),
  INVALID_CHARACTER_VALUE_FOR_CAST("22018", ErrorCategory.USER),
  NULL_VALUE_NOT_ALLOWED("22004", ErrorCategory.USER),
  // Class 23: integrity constraint violations
  NOT_NULL_VIOLATION("23502", ErrorCategory.USER),
  UNIQUE_VIOLATION("23505", ErrorCategory.USER),
  // Class 25/28: transaction state, authorization
  INVALID_TRANSACTION_STATE("25000", ErrorCategory.USER),
  INVALID_PASSWORD("28P01", ErrorCategory.USER),
  INVALID_AUTHORIZATION("28000", ErrorCategory.USER),
  // Class 34: cursors and prepared statements
  INVALID_CURSOR_NAME("34000", ErrorCategory.USER),
  INVALID_SQL_STATEMENT_NAME("26000", ErrorCategory.USER),
  // Class 42: syntax errors and access rule violations (class 428: PostgreSQL's generated-column rule)
  /** A value given for a GENERATED ALWAYS identity column (INSERT or UPDATE). */
  GENERATED_ALWAYS("428C9", ErrorCategory.USER),
  // Class 40: transaction rollback
  SERIALIZATION_FAILURE("40001", ErrorCategory.USER),
  // Class 42: syntax errors and access rule violations
  SYNTAX_ERROR("42601", ErrorCategory.USER),
  UNDEFINED_TABLE("42P01", ErrorCategory.USER),
  UNDEFINED_COLUMN("42703", ErrorCategory.USER),
  UNDEFINED_FUNCTION("42883", ErrorCategory.USER),
  UNDEFINED_OBJECT("42704", ErrorCategory.USER),
  DUPLICATE_TABLE("42P07", ErrorCategory.USER),
  DUPLICATE_OBJECT("42710", ErrorCategory.USER),
  DUPLICATE_COLUMN("42701", ErrorCategory.USER),
  AMBIGUOUS_COLUMN("42702", ErrorCategory.USER),
  DATATYPE_MISMATCH("42804", ErrorCategory.USER),
  GROUPING_ERROR("42803", ErrorCategory.USER),
  INVALID_TABLE_DEFINITION("42P16", ErrorCategory.USER),
  WRONG_OBJECT_TYPE("42809", ErrorCategory.USER),
  /** E.g. ON CONFLICT (cols) naming no primary key or UNIQUE index. */
  INVALID_COLUMN_REFERENCE("42P10", ErrorCategory.USER),
  // Class 53/54: insufficient resources, program limits
  OUT_OF_MEMORY("53200", ErrorCategory.RESOURCE),
  DISK_FULL("53100", ErrorCategory.RESOURCE),
  TOO_MANY_CONNECTIONS("53300", ErrorCategory.RESOURCE),
  PROGRAM_LIMIT_EXCEEDED("54000", ErrorCategory.USER),
  // Class 57: operator intervention
  QUERY_CANCELED("57014", ErrorCategory.USER),
  ADMIN_SHUTDOWN("57P01", ErrorCategory.RESOURCE),
  // Class 58/XX: system and internal errors
  IO_ERROR("58030", ErrorCategory.RESOURCE),
  INTERNAL_ERROR("XX000", ErrorCategory.INTERNAL),
  DATA_CORRUPTED("XX001", ErrorCategory.INTERNAL);

  private final String sqlState;
  private final ErrorCategory category;

  ErrorCode(String sqlState, ErrorCategory category) {
    this.sqlState = Objects.requireNonNull(sqlState, "sqlState is null");
    this.category = category;
  }

  public String sqlState() {
    return sqlState;
  }

  public ErrorCategory category() {
    return category;
  }

  /** The code for a SQLSTATE received from elsewhere (the wire), or INTERNAL_ERROR if unknown. */
  public static ErrorCode fromSqlState(String sqlState) {
    for (ErrorCode code : values()) {
      if (code.sqlState.equals(sqlState)) {
        return code;
      }
    }
    return INTERNAL_ERROR;
  }
}
