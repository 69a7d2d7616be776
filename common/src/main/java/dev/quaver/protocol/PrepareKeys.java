package dev.quaver.protocol;

import java.util.Objects;

/**
 * PREPARE of a statement whose every EXECUTE / EXECUTE_BATCH also sends the generated keys of
 * the rows it inserts (protocol version 2): GENERATED_KEYS before UPDATE_COUNT / BATCH_RESULT.
 */
public record PrepareKeys(String sql, KeysRequest keys) implements Message {
  public PrepareKeys {
    Objects.requireNonNull(sql, "sql is null");
    Objects.requireNonNull(keys, "keys is null");
  }

  @Override
  public MessageType type() {
    return MessageType.PREPARE_KEYS;
  }
}
