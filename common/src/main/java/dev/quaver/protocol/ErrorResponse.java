package dev.quaver.protocol;

import dev.quaver.error.QuaverException;
import java.util.Objects;

/**
 * A failed request: the SQLSTATE, a message stating the fact, and the 1-based position in the
 * SQL text (0 when unknown). Ends the response to the request that failed.
 */
public record ErrorResponse(String sqlState, String message, int position) implements Message {
  public ErrorResponse {
    Objects.requireNonNull(sqlState, "sqlState is null");
    Objects.requireNonNull(message, "message is null");
  }

  public static ErrorResponse of(QuaverException e) {
    return new ErrorResponse(e.sqlState(), e.getMessage(), e.position());
  }

  @Override
  public MessageType type() {
    return MessageType.ERROR;
  }
}
