package dev.quaver.protocol;

import java.util.Objects;

/**
 * Binds one set of parameter values (a one-row batch whose columns are the parameters) to a
 * prepared statement and runs it.
 */
public record Execute(int statementId, int fetchSize, ColumnBatch parameters) implements Message {
  public Execute {
    Objects.requireNonNull(parameters, "parameters is null");
  }

  @Override
  public MessageType type() {
    return MessageType.EXECUTE;
  }
}
