package dev.quaver.protocol;

/** Drops an open cursor and its running statement; no reply. Unknown ids are ignored. */
public record CloseCursor(int cursorId) implements Message {
  @Override
  public MessageType type() {
    return MessageType.CLOSE_CURSOR;
  }
}
