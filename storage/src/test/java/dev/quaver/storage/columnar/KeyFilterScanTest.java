package dev.quaver.storage.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.ScanPredicate;
import dev.quaver.storage.Storage;
import dev.quaver.storage.StorageConfig;
import dev.quaver.storage.StorageEngine;
import dev.quaver.storage.TableScan;
import dev.quaver.storage.WriteBatch;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.segment.SegmentOptions;
import dev.quaver.storage.etl.EtlOptions;
import dev.quaver.storage.lsm.LsmOptions;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.LongPredicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link KeyFilter} pushed into a columnar scan (late materialization): segment rows and delta
 * rows whose key is not in the filter are dropped, NULL keys too, no row whose key is in it is
 * lost, with two filters on one scan, a filter on a column not in the output, and partitions.
 */
class KeyFilterScanTest {
  private static final int ROWS = 3000;

  @TempDir Path directory;

  @Test
  void filtersSegmentAndDeltaRowsExactly() {
    try (StorageEngine engine = open()) {
      TableDef table = engine.catalog().createTable(definition(1));
      load(engine, table);
      long[] keys = {3, 17, 500, 501, 502, 999};
      KeyFilter filter = KeyFilter.of(keys, keys.length);
      List<ScanPredicate> predicates = List.of(new ScanPredicate(1, ScanPredicate.Op.EQ, filter));
      List<String> all = scan(engine, table, new int[] {0, 1, 2}, List.of(), -1);
      List<String> filtered = scan(engine, table, new int[] {0, 1, 2}, predicates, -1);
      assertThat(filtered).isNotEmpty().isEqualTo(select(all, 1, k -> Arrays.stream(keys).anyMatch(x -> x == k)));
    }
  }

  @Test
  void twoFiltersAndAFilterOnAColumnNotRead() {
    try (StorageEngine engine = open()) {
      TableDef table = engine.catalog().createTable(definition(1));
      load(engine, table);
      long[] ks = new long[400];
      for (int i = 0; i < ks.length; i++) {
        ks[i] = i * 2; // even K below 800
      }
      long[] vs = new long[50];
      for (int i = 0; i < vs.length; i++) {
        vs[i] = i * 1_000_003L; // V a multiple of 1,000,003: sparse, a Bloom filter
      }
      KeyFilter onK = KeyFilter.of(ks, ks.length);
      KeyFilter onV = KeyFilter.of(vs, vs.length);
      assertThat(onV.exact()).isFalse();
      List<ScanPredicate> predicates = List.of(new ScanPredicate(1, ScanPredicate.Op.EQ, onK),
          new ScanPredicate(2, ScanPredicate.Op.EQ, onV));
      List<String> all = scan(engine, table, new int[] {0, 1, 2}, List.of(), -1);
      List<String> expected = select(select(all, 1, k -> k < 800 && k % 2 == 0), 2,
          v -> v % 1_000_003L == 0 && v / 1_000_003L < 50);
      List<String> actual = scan(engine, table, new int[] {0, 1, 2}, predicates, -1);
      // the Bloom filter may pass a few extra rows; none may be lost
      assertThat(actual).containsAll(expected);
      assertThat(select(actual, 1, k -> k < 800 && k % 2 == 0)).isEqualTo(actual);
      // only column 0 is read; the filters still apply
      List<String> ids = scan(engine, table, new int[] {0}, List.of(predicates.get(0)), -1);
      assertThat(ids).hasSize(select(all, 1, k -> k < 800 && k % 2 == 0).size());
    }
  }

