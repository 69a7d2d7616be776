package dev.quaver.protocol;

/** Reply to PING. */
public record Pong() implements Message {
  @Override
  public MessageType type() {
    return MessageType.PONG;
  }
}
