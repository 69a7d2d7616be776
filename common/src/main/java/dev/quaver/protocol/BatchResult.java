package dev.quaver.protocol;

import java.util.List;

/** One update count per parameter set (EXECUTE_BATCH) or SQL text (QUERY_BATCH), in order. */
public record BatchResult(List<Long> counts) implements Message {
  public BatchResult {
    counts = List.copyOf(counts);
  }

  @Override
  public MessageType type() {
    return MessageType.BATCH_RESULT;
  }
}
