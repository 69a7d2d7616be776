package dev.quaver.executor.operator.dml;

import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.TableScan;
import dev.quaver.storage.WriteBatch;
import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.TableDef;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The storage as a trigger's body statements see it: their writes join the triggering
 * statement's pending writes (so they commit with it, atomically, or not at all) and their
 * {@code commit} does nothing; reads see the statement's snapshot with the pending writes of the
 * statement and of its triggers so far applied (see docs/triggers.md).
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class TriggerWriteStorage implements StorageEngine {
  private final StorageEngine storage;
  private final TriggerFiringBatch batch;

  TriggerWriteStorage(StorageEngine storage, TriggerFiringBatch batch) {
    this.storage = Objects.requireNonNull(storage, "storage is null");
    this.batch = Objects.requireNonNull(batch, "batch is null");
  }

  @Override
  public Catalog catalog() {
    return storage.catalog();
  }

  @Override
  public long currentSnapshot() {
    return batch.readSnapshot();
  }

  @Override
  public TableScan scan(TableDef table, long snapshot, int[] columns, boolean withRowKey,
      BufferAllocator allocator, int maxRowsPerBatch) {
    return batch.scan(storage, table, snapshot, columns, withRowKey, allocator, maxRowsPerBatch);
  }

  @Override
  public WriteBatch newWriteBatch(long readSnapshot) {
    return batch;
  }

  @Override
  public long commit(WriteBatch ignored) {
    return batch.readSnapshot();
  }

  @Override
  public void close() {
    // The real storage belongs to the server.
  }
}
