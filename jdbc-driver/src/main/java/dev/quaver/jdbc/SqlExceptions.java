package dev.quaver.jdbc;

import dev.quaver.protocol.ErrorResponse;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;

/**
 * Turns SQLSTATEs into the SQLException subclass JDBC defines for their class, so callers can
 * catch {@code SQLIntegrityConstraintViolationException} rather than parse codes. Stateless.
 */
final class SqlExceptions {
  private SqlExceptions() {}

  static SQLException of(ErrorResponse error) {
    String message = error.position() > 0
        ? error.message() + " (at position " + error.position() + ")"
        : error.message();
    return of(error.sqlState(), message, null);
  }

  static SQLException of(String sqlState, String message, Throwable cause) {
    String sqlClass = sqlState.length() >= 2 ? sqlState.substring(0, 2) : sqlState;
    SQLException exception;
    switch (sqlClass) {
      case "08":
        exception = new SQLNonTransientConnectionException(message, sqlState);
        break;
      case "0A":
        exception = new SQLFeatureNotSupportedException(message, sqlState);
        break;
      case "22":
        exception = new SQLDataException(message, sqlState);
        break;
      case "23":
        exception = new SQLIntegrityConstraintViolationException(message, sqlState);
        break;
      case "28":
        exception = new SQLInvalidAuthorizationSpecException(message, sqlState);
        break;
      case "40":
        exception = new SQLTransactionRollbackException(message, sqlState);
        break;
      case "42":
        exception = new SQLSyntaxErrorException(message, sqlState);
        break;
      default:
        exception = new SQLException(message, sqlState);
        break;
    }
    if (cause != null) {
      exception.initCause(cause);
    }
    return exception;
  }

  static SQLException timeout(int seconds) {
    return new SQLTimeoutException("statement canceled: query timeout of " + seconds + " s expired", "57014");
  }

  static SQLException closed(String what) {
    return new SQLNonTransientConnectionException(what + " is closed", "08003");
  }

  static SQLException conversion(Object value, String target) {
    return new SQLDataException("cannot convert " + describe(value) + " to " + target, "22018");
  }

  static SQLException outOfRange(Object value, String target) {
    return new SQLDataException("value " + describe(value) + " is out of range for " + target, "22003");
  }

  private static String describe(Object value) {
    String text = String.valueOf(value);
    if (text.length() > 60) {
      text = text.substring(0, 60) + "...";
    }
    return value == null ? "NULL" : value.getClass().getSimpleName() + " " + (value instanceof String ? "'" + text + "'" : text);
  }
}
