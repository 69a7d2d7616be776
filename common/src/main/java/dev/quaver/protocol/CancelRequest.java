package dev.quaver.protocol;

/**
 * Sent as the first and only frame of a fresh connection: cancels whatever the session
 * {@code connectionId} is running, if {@code secretKey} matches (both come from its AUTH_OK).
 * The server then closes this connection without a reply.
 */
public record CancelRequest(int connectionId, long secretKey) implements Message {
  @Override
  public MessageType type() {
    return MessageType.CANCEL_REQUEST;
  }
}
