package dev.quaver.protocol;

import java.util.Objects;

/** Plans a statement once on the server; answered by PREPARE_OK with its statement id. */
public record Prepare(String sql) implements Message {
  public Prepare {
    Objects.requireNonNull(sql, "sql is null");
  }

  @Override
  public MessageType type() {
    return MessageType.PREPARE;
  }
}
