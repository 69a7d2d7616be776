package dev.quaver.protocol;

import java.util.Objects;

/**
 * Reply to a good HELLO. {@code connectionId} and {@code secretKey} let a second connection
 * cancel this session's statements (CANCEL_REQUEST).
 */
public record AuthOk(int protocolVersion, int connectionId, long secretKey, String serverVersion)
    implements Message {
  public AuthOk {
    Objects.requireNonNull(serverVersion, "serverVersion is null");
  }

  @Override
  public MessageType type() {
    return MessageType.AUTH_OK;
  }
}
