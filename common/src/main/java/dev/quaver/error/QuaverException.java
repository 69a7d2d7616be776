package dev.quaver.error;

import java.util.Objects;

/**
 * The one exception type for errors a user can see. It carries an {@link ErrorCode} (and so a
 * SQLSTATE), a message stating the fact and the offending value, and optionally the 1-based
 * character position in the SQL text that caused it (0 when unknown).
 */
public final class QuaverException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final int position;

  public QuaverException(ErrorCode code, String message) {
    this(code, message, 0, null);
  }

  public QuaverException(ErrorCode code, String message, Throwable cause) {
    this(code, message, 0, cause);
  }

  public QuaverException(ErrorCode code, String message, int position, Throwable cause) {
    super(Objects.requireNonNull(message, "message is null"), cause);
    this.code = Objects.requireNonNull(code, "code is null");
    this.position = position;
  }

  /** Shorthand with String.format. */
  public static QuaverException of(ErrorCode code, String format, Object... args) {
    return new QuaverException(code, String.format(format, args));
  }

  public ErrorCode code() {
    return code;
  }

  public String sqlState() {
    return code.sqlState();
  }

  /** 1-based character offset into the statement text, or 0 when unknown. */
  public int position() {
    return position;
  }

  /** Turns any throwable into a QuaverException: bugs become INTERNAL_ERROR, keeping the cause. */
  public static QuaverException wrap(Throwable t) {
    if (t instanceof QuaverException q) {
      return q;
    }
    if (t instanceof OutOfMemoryError) {
      return new QuaverException(ErrorCode.OUT_OF_MEMORY, "out of memory: " + t.getMessage(), t);
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return new QuaverException(ErrorCode.INTERNAL_ERROR, "internal error: " + message, t);
  }
}