  @Test
  void partitionedScansAndAnEmptyFilter() {
    try (StorageEngine engine = open()) {
      TableDef table = engine.catalog().createTable(definition(3));
      load(engine, table);
      long[] keys = new long[100];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = 10L * i;
      }
      List<ScanPredicate> predicates = List.of(new ScanPredicate(1, ScanPredicate.Op.EQ, KeyFilter.of(keys, 100)));
      List<String> all = scan(engine, table, new int[] {0, 1, 2}, List.of(), -1);
      List<String> union = new ArrayList<>();
      for (int p = 0; p < 3; p++) {
        union.addAll(scan(engine, table, new int[] {0, 1, 2}, predicates, p));
      }
      union.sort(null);
      assertThat(union).isEqualTo(select(all, 1, k -> k % 10 == 0 && k < 1000));
      List<ScanPredicate> none = List.of(new ScanPredicate(1, ScanPredicate.Op.EQ, KeyFilter.of(new long[0], 0)));
      assertThat(scan(engine, table, new int[] {0, 1, 2}, none, -1)).isEmpty();
    }
  }

  /** ROWS rows (K in [0, 1000) or NULL), the ETL, then a delta: deletes, updates and inserts. */
  private static void load(StorageEngine engine, TableDef table) {
    Random random = new Random(7);
    WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
    for (int id = 0; id < ROWS; id++) {
      batch.insert(table, row(random, id));
    }
    engine.commit(batch);
    engine.optimize(table);
    List<byte[]> rowKeys = rowKeys(engine, table);
    WriteBatch delta = engine.newWriteBatch(engine.currentSnapshot());
    for (int i = 0; i < rowKeys.size(); i += 13) {
      delta.delete(table, rowKeys.get(i));
    }
    for (int i = 5; i < rowKeys.size(); i += 17) {
      if (i % 13 != 0) {
        delta.update(table, rowKeys.get(i), row(random, rowIdOf(engine, table, rowKeys.get(i))));
      }
    }
    for (int id = ROWS; id < ROWS + 200; id++) {
      delta.insert(table, row(random, id));
    }
    engine.commit(delta);
  }

  private static Object[] row(Random random, int id) {
    Integer k = random.nextInt(10) == 0 ? null : random.nextInt(1000);
    long v = random.nextInt(3) == 0 ? random.nextInt(60) * 1_000_003L : random.nextInt(1_000_000);
    return new Object[] {id, k, v};
  }

  /** The rows whose column {@code column} is non-NULL and satisfies {@code test}. */
  private static List<String> select(List<String> rows, int column, LongPredicate test) {
    List<String> kept = new ArrayList<>();
    for (String row : rows) {
      String value = row.substring(1, row.length() - 1).split(", ")[column];
      if (!value.equals("null") && test.test(Long.parseLong(value))) {
        kept.add(row);
      }
    }
    return kept;
  }

  private static List<String> scan(StorageEngine engine, TableDef table, int[] columns,
      List<ScanPredicate> predicates, int partition) {
    List<String> rows = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator()) {
      try (TableScan scan = partition < 0
          ? engine.scan(table, engine.currentSnapshot(), columns, false, allocator, 100, predicates)
          : engine.scanPartition(table, engine.currentSnapshot(), columns, allocator, 100, predicates, partition)) {
        for (VectorSchemaRoot root = scan.next(); root != null; root = scan.next()) {
          for (int r = 0; r < root.getRowCount(); r++) {
            Object[] row = new Object[columns.length];
            for (int c = 0; c < columns.length; c++) {
              row[c] = ArrowTypes.get(root.getFieldVectors().get(c), r, table.columns().get(columns[c]).type());
            }
            rows.add(Arrays.toString(row));
          }
        }
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
    rows.sort(null);
    return rows;
  }

  private static List<byte[]> rowKeys(StorageEngine engine, TableDef table) {
    List<byte[]> keys = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
        TableScan scan = engine.scan(table, engine.currentSnapshot(), new int[] {0}, true, allocator, 100)) {
      for (VectorSchemaRoot root = scan.next(); root != null; root = scan.next()) {
        for (int r = 0; r < root.getRowCount(); r++) {
          keys.add(((VarBinaryVector) root.getVector(1)).get(r));
        }
      }
    }
    return keys;
  }

  private static int rowIdOf(StorageEngine engine, TableDef table, byte[] rowKey) {
    try (BufferAllocator allocator = new RootAllocator();
        TableScan scan = engine.scan(table, engine.currentSnapshot(), new int[] {0}, true, allocator, 100)) {
      for (VectorSchemaRoot root = scan.next(); root != null; root = scan.next()) {
        for (int r = 0; r < root.getRowCount(); r++) {
          if (Arrays.equals(((VarBinaryVector) root.getVector(1)).get(r), rowKey)) {
            return (Integer) ArrowTypes.get(root.getVector(0), r, ColumnType.INTEGER);
          }
        }
      }
    }
    throw new AssertionError("no row key");
  }

  private StorageEngine open() {
    LsmOptions lsm = new LsmOptions(16 << 10, 2, 64 << 10, 256 << 10, 8 << 10, 32 << 10, 4, 2, 6, 12, 0,
        3_600_000);
    EtlOptions etl = new EtlOptions(EtlOptions.Mode.DISABLED, 1_000_000, 1000, 4096, 2, 1000,
        new SegmentOptions(64, 1024, 4, SegmentOptions.Codec.ZSTD));
    return Storage.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5), lsm, etl);
  }

  private static TableDef definition(int partitions) {
    return new TableDef(0, "T", List.of(
        new ColumnDef("ID", ColumnType.INTEGER, false, null),
        new ColumnDef("K", ColumnType.INTEGER, true, null),
        new ColumnDef("V", ColumnType.BIGINT, false, null)),
        List.of(0), List.of(), partitions, List.of());
  }
}
