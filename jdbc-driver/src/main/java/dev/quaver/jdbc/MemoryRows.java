package dev.quaver.jdbc;

import dev.quaver.protocol.ColumnBatch;

/**
 * Rows already in memory: the one batch of a metadata result.
 *
 * <p>Thread safety: confined to the result set's user.
 */
final class MemoryRows implements RowSource {
  private ColumnBatch batch;

  MemoryRows(ColumnBatch batch) {
    this.batch = batch;
  }

  @Override
  public ColumnBatch nextBatch(int fetchSize) {
    ColumnBatch next = batch;
    batch = null;
    return next;
  }

  @Override
  public void close() {
    batch = null;
  }
}
