package dev.quaver.protocol;

/** Asks for at most {@code fetchSize} more rows of an open cursor. */
public record Fetch(int cursorId, int fetchSize) implements Message {
  @Override
  public MessageType type() {
    return MessageType.FETCH;
  }
}
