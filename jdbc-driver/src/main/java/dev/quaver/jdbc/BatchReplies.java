package dev.quaver.jdbc;

import dev.quaver.protocol.BatchResult;
import dev.quaver.protocol.ErrorResponse;
import dev.quaver.protocol.ExecuteBatch;
import dev.quaver.protocol.Message;
import dev.quaver.protocol.QueryBatch;
import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * Reading a batch's reply: a BATCH_RESULT with fewer counts than entries means entry N failed;
 * its ERROR follows (docs/protocol.md), and the counts are those of entries 1..N-1. Stateless.
 */
final class BatchReplies {
  private BatchReplies() {}

  /** How many update counts a complete reply to {@code request} holds (-1: not a batch). */
  static int size(Message request) {
    if (request instanceof QueryBatch batch) {
      return batch.sqls().size();
    }
    if (request instanceof ExecuteBatch batch) {
      return batch.parameters().rowCount();
    }
    return -1;
  }

  /** The exception for a partial BATCH_RESULT followed by {@code error}. */
  static BatchUpdateException failure(BatchResult partial, ErrorResponse error) {
    SQLException cause = SqlExceptions.of(error);
    long[] done = new long[partial.counts().size()];
    for (int i = 0; i < done.length; i++) {
      done[i] = partial.counts().get(i);
    }
    return new BatchUpdateException(cause.getMessage(), cause.getSQLState(), 0, done, cause);
  }
}
