package dev.quaver.protocol;

/** The result of a statement that returns no rows: rows changed by DML, 0 for DDL. */
public record UpdateCount(long count) implements Message {
  @Override
  public MessageType type() {
    return MessageType.UPDATE_COUNT;
  }
}
