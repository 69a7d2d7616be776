package dev.quaver.protocol;

import java.util.Objects;

/** Some rows of a cursor, column-wise. */
public record RowBatch(int cursorId, ColumnBatch batch) implements Message {
  public RowBatch {
    Objects.requireNonNull(batch, "batch is null");
  }

  @Override
  public MessageType type() {
    return MessageType.ROW_BATCH;
  }
}
