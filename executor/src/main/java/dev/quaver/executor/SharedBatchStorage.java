package dev.quaver.executor;

import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.TableScan;
import dev.quaver.storage.WriteBatch;
import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.TableDef;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The storage as the statements of one JDBC batch see it when the batch commits once: every
 * statement's {@code newWriteBatch} is the same shared batch and its {@code commit} only leaves
 * the writes there; {@link #commitShared()} then commits them all at once. Everything else goes
 * to the real storage.
 *
 * <p>Thread safety: confined to the thread running the batch.
 */
final class SharedBatchStorage implements StorageEngine {
  private final StorageEngine storage;
  private final WriteBatch shared;

  SharedBatchStorage(StorageEngine storage, long readSnapshot) {
    this.storage = Objects.requireNonNull(storage, "storage is null");
    this.shared = storage.newWriteBatch(readSnapshot);
  }

  /** Commits every write of the batch's statements, atomically; a no-op when there are none. */
  void commitShared() {
    if (shared.size() > 0) {
      storage.commit(shared);
    }
  }

  @Override
  public Catalog catalog() {
    return storage.catalog();
  }

  @Override
  public long currentSnapshot() {
    return shared.readSnapshot();
  }

  @Override
  public TableScan scan(TableDef table, long snapshot, int[] columns, boolean withRowKey,
      BufferAllocator allocator, int maxRowsPerBatch) {
    return storage.scan(table, snapshot, columns, withRowKey, allocator, maxRowsPerBatch);
  }

  @Override
  public WriteBatch newWriteBatch(long readSnapshot) {
    return shared;
  }

  @Override
  public long commit(WriteBatch batch) {
    return shared.readSnapshot();
  }

  @Override
  public void close() {
    // The real storage belongs to the server.
  }
}
