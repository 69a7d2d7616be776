package dev.quaver.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.segment.SegmentOptions;
import dev.quaver.storage.etl.EtlOptions;
import dev.quaver.storage.stats.ColumnStatistics;
import dev.quaver.storage.stats.IncrementalStatistics;
import dev.quaver.storage.stats.TableAnalyzer;
import dev.quaver.storage.stats.TableStatistics;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics refresh after ETL runs merges the changed rows instead of re-scanning, and agrees
 * with a full ANALYZE of the same rows within the documented bounds (docs/formats/stats.md):
 * exact row and null counts and min/max after inserts, the distinct count within the HLL's error,
 * histogram bounds within a few buckets' rank; after deletes and updates the row count stays exact
 * and min/max bound the values; drift, ANALYZE and a reopen bring a full scan back.
 */
class IncrementalStatisticsTest {
  private static final int BUCKETS = 32;
  @TempDir Path directory;

  private static TableDef table() {
    return new TableDef(0, "S", List.of(
        new ColumnDef("ID", ColumnType.INTEGER, false, null),
        new ColumnDef("K", ColumnType.BIGINT, true, null),
        new ColumnDef("NAME", ColumnType.varchar(12), true, null),
        new ColumnDef("PRICE", ColumnType.DOUBLE, true, null)),
        List.of(0), List.of(), 2, List.of());
  }

