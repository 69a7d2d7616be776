package dev.quaver.storage;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.Catalog;
import dev.quaver.storage.catalog.CatalogChange;
import dev.quaver.storage.catalog.CatalogCodec;
import dev.quaver.storage.catalog.CatalogPersistence;
import dev.quaver.storage.catalog.CatalogState;
import dev.quaver.storage.catalog.PersistentCatalog;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.ChangeLog;
import dev.quaver.storage.columnar.ColumnarStore;
import dev.quaver.storage.etl.Etl;
import dev.quaver.storage.etl.EtlHost;
import dev.quaver.storage.etl.EtlOptions;
import dev.quaver.storage.etl.EtlResult;
import dev.quaver.storage.etl.TableStorageView;
import dev.quaver.storage.lsm.LsmOptions;
import dev.quaver.storage.stats.StatisticsStore;
import dev.quaver.storage.stats.StatisticsView;
import dev.quaver.storage.system.SystemTable;
import dev.quaver.storage.system.SystemTables;
import dev.quaver.storage.system.TablesView;
import dev.quaver.storage.lsm.LsmStore;
import dev.quaver.storage.lsm.WriteSet;
import dev.quaver.storage.row.KeySpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The {@link StorageEngine} of one data directory ({@code LOCK}, {@code wal/}, {@code lsm/}): the catalog, the
 * LSM store and the commit protocol. A commit validates its rows, then under {@code commitLock}
 * checks uniqueness and conflicts ({@link CommitBuilder}), appends its WAL record and applies it
 * to the memtable; it waits for the fsync (shared with concurrent commits) and publishes its
 * sequence after releasing the lock. DDL goes through the same lock as one WAL record carrying
 * the whole new catalog ({@link #persist}).
 *
 * <p>Thread safety: all methods may be called concurrently; writers are serialized by
 * {@code commitLock}, readers use published snapshots without locks.
 */
final class LsmStorageEngine implements StorageEngine, CatalogPersistence {
  private final DataDirectoryLock directoryLock;
  private final LsmStore store;
  private final PersistentCatalog catalog;
  private final ReentrantLock commitLock = new ReentrantLock();
  /** Columnar segments and the change log of tracked tables (issue #5). */
  private final ColumnarStore columnar;
  private final Etl etl;
  /** Statistics refreshed from the rows each ETL moved (issue #4); H-BG. */
  private final dev.quaver.storage.stats.IncrementalStatistics incrementalStatistics;
  /** Next hidden row id per table id; guarded by commitLock. */
  private final Map<Long, Long> nextRowIds;
  private volatile boolean closed;
  private static final byte[] EMPTY = new byte[0];

  private LsmStorageEngine(DataDirectoryLock directoryLock, LsmStore store,
      CatalogState catalogState, Map<Long, Long> nextRowIds, StatisticsStore statistics,
      ColumnarStore columnar, Path directory, EtlOptions etlOptions) {
    this.directoryLock = directoryLock;
    this.columnar = columnar;
    this.store = store;
    this.nextRowIds = nextRowIds;
    this.catalog = new PersistentCatalog(catalogState, this, statistics);
    this.incrementalStatistics = new dev.quaver.storage.stats.IncrementalStatistics(store, statistics);
    store.compactor().setObsoleteKeys(() -> {
      DroppedKeyFilter dropped = new DroppedKeyFilter(catalog.state());
      java.util.function.Predicate<byte[]> changes = columnar.obsoleteChanges();
      return key -> dropped.test(key) || (changes.test(key) && !incrementalStatistics.retains(key));
    });
    TablesView.register(catalog.systemTables(), catalog);
    StatisticsView.register(catalog.systemTables(), catalog);
    this.etl = new Etl(store, columnar, new EngineEtlHost(), etlOptions, directory.resolve("etl-spill"));
    TableStorageView.register(catalog.systemTables(), catalog, columnar, etl, store);
  }

  static LsmStorageEngine open(StorageConfig config, LsmOptions options) {
    return open(config, options, EtlOptions.defaults());
  }

  static LsmStorageEngine open(StorageConfig config, LsmOptions options, EtlOptions etlOptions) {
    Path directory = config.dataDirectory();
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new QuaverException(ErrorCode.IO_ERROR,
          "cannot create data directory " + directory + ": " + e.getMessage(), e);
    }
    DataDirectoryLock lock = DataDirectoryLock.acquire(directory);
    try {
      CatalogState[] catalogState = {CatalogState.empty()};
      Map<Long, Long> nextRowIds = new HashMap<>();
      StatisticsStore statistics = StatisticsStore.open(directory.resolve("stats"));
      LsmStore store = LsmStore.open(directory, config.syncMode(), config.syncIntervalMillis(),
          options,
          new LsmStore.RecoveryListener() {
            @Override
            public void onCatalog(byte[] state) {
              try {
                catalogState[0] = CatalogCodec.decode(state);
              } catch (RuntimeException e) {
                throw new QuaverException(ErrorCode.DATA_CORRUPTED,
                    "catalog in the WAL of " + directory + " cannot be decoded: " + e.getMessage(), e);
              }
            }

            @Override
            public void onRowId(long tableId, long nextRowId) {
              nextRowIds.merge(tableId, nextRowId, Math::max);
            }
          });
      ColumnarStore columnar;
      try {
        Map<Long, TableDef> tables = new HashMap<>();
        catalogState[0].tables().values().forEach(table -> tables.put(table.id(), table));
        columnar = ColumnarStore.open(directory.resolve("columnar"), tables);
      } catch (IOException | RuntimeException e) {
        store.close();
        throw e;
      }
      return new LsmStorageEngine(lock, store, catalogState[0], nextRowIds, statistics, columnar,
          directory, etlOptions);
    } catch (IOException e) {
      lock.close();
      throw new QuaverException(ErrorCode.IO_ERROR,
          "cannot open the LSM store of " + directory + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  @Override
  public Catalog catalog() {
    return catalog;
  }

  @Override
  public long currentSnapshot() {
    return store.visibleSequence();
  }

  @Override
  public TableScan scan(TableDef table, long snapshot, int[] columns, boolean withRowKey,
      BufferAllocator allocator, int maxRowsPerBatch) {
    return scan(table, snapshot, columns, withRowKey, allocator, maxRowsPerBatch, List.of());
  }

  /**
   * Scans without row keys read the table's columnar version when it has one that the snapshot
   * can use (segments ⊕ the rows changed since ⊖ their old versions); scans with row keys
   * (UPDATE, DELETE), which promise row-key order, and tables without one read the row store.
   */
  @Override
  public TableScan scan(TableDef table, long snapshot, int[] columns, boolean withRowKey,
      BufferAllocator allocator, int maxRowsPerBatch, List<ScanPredicate> predicates) {
    checkOpen();
    if (SystemTables.isSystem(table)) {
      if (withRowKey) {
        throw new QuaverException(ErrorCode.WRONG_OBJECT_TYPE,
            "system table " + SystemTable.SCHEMA + "." + table.name() + " cannot be modified");
      }
      return catalog.systemTables().scan(table, columns, allocator, maxRowsPerBatch);
    }
    if (!withRowKey) {
      TableScan columnarScan = columnar.scan(table, snapshot, columns, predicates, allocator,
          maxRowsPerBatch, store);
      if (columnarScan != null) {
        return columnarScan;
      }
    }
    return new MemtableTableScan(
        store.scan(KeySpace.tableStart(table.id()), KeySpace.tableEnd(table.id()), snapshot),
        table, columns, withRowKey, allocator, maxRowsPerBatch);
  }

  /** System tables are one slice; user tables are sliced by their partitions. */
  @Override
  public int scanPartitions(TableDef table) {
    return SystemTables.isSystem(table) ? 1 : table.partitions();
  }

  /** One partition: its columnar segments and changed rows, or its rows of the row store. */
  @Override
  public TableScan scanPartition(TableDef table, long snapshot, int[] columns,
      BufferAllocator allocator, int maxRowsPerBatch, List<ScanPredicate> predicates,
      int partition) {
    int partitions = scanPartitions(table);
    if (partitions == 1) {
      return StorageEngine.super.scanPartition(table, snapshot, columns, allocator, maxRowsPerBatch,
          predicates, partition);
    }
    if (partition < 0 || partition >= partitions) {
      throw new IllegalArgumentException("partition " + partition + " of " + partitions
          + " of table " + table.name());
    }
    checkOpen();
    TableScan columnarScan = columnar.scan(table, snapshot, columns, predicates, allocator,
        maxRowsPerBatch, store, partition);
    if (columnarScan != null) {
      return columnarScan;
    }
    return new MemtableTableScan(
        store.scan(KeySpace.tableStart(table.id()), KeySpace.tableEnd(table.id()), snapshot),
        table, columns, false, allocator, maxRowsPerBatch, partition);
  }

  @Override
  public WriteBatch newWriteBatch(long readSnapshot) {
    return new RowWriteBatch(readSnapshot);
  }

  @Override
  public long commit(WriteBatch batch) {
    checkOpen();
    RowWriteBatch rows = (RowWriteBatch) batch;
    if (rows.size() == 0) {
      return currentSnapshot();
    }
    List<RowWriteBatch.Operation> operations = rows.prepare();
    LsmStore.PendingCommit pending;
    commitLock.lock();
    try {
      WriteSet writes = new CommitBuilder(store, catalog.state(), nextRowIds, rows.readSnapshot())
          .build(operations);
      logChanges(writes, store.lastSequence() + 1);
      pending = store.write(writes);
    } finally {
      commitLock.unlock();
    }
    store.finish(pending, false);
    if (etl.options().mode() == EtlOptions.Mode.FORCED) {
      java.util.Set<Long> tables = new java.util.LinkedHashSet<>();
      operations.forEach(operation -> tables.add(operation.table().id()));
      etl.afterCommit(tables);
    }
    return pending.sequence();
  }

  @Override
  public Optional<EtlResult> optimize(TableDef table) {
    checkOpen();
    if (SystemTables.isSystem(table)) {
      return Optional.empty();
    }
    TableDef live = catalog.state().tableById(table.id()).orElseThrow(() -> QuaverException.of(
        ErrorCode.UNDEFINED_TABLE, "table \"%s\" does not exist", table.name()));
    return Optional.of(etl.run(live));
  }

  /**
   * Key-range reads go to the row store, which holds every committed row whatever the columnar
   * watermark (issue #7, access paths): primary-key ranges directly, index ranges through
   * {@link IndexRowCursor}. System tables and unknown indexes fall back to the scan.
   */
  @Override
  public TableScan keyRangeScan(TableDef table, String index, List<KeyBounds> ranges, long snapshot,
      int[] columns, boolean withRowKey, BufferAllocator allocator, int maxRowsPerBatch) {
    checkOpen();
    if (SystemTables.isSystem(table)) {
      return scan(table, snapshot, columns, withRowKey, allocator, maxRowsPerBatch);
    }
    List<dev.quaver.type.ColumnType> types = CommitBuilder.columnTypes(table);
    if (index == null && table.hasPrimaryKey()) {
      List<KeyRanges.Range> keys = KeyRanges.encode(KeySpace.tableStart(table.id()),
          table.primaryKey().stream().map(types::get).toList(), ranges);
      return new MemtableTableScan(new MultiRangeCursor(store, keys, snapshot), table, columns, withRowKey,
          allocator, maxRowsPerBatch);
    }
    dev.quaver.storage.catalog.CatalogState state = catalog.state();
    java.util.Optional<Long> indexId = index == null || state.tableOfIndex(index)
        .filter(owner -> owner.id() == table.id()).isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.ofNullable(state.indexIds().get(index));
    java.util.Optional<dev.quaver.storage.catalog.IndexDef> definition =
        index == null ? java.util.Optional.empty() : table.index(index);
    if (indexId.isEmpty() || definition.isEmpty()) {
      return scan(table, snapshot, columns, withRowKey, allocator, maxRowsPerBatch);
    }
    List<dev.quaver.type.ColumnType> indexTypes = definition.get().columns().stream().map(types::get).toList();
    List<KeyRanges.Range> keys = KeyRanges.encode(KeySpace.indexStart(indexId.get()), indexTypes, ranges);
    return new MemtableTableScan(new IndexRowCursor(new MultiRangeCursor(store, keys, snapshot), store,
        indexTypes, snapshot), table, columns, withRowKey, allocator, maxRowsPerBatch);
  }

  @Override
  public void runEtl(TableDef table) {
    optimize(table);
  }

  /** The ETL service (tests, tools). */
  Etl etl() {
    return etl;
  }

  /** The statistics refresh after ETL runs (tests, tools). */
  dev.quaver.storage.stats.IncrementalStatistics incrementalStatistics() {
    return incrementalStatistics;
  }

  /** The engine as the ETL sees it. Thread safety: safe for concurrent use. */
  private final class EngineEtlHost implements EtlHost {
    @Override
    public long trackTable(long tableId) {
      commitLock.lock();
      try {
        columnar.track(tableId);
        return store.lastSequence();
      } finally {
        commitLock.unlock();
      }
    }

    @Override
    public Optional<TableDef> table(long tableId) {
      return catalog.state().tableById(tableId);
    }

    @Override
    public List<TableDef> tables() {
      return List.copyOf(catalog.state().tables().values());
    }

    /**
     * Refreshes the table's statistics (the planner's row counts) after an ETL that rewrote at
     * least a tenth of it or changed its row count by a tenth; not in FORCED mode, where every
     * commit runs the ETL. The refresh merges the rows changed since the last one into the stored statistics
     * ({@link dev.quaver.storage.stats.IncrementalStatistics}); it scans the whole table only to
     * set a base (first refresh in this process, after ANALYZE) or when deletes and updates made
     * the estimates drift.
     */
    @Override
    public void afterEtl(TableDef table, EtlResult result) {
      long known = catalog.statistics().table(table.id())
          .map(dev.quaver.storage.stats.TableStatistics::rowCount).orElse(-1L);
      long moved = known < 0 ? result.rowsWritten()
          : Math.max(result.rowsWritten(), Math.abs(result.liveRows() - known)); // deletes too
      if (etl.options().mode() == EtlOptions.Mode.FORCED
          || moved < Math.max(1000, result.liveRows() / 10)) {
        return;
      }
      try (org.apache.arrow.memory.BufferAllocator allocator =
          new org.apache.arrow.memory.RootAllocator()) {
        incrementalStatistics.refresh(LsmStorageEngine.this, table, result.watermark(),
            result.liveRows(), allocator);
      } catch (RuntimeException e) {
        System.getLogger(LsmStorageEngine.class.getName()).log(System.Logger.Level.WARNING,
            "statistics of " + table.name() + " not refreshed after its ETL: " + e.getMessage());
      }
    }
  }

  /**
   * Adds a change-log entry for each row key of a tracked table that {@code writes} puts or
   * deletes, in the same WAL record (so the columnar scan learns exactly which rows changed
   * after its watermark). Requires: the commit lock; {@code sequence} is the commit's.
   */
  private void logChanges(WriteSet writes, long sequence) {
    List<byte[]> keys = writes.keys();
    int count = keys.size();
    boolean sized = false;
    for (int i = 0; i < count; i++) {
      byte[] key = keys.get(i);
      if (key.length > KeySpace.PREFIX_BYTES && key[0] == KeySpace.ROW_KIND) {
        long tableId = KeySpace.idOf(key);
        if (columnar.isTracked(tableId)) {
          if (!sized) { // the lists grew twice per batch: 11% of a batch writer's allocation
            writes.expect(count - i);
            sized = true;
          }
          writes.put(changeKey(tableId, sequence, key), EMPTY);
        }
      }
    }
  }

  /**
   * {@link ChangeLog#key}'s bytes written in place: one array per changed row instead of a
   * writer's buffer and its copy (together 28% of a batch writer's allocation).
   */
  static byte[] changeKey(long tableId, long sequence, byte[] rowKey) {
    byte[] key = new byte[ChangeLog.HEADER_BYTES + rowKey.length];
    key[0] = (byte) ChangeLog.CHANGE_KIND;
    for (int i = 0; i < 8; i++) {
      key[1 + i] = (byte) (tableId >>> (56 - 8 * i));
      key[KeySpace.PREFIX_BYTES + i] = (byte) (sequence >>> (56 - 8 * i));
    }
    System.arraycopy(rowKey, 0, key, ChangeLog.HEADER_BYTES, rowKey.length);
    return key;
  }

  /**
   * Writes a DDL change as one WAL record (the whole new catalog plus its data effects), fsyncs
   * it whatever the sync mode, and installs the new catalog, all under the commit lock so that
   * no commit runs against the old definitions afterwards.
   */
  @Override
  public void persist(CatalogState next, byte[] encodedState, CatalogChange change,
      Runnable install) {
    checkOpen();
    commitLock.lock();
    try {
      WriteSet writes = new WriteSet();
      writes.catalog(encodedState);
      if (change instanceof CatalogChange.DropTable drop) {
        writes.deleteRange(KeySpace.tableStart(drop.table().id()), KeySpace.tableEnd(drop.table().id()));
        for (long indexId : drop.indexIds()) {
          writes.deleteRange(KeySpace.indexStart(indexId), KeySpace.indexEnd(indexId));
        }
      } else if (change instanceof CatalogChange.DropIndex drop) {
        writes.deleteRange(KeySpace.indexStart(drop.indexId()), KeySpace.indexEnd(drop.indexId()));
      } else if (change instanceof CatalogChange.CreateIndex create) {
        IndexBuilder.build(store, create.table(), create.index(), create.indexId(), writes);
      }
      store.finish(store.write(writes), true);
      install.run();
      if (change instanceof CatalogChange.DropTable drop) {
        columnar.drop(drop.table().id());
      }
    } finally {
      commitLock.unlock();
    }
  }

  /** The LSM store (tests and benchmarks: flush, compaction, statistics). */
  LsmStore store() {
    return store;
  }

  /** Flushes the memtable to SSTables and waits (tests, tools). */
  void flush() {
    commitLock.lock();
    try {
      store.flush();
    } finally {
      commitLock.unlock();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    etl.close();
    commitLock.lock();
    try {
      store.close();
    } catch (IOException e) {
      throw new QuaverException(ErrorCode.IO_ERROR, "cannot close the WAL: " + e.getMessage(), e);
    } finally {
      commitLock.unlock();
      directoryLock.close();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new QuaverException(ErrorCode.ADMIN_SHUTDOWN, "storage is closed");
    }
  }
}
