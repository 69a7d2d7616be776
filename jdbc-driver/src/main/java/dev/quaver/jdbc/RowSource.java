package dev.quaver.jdbc;

import dev.quaver.protocol.ColumnBatch;
import java.sql.SQLException;

/** Where a result set's rows come from: a server cursor, or rows already in memory (metadata). */
interface RowSource {
  /** The next batch of rows (possibly empty), or null at the end. */
  ColumnBatch nextBatch(int fetchSize) throws SQLException;

  /** Stops the source early; idempotent. */
  void close() throws SQLException;
}
