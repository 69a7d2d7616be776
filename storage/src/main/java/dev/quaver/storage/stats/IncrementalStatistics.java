package dev.quaver.storage.stats;

import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.ChangeLog;
import dev.quaver.storage.lsm.Cursor;
import dev.quaver.storage.lsm.LsmStore;
import dev.quaver.storage.row.RowCodec;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Keeps tables' statistics current after ETL runs without re-scanning them (issue #4): the
 * statistics this class stored for a table are valid at a sequence (its base); a refresh at
 * watermark W reads the table's change log in (base, W], decodes those rows' versions at W into a
 * {@link StatisticsCollector} and {@link StatisticsMerger#merge merges} the result, with the
 * exact live row count of the ETL's new version. So a refresh costs the rows changed since the
 * last one, not the table.
 *
 * <p>A full scan at W instead establishes the base: when the table has none in this process (a
 * restart, the first run), when the stored statistics are not the ones this class wrote (ANALYZE
 * replaced them, the table's columns changed), or when the rows that left the table since the last
 * full scan (deletes, old versions of updates, whose values the merge only estimates) pass
 * {@link #DRIFT} of its rows. The change-log entries of (base, W] must outlive the ETL that
 * consumed them: {@link #retains} tells the compaction filter to keep them until the refresh ran.
 *
 * <p>Thread safety: safe for concurrent use; refreshes of one table are serialized by the
 * caller (the ETL's per-table lock).
 */
public final class IncrementalStatistics {
  /** Re-scan fully once rows that left since the last full scan exceed this share of the rows. */
  public static final double DRIFT = 0.2;
  /** Unchanged rows a cursor may pass per changed row before the rest are read by point gets. */
  private static final int RUN_SLACK = 2;

  private final LsmStore store;
  private final Statistics statistics;
  private final boolean incrementalEnabled;
  private final Map<Long, Base> bases = new ConcurrentHashMap<>();
  private final AtomicLong fullRefreshes = new AtomicLong();
  private final AtomicLong incrementalRefreshes = new AtomicLong();

  /** How a refresh was done (tests, logs). */
  public enum Kind { FULL, INCREMENTAL }

  /**
   * Statistics this class stored: valid at {@code sequence}; {@code removedSinceFull} rows left
   * the table since the last full scan.
   */
  private record Base(long sequence, TableStatistics stored, long removedSinceFull) {}

  /**
   * {@code -Dquaver.stats.refresh=full} makes every refresh a full scan (the behaviour before
   * issue #4's incremental refresh), for A/B runs (docs/storage-bench.md).
   */
  public IncrementalStatistics(LsmStore store, Statistics statistics) {
    this(store, statistics, !"full".equalsIgnoreCase(System.getProperty("quaver.stats.refresh")));
  }

  /** {@code incremental} false: every refresh is a full scan. */
  public IncrementalStatistics(LsmStore store, Statistics statistics, boolean incremental) {
    this.store = store;
    this.statistics = statistics;
    this.incrementalEnabled = incremental;
  }

  /**
   * Whether a change-log entry of {@code tableId} at {@code sequence} is still needed by the next
   * refresh (it is after the base of statistics this class stored and that are still current).
   */
  public boolean retains(long tableId, long sequence) {
    Base base = bases.get(tableId);
    return base != null && sequence > base.sequence()
        && statistics.table(tableId).orElse(null) == base.stored();
  }

  /** {@link #retains} for a change-log key. */
  public boolean retains(byte[] changeKey) {
    return ChangeLog.isChangeKey(changeKey)
        && retains(ChangeLog.tableIdOf(changeKey), ChangeLog.sequenceOf(changeKey));
  }

  /**
   * Refreshes and stores the statistics of {@code table} as of {@code watermark} (the ETL's new
   * columnar version, which holds {@code liveRows} rows); returns how.
   */
  public Kind refresh(StorageEngine engine, TableDef table, long watermark, long liveRows,
      BufferAllocator allocator) {
    Base base = bases.get(table.id());
    Optional<TableStatistics> stored = statistics.table(table.id());
    boolean incremental = incrementalEnabled && base != null && stored.isPresent()
        && stored.get() == base.stored()
        && stored.get().columns().size() == table.columns().size()
        && base.sequence() <= watermark;
    try {
      if (incremental) {
        TableStatistics added = changedRows(table, base.sequence(), watermark);
        long removed = base.removedSinceFull()
            + StatisticsMerger.removedRows(stored.get(), added, liveRows);
        if (removed <= DRIFT * Math.max(liveRows, stored.get().rowCount())) {
          TableStatistics merged = StatisticsMerger.merge(stored.get(), added, liveRows,
              System.currentTimeMillis());
          statistics.put(merged);
          bases.put(table.id(), new Base(watermark, merged, removed));
          incrementalRefreshes.incrementAndGet();
          return Kind.INCREMENTAL;
        }
      }
      TableStatistics full = TableAnalyzer.compute(engine, table, watermark, allocator);
      statistics.put(full);
      bases.put(table.id(), new Base(watermark, full, 0));
      fullRefreshes.incrementAndGet();
      return Kind.FULL;
    } catch (RuntimeException e) {
      bases.remove(table.id()); // retain no change log for a refresh that may never come
      throw e;
    }
  }

  /** Refreshes done by a full scan since this object was made. */
  public long fullRefreshes() {
    return fullRefreshes.get();
  }

  /** Refreshes done by merging the changed rows since this object was made. */
  public long incrementalRefreshes() {
    return incrementalRefreshes.get();
  }

  /** Forgets the base of a table (its statistics are rebuilt by a full scan next time). */
  public void forget(long tableId) {
    bases.remove(tableId);
  }

  /** Statistics of the versions at {@code through} of the rows changed in (after, through]. */
  private TableStatistics changedRows(TableDef table, long after, long through) {
    List<ColumnType> types = table.columns().stream().map(ColumnDef::type).toList();
    StatisticsCollector collector = new StatisticsCollector(table.id(), types);
    if (after == through) {
      return collector.finish();
    }
    Runnable unpin = store.snapshots().register(through);
    try {
      List<byte[]> changed = changedKeys(table.id(), after, through);
      if (changed.isEmpty()) {
        return collector.finish();
      }
      Object[] row = new Object[types.size()];
      for (int i = readRun(changed, through, types, row, collector); i < changed.size(); i++) {
        byte[] value = store.get(changed.get(i), through);
        if (value != null) {
          RowCodec.decode(value, types, row);
          collector.addRow(row);
        }
      }
    } finally {
      unpin.run();
    }
    return collector.finish();
  }

  /**
   * The row keys of the table's change log in (after, through], sorted and distinct. The log is
   * ordered by sequence, then row key; under hidden row ids (appends) that is already key order,
   * so the common case costs one pass and no sort.
   */
  private List<byte[]> changedKeys(long tableId, long after, long through) {
    List<byte[]> keys = new ArrayList<>();
    boolean increasing = true;
    byte[] previous = null;
    try (Cursor cursor = store.scan(ChangeLog.from(tableId, after + 1),
        ChangeLog.from(tableId, through + 1), through)) {
      while (cursor.next()) {
        byte[] key = ChangeLog.rowKeyOf(cursor.key());
        if (previous != null && Arrays.compareUnsigned(previous, key) >= 0) {
          increasing = false;
        }
        keys.add(key);
        previous = key;
      }
    }
    if (!increasing) {
      keys.sort(Arrays::compareUnsigned);
      int distinct = 0;
      for (byte[] key : keys) {
        if (distinct == 0 || !Arrays.equals(keys.get(distinct - 1), key)) {
          keys.set(distinct++, key);
        }
      }
      keys.subList(distinct, keys.size()).clear();
    }
    return keys;
  }

  /**
   * Reads the changed rows with one cursor over [first, last changed key] while most rows it
   * passes are changed ones (appends under hidden row ids, batch loads: the common case, where a
   * point get per row cost as much as the ETL's own work); returns the index of the first changed
   * key still to read (by point gets) once the cursor passes more than {@link #RUN_SLACK}
   * unchanged rows per changed one, or the size when done. A changed key the cursor does not meet
   * is deleted.
   */
  private int readRun(List<byte[]> changed, long through, List<ColumnType> types, Object[] row,
      StatisticsCollector collector) {
    byte[] last = changed.get(changed.size() - 1);
    byte[] end = Arrays.copyOf(last, last.length + 1); // just after the last key
    long budget = (long) RUN_SLACK * changed.size();
    int pending = 0;
    try (Cursor cursor = store.scan(changed.get(0), end, through)) {
      while (cursor.next()) {
        byte[] key = cursor.key();
        int order = Arrays.compareUnsigned(key, changed.get(pending));
        while (order > 0) { // pending was deleted
          if (++pending == changed.size()) {
            return pending;
          }
          order = Arrays.compareUnsigned(key, changed.get(pending));
        }
        if (order == 0) {
          RowCodec.decode(cursor.value(), types, row);
          collector.addRow(row);
          if (++pending == changed.size()) {
            return pending;
          }
        } else if (--budget < 0) {
          return pending;
        }
      }
    }
    return changed.size(); // the rest were deleted
  }
}
