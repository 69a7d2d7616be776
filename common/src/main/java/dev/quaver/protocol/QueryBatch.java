package dev.quaver.protocol;

import java.util.List;

/** Runs several SQL texts in order in one round trip (JDBC Statement.executeBatch). */
public record QueryBatch(List<String> sqls) implements Message {
  public QueryBatch {
    sqls = List.copyOf(sqls);
  }

  @Override
  public MessageType type() {
    return MessageType.QUERY_BATCH;
  }
}
