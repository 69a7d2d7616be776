package dev.quaver.executor;

import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.TableScan;
import dev.quaver.storage.WriteBatch;
import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.TableDef;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The storage as statements see it whose writes must not commit on their own but join one
 * pending write batch that someone else commits later (a one-commit JDBC batch, a trigger's body
 * statements): every {@code newWriteBatch} is that pending batch, {@code commit} leaves the writes
 * there and answers the batch's read snapshot, and the snapshot the statements read at is the
 * batch's. The catalog and, unless a subclass says otherwise, scans come from the real storage,
 * which belongs to the server and is not closed here.
 *
 * <p>The two uses differ only in what a scan sees, so that is the one method a subclass
 * overrides.
 *
 * <p>Thread safety: confined to the thread running the statements.
 */
public abstract class PendingBatchStorage implements StorageEngine {
  private final StorageEngine storage;
  private final WriteBatch pending;

  protected PendingBatchStorage(StorageEngine storage, WriteBatch pending) {
    this.storage = Objects.requireNonNull(storage, "storage is null");
    this.pending = Objects.requireNonNull(pending, "pending is null");
  }

  /** The real storage this one wraps. */
  protected final StorageEngine storage() {
    return storage;
  }

  /** The batch every statement's writes go to. */
  protected final WriteBatch pending() {
    return pending;
  }

  @Override
  public Catalog catalog() {
    return storage.catalog();
  }

  @Override
  public long currentSnapshot() {
    return pending.readSnapshot();
  }

  /** Scans the real storage; the pending writes are not visible. */
  @Override
  public TableScan scan(TableDef table, long snapshot, int[] columns, boolean withRowKey,
      BufferAllocator allocator, int maxRowsPerBatch) {
    return storage.scan(table, snapshot, columns, withRowKey, allocator, maxRowsPerBatch);
  }

  @Override
  public final WriteBatch newWriteBatch(long readSnapshot) {
    return pending;
  }

  @Override
  public final long commit(WriteBatch batch) {
    return pending.readSnapshot();
  }

  @Override
  public final void close() {
    // The real storage belongs to the server.
  }
}
