package dev.quaver.protocol;

import java.util.List;

/**
 * Starts a row result: the cursor id later FETCHes name, and the result columns. Followed by
 * ROW_BATCH frames and one FETCH_DONE (or ERROR).
 */
public record ResultHeader(int cursorId, List<ColumnInfo> columns) implements Message {
  public ResultHeader {
    columns = List.copyOf(columns);
  }

  @Override
  public MessageType type() {
    return MessageType.RESULT_HEADER;
  }
}
