package dev.quaver.protocol;

/**
 * Ends one fetch of a cursor. With {@code hasMore} the server holds the cursor and waits for
 * the next FETCH (nothing more is computed or sent meanwhile); without, the cursor is closed.
 */
public record FetchDone(int cursorId, boolean hasMore) implements Message {
  @Override
  public MessageType type() {
    return MessageType.FETCH_DONE;
  }
}