  private LsmStorageEngine open() {
    EtlOptions options = new EtlOptions(EtlOptions.Mode.DISABLED, 1000, 1000, 1 << 20, 4, 1 << 20,
        new SegmentOptions(256, 4096, 8, SegmentOptions.Codec.LZ4_FRAME));
    return (LsmStorageEngine) Storage.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5),
        ColumnarDifferentialTest.lsm(), options);
  }

  private static Object[] row(int id, SplittableRandom random) {
    Long k = random.nextInt(10) == 0 ? null : (long) random.nextInt(3000);
    String name = random.nextInt(7) == 0 ? null : "n" + (random.nextInt(4) == 0 ? 1 : random.nextInt(50));
    Double price = random.nextInt(5) == 0 ? null : random.nextDouble() * 1000 + id % 17;
    return new Object[] {id, k, name, price};
  }

  private static void insertRange(StorageEngine engine, TableDef table, int from, int to,
      SplittableRandom random) {
    for (int start = from; start < to; start += 500) {
      WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
      for (int id = start; id < Math.min(to, start + 500); id++) {
        batch.insert(table, row(id, random));
      }
      engine.commit(batch);
    }
  }

  @Test
  void insertsAfterSeveralEtlRunsAgreeWithAFullAnalyze() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    try (LsmStorageEngine engine = open(); BufferAllocator allocator = new RootAllocator()) {
      TableDef table = engine.catalog().createTable(table());
      IncrementalStatistics refresh = engine.incrementalStatistics();
      insertRange(engine, table, 0, 6000, random);
      engine.etl().run(table);
      assertThat(refresh.fullRefreshes()).isEqualTo(1);
      int next = 6000;
      for (int round = 0; round < 4; round++) {
        if (round == 1) {
          // A run too small to refresh, then a compaction: the change log that run consumed
          // must survive until the next refresh merges it.
          insertRange(engine, table, next, next + 300, random);
          next += 300;
          engine.etl().run(table);
          engine.store().flush();
          engine.store().compactor().compactAll();
        }
        int rows = 2000 + round * 1000;
        insertRange(engine, table, next, next + rows, random);
        next += rows;
        engine.etl().run(table);
      }
      assertThat(refresh.fullRefreshes()).isEqualTo(1);
      assertThat(refresh.incrementalRefreshes()).isEqualTo(4);
      TableStatistics incremental = engine.catalog().statistics().table(table.id()).orElseThrow();
      TableStatistics full = TableAnalyzer.compute(engine, table, allocator);
      assertThat(incremental.rowCount()).isEqualTo(full.rowCount()).isEqualTo(next);
      assertThat(incremental.averageRowBytes()).isCloseTo(full.averageRowBytes(), within(0.01));
      for (int c = 0; c < table.columns().size(); c++) {
        ColumnStatistics a = incremental.column(c);
        ColumnStatistics b = full.column(c);
        assertThat(a.nullCount()).as("nulls of column %d", c).isEqualTo(b.nullCount());
        assertThat(a.min()).as("min of column %d", c).isEqualTo(b.min());
        assertThat(a.max()).as("max of column %d", c).isEqualTo(b.max());
        // HLL at 2^12 buckets: 1.6% standard error for each; allow 3 sigma between the two.
        assertThat(a.distinctCount()).as("distinct of column %d", c)
            .isCloseTo(b.distinctCount(), within(Math.max(1, 0.05 * b.distinctCount())));
        assertThat(a.histogram()).hasSize(b.histogram().size());
      }
      assertThat(incremental.column(2).distinctCount()).isEqualTo(full.column(2).distinctCount());
      assertThat(incremental.column(2).mostCommon().get(0).value()).isEqualTo("n1");
      assertThat(incremental.column(2).mostCommon().get(0).count())
          .isCloseTo(full.column(2).mostCommon().get(0).count(), within(full.rowCount() / 20));
      assertHistogramRanks(engine, table, allocator, incremental.column(3), 3);
      assertHistogramRanks(engine, table, allocator, incremental.column(1), 1);
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void deletesAndUpdatesKeepRowCountsExactAndDriftBringsAFullScan() throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    try (LsmStorageEngine engine = open(); BufferAllocator allocator = new RootAllocator()) {
      TableDef table = engine.catalog().createTable(table());
      IncrementalStatistics refresh = engine.incrementalStatistics();
      insertRange(engine, table, 0, 8000, random);
      engine.etl().run(table);
      // 5% deleted, 5% updated, 15% inserted: below the drift limit.
      List<Object[]> keyed = EngineTestSupport.rowsWithKeys(engine, table, engine.currentSnapshot(), 4096);
      WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
      for (int i = 0; i < 800; i++) {
        Object[] old = keyed.get(i * 10);
        byte[] key = (byte[]) old[old.length - 1];
        if (i % 2 == 0) {
          batch.delete(table, key);
        } else {
          batch.update(table, key, row((Integer) old[0], random));
        }
      }
      engine.commit(batch);
      insertRange(engine, table, 8000, 9200, random);
      engine.etl().run(table);
      assertThat(refresh.incrementalRefreshes()).isEqualTo(1);
      TableStatistics incremental = engine.catalog().statistics().table(table.id()).orElseThrow();
      TableStatistics full = TableAnalyzer.compute(engine, table, allocator);
      assertThat(incremental.rowCount()).isEqualTo(full.rowCount()).isEqualTo(8800);
      for (int c = 1; c < table.columns().size(); c++) {
        ColumnStatistics a = incremental.column(c);
        ColumnStatistics b = full.column(c);
        // Rows that left (400 deleted, 400 old versions) are taken out proportionally.
        assertThat(a.nullCount()).isCloseTo(b.nullCount(), within(200L));
        assertThat(compare(a.min(), b.min())).isLessThanOrEqualTo(0);
        assertThat(compare(a.max(), b.max())).isGreaterThanOrEqualTo(0);
      }
      // Deleting a third of the table: the estimates would drift, so the refresh re-scans.
      keyed = EngineTestSupport.rowsWithKeys(engine, table, engine.currentSnapshot(), 4096);
      batch = engine.newWriteBatch(engine.currentSnapshot());
      for (int i = 0; i < keyed.size(); i += 3) {
        Object[] old = keyed.get(i);
        batch.delete(table, (byte[]) old[old.length - 1]);
      }
      engine.commit(batch);
      insertRange(engine, table, 9200, 9300, random); // a run that writes no row calls no refresh
      engine.etl().run(table);
      assertThat(refresh.fullRefreshes()).isEqualTo(2);
      TableStatistics rescanned = engine.catalog().statistics().table(table.id()).orElseThrow();
      TableStatistics again = TableAnalyzer.compute(engine, table, allocator);
      assertThat(rescanned.column(1).nullCount()).isEqualTo(again.column(1).nullCount());
      assertThat(rescanned.rowCount()).isEqualTo(again.rowCount());
    }
  }

  @Test
  void analyzeAndReopenStartFromAFullScan() throws Exception {
    SplittableRandom random = new SplittableRandom(3);
    TableDef table;
    try (LsmStorageEngine engine = open(); BufferAllocator allocator = new RootAllocator()) {
      table = engine.catalog().createTable(table());
      insertRange(engine, table, 0, 5000, random);
      engine.etl().run(table);
      engine.catalog().statistics().put(TableAnalyzer.compute(engine, table, allocator)); // ANALYZE
      insertRange(engine, table, 5000, 7000, random);
      engine.etl().run(table);
      assertThat(engine.incrementalStatistics().fullRefreshes()).isEqualTo(2);
      insertRange(engine, table, 7000, 9000, random);
      engine.etl().run(table);
      assertThat(engine.incrementalStatistics().incrementalRefreshes()).isEqualTo(1);
    }
    try (LsmStorageEngine engine = open()) {
      assertThat(engine.catalog().statistics().table(table.id()).orElseThrow().rowCount())
          .isEqualTo(9000);
      insertRange(engine, table, 9000, 11_000, random);
      engine.etl().run(table);
      assertThat(engine.incrementalStatistics().fullRefreshes()).isEqualTo(1);
      assertThat(engine.catalog().statistics().table(table.id()).orElseThrow().rowCount())
          .isEqualTo(11_000);
    }
  }

  /** Each inner bound's rank in the true sorted values is within 3 buckets of its target. */
  private static void assertHistogramRanks(StorageEngine engine, TableDef table,
      BufferAllocator allocator, ColumnStatistics column, int ordinal) {
    List<Comparable<Object>> values = new ArrayList<>();
    for (List<Object> row : EngineTestSupport.rows(engine, table)) {
      if (row.get(ordinal) != null) {
        @SuppressWarnings("unchecked")
        Comparable<Object> value = (Comparable<Object>) row.get(ordinal);
        values.add(value);
      }
    }
    values.sort(null);
    List<Object> bounds = column.histogram();
    assertThat(bounds).hasSize(BUCKETS + 1);
    assertThat(bounds.get(0)).isEqualTo(values.get(0));
    assertThat(bounds.get(BUCKETS)).isEqualTo(values.get(values.size() - 1));
    for (int i = 1; i < BUCKETS; i++) {
      int rank = lowerRank(values, bounds.get(i));
      double target = (double) i * values.size() / BUCKETS;
      assertThat(Math.abs(rank - target)).as("rank of bound %d", i)
          .isLessThanOrEqualTo(3.0 * values.size() / BUCKETS);
    }
  }

  private static int lowerRank(List<Comparable<Object>> sorted, Object value) {
    int low = 0;
    int high = sorted.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted.get(mid).compareTo(value) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }
}
