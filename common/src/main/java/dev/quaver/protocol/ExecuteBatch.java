package dev.quaver.protocol;

import java.util.Objects;

/**
 * Runs a prepared statement once per row of {@code parameters}, in order, in one round trip;
 * answered by BATCH_RESULT with one update count per row.
 */
public record ExecuteBatch(int statementId, ColumnBatch parameters) implements Message {
  public ExecuteBatch {
    Objects.requireNonNull(parameters, "parameters is null");
  }

  @Override
  public MessageType type() {
    return MessageType.EXECUTE_BATCH;
  }
}
