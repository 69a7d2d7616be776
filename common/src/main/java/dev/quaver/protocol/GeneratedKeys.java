package dev.quaver.protocol;

import java.util.Objects;
import java.util.List;

/**
 * The generated keys of the rows a statement inserted, one row per inserted row in insert order
 * (protocol version 2); sent right before the statement's UPDATE_COUNT or BATCH_RESULT.
 */
public record GeneratedKeys(List<ColumnInfo> columns, ColumnBatch rows) implements Message {
  public GeneratedKeys {
    columns = List.copyOf(columns);
    Objects.requireNonNull(rows, "rows is null");
  }

  @Override
  public MessageType type() {
    return MessageType.GENERATED_KEYS;
  }
}
