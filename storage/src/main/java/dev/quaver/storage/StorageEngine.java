package dev.quaver.storage;

import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.TableDef;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The storage of one data directory, as the layers above see it: the catalog, snapshots, scans
 * that produce Arrow batches, and atomic, durable commits of write batches. Opened with
 * {@code Storage.open(StorageConfig)}.
 *
 * <p>Thread safety: every method may be called from any thread concurrently.
 */
public interface StorageEngine extends AutoCloseable {
  Catalog catalog();

  /** The sequence number of the latest committed write: a snapshot that sees every commit so far. */
  long currentSnapshot();

  /**
   * Starts a scan of {@code table} as of {@code snapshot}. The batches hold the requested
   * {@code columns} (ordinals into the table's columns, in that order) and, when
   * {@code withRowKey}, one more VARBINARY column at the end holding each row's key (for UPDATE
   * and DELETE). Rows come in row-key order. Batches are allocated from {@code allocator}.
   */
  TableScan scan(TableDef table, long snapshot, int[] columns, boolean withRowKey,
      BufferAllocator allocator, int maxRowsPerBatch);

  /** A new, empty batch of writes that read at {@code readSnapshot}. */
  WriteBatch newWriteBatch(long readSnapshot);

  /**
   * Applies every write of the batch atomically and durably (the WAL record is synced as the
   * configured sync mode says before this returns), or none of them. Checks, as of the end of
   * the batch: NOT NULL (23502), CHAR/VARCHAR length (22001), primary key and UNIQUE indexes
   * (23505); and write-write conflicts: a row the batch updates or deletes that someone else
   * changed after the batch's read snapshot fails with SERIALIZATION_FAILURE (40001).
   *
   * @return the sequence number of the commit (a snapshot that includes it)
   */
  long commit(WriteBatch batch);

  @Override
  void close();
}
