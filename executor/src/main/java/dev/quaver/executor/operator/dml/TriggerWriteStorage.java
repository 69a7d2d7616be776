package dev.quaver.executor.operator.dml;

import dev.quaver.executor.PendingBatchStorage;
import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.TableScan;
import dev.quaver.storage.catalog.TableDef;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The storage as a trigger's body statements see it: their writes join the triggering
 * statement's pending writes (so they commit with it, atomically, or not at all) and their
 * {@code commit} does nothing (see {@link PendingBatchStorage}); reads see the statement's
 * snapshot with the pending writes of the statement and of its triggers so far applied (see
 * docs/triggers.md).
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class TriggerWriteStorage extends PendingBatchStorage {
  private final TriggerFiringBatch batch;

  TriggerWriteStorage(StorageEngine storage, TriggerFiringBatch batch) {
    super(storage, Objects.requireNonNull(batch, "batch is null"));
    this.batch = batch;
  }

  /** Scans with the pending writes of the statement and its triggers so far applied. */
  @Override
  public TableScan scan(TableDef table, long snapshot, int[] columns, boolean withRowKey,
      BufferAllocator allocator, int maxRowsPerBatch) {
    return batch.scan(storage(), table, snapshot, columns, withRowKey, allocator, maxRowsPerBatch);
  }
}
