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
   * and DELETE). With {@code withRowKey} rows come in row-key order; without it they may come
   * in any order (columnar segments, then the rows changed since the segments were written).
   * Batches are allocated from {@code allocator}.
   */
  TableScan scan(TableDef table, long snapshot, int[] columns, boolean withRowKey,
      BufferAllocator allocator, int maxRowsPerBatch);

  /**
   * As {@link #scan(TableDef, long, int[], boolean, BufferAllocator, int)}, with advisory
   * {@code predicates} (a conjunction) the scan may use to skip data; it may still return rows
   * that fail them, so the caller filters exactly.
   */
  default TableScan scan(TableDef table, long snapshot, int[] columns, boolean withRowKey,
      BufferAllocator allocator, int maxRowsPerBatch, java.util.List<ScanPredicate> predicates) {
    return scan(table, snapshot, columns, withRowKey, allocator, maxRowsPerBatch);
  }

  /**
   * Reads the rows of {@code table} at {@code snapshot} whose key lies in one of {@code ranges},
   * by key from the row store (which holds every committed row): the primary key when
   * {@code index} is null, else the secondary index of that name (index range, then each row by
   * its key). Rows come range by range, in key order within a range; a row matched by two
   * overlapping ranges comes twice, so callers pass disjoint ranges. Columns, row key and batches
   * as for {@link #scan}. Advisory like scan predicates: this default (wrappers, fakes) scans the
   * whole table, so callers always filter exactly (issue #7, access paths).
   */
  default TableScan keyRangeScan(TableDef table, String index, java.util.List<KeyBounds> ranges,
      long snapshot, int[] columns, boolean withRowKey, BufferAllocator allocator, int maxRowsPerBatch) {
    return scan(table, snapshot, columns, withRowKey, allocator, maxRowsPerBatch);
  }

  /**
   * How many slices {@link #scanPartition} cuts {@code table} into: its partitions (the unit of
   * parallel work, {@code TableDef.partitions()}), or 1 when this engine cannot slice it (system
   * tables, wrappers).
   */
  default int scanPartitions(TableDef table) {
    return 1;
  }

  /**
   * A scan (without row keys) of one partition of {@code table}, {@code 0 <= partition <
   * scanPartitions(table)}: the rows whose distribution key hashes to it (PartitionFunction, the
   * ETL's placement rule). The union of all partitions' rows at one snapshot equals the rows of
   * {@link #scan} at that snapshot; otherwise as {@link #scan}.
   */
  default TableScan scanPartition(TableDef table, long snapshot, int[] columns,
      BufferAllocator allocator, int maxRowsPerBatch, java.util.List<ScanPredicate> predicates,
      int partition) {
    if (partition != 0 || scanPartitions(table) != 1) {
      throw new IllegalArgumentException("partition " + partition + " of " + scanPartitions(table)
          + " of table " + table.name());
    }
    return scan(table, snapshot, columns, false, allocator, maxRowsPerBatch, predicates);
  }

  /**
   * Runs the ETL of {@code table} now (OPTIMIZE TABLE): moves the rows changed since its
   * watermark into columnar segments and merges small ones. Empty when this engine has no
   * columnar store (system tables, wrappers).
   */
  default java.util.Optional<dev.quaver.storage.etl.EtlResult> optimize(TableDef table) {
    return java.util.Optional.empty();
  }

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
