package dev.quaver.executor.expr;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.type.ColumnType;

/** The user-visible errors that expressions raise, with one message style. Stateless. */
final class ExprErrors {
  private ExprErrors() {}

  static QuaverException outOfRange(ColumnType type, Object value) {
    return QuaverException.of(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value %s out of range for type %s", value, type);
  }

  static QuaverException overflow(String operation, ColumnType type) {
    return QuaverException.of(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "%s overflows type %s", operation, type);
  }

  static QuaverException divisionByZero() {
    return new QuaverException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
  }

  static QuaverException badCast(Object value, ColumnType target) {
    return QuaverException.of(ErrorCode.INVALID_CHARACTER_VALUE_FOR_CAST,
        "invalid value '%s' for type %s", value, target);
  }

  static QuaverException truncation(String value, ColumnType target) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    return QuaverException.of(ErrorCode.STRING_DATA_RIGHT_TRUNCATION,
        "value '%s' too long for type %s", shown, target);
  }

  static QuaverException invalidArgument(String format, Object... args) {
    return QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE, format, args);
  }
}
