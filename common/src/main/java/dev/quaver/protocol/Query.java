package dev.quaver.protocol;

import java.util.Objects;

/** Runs one SQL text. {@code fetchSize} bounds the rows of the first response (at least 1). */
public record Query(String sql, int fetchSize) implements Message {
  public Query {
    Objects.requireNonNull(sql, "sql is null");
  }

  @Override
  public MessageType type() {
    return MessageType.QUERY;
  }
}
