package dev.quaver.protocol;

/** Forgets a prepared statement; no reply. Unknown ids are ignored. */
public record CloseStatement(int statementId) implements Message {
  @Override
  public MessageType type() {
    return MessageType.CLOSE_STATEMENT;
  }
}
