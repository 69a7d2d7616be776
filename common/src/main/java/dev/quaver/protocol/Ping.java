package dev.quaver.protocol;

/** Liveness check (Connection.isValid); answered by PONG. */
public record Ping() implements Message {
  @Override
  public MessageType type() {
    return MessageType.PING;
  }
}
