package dev.quaver.protocol;

import java.util.Objects;

/**
 * QUERY that also asks for the generated keys of the rows an INSERT writes (protocol version 2):
 * the reply is GENERATED_KEYS, then UPDATE_COUNT.
 */
public record QueryKeys(String sql, int fetchSize, KeysRequest keys) implements Message {
  public QueryKeys {
    Objects.requireNonNull(sql, "sql is null");
    Objects.requireNonNull(keys, "keys is null");
  }

  @Override
  public MessageType type() {
    return MessageType.QUERY_KEYS;
  }
}
