package dev.quaver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.storage.columnar.PartitionFunction;
import dev.quaver.storage.etl.EtlOptions;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partition-sliced scans: the union of all partitions equals the full scan at the same snapshot,
 * from the row store, from segments, and from segments plus a delta with updates that move rows
 * between partitions and deletes after the watermark; each row is in the partition that
 * {@link PartitionFunction} names, before and after the ETL (so the ETL places rows by it too).
 */
class PartitionedScanTest {
  private static final String[] COUNTRIES = {"SE", "NO", "DK", "FI", "IS", "DE", "FR", "NL", "BE", "LU",
      "PL", "CZ", "AT", "CH", "IT", "ES", "PT", "IE", "GB", null};

  @TempDir Path directory;

  @Test
  void unionOfPartitionsIsTheFullScanBeforeAndAfterTheEtlWithADelta() {
    check(List.of(1));
  }

  @Test
  void tableWithoutDistributionKeyIsSlicedByRowKey() {
    check(List.of());
  }

  @Test
  void onePartitionTablesAreOneSlice() {
    try (StorageEngine engine = open()) {
      TableDef table = engine.catalog().createTable(definition("ONE", List.of(1), 1));
      EngineTestSupport.insert(engine, table, new Object[] {1, "SE", 1L});
      assertThat(engine.scanPartitions(table)).isEqualTo(1);
      assertThat(partition(engine, table, engine.currentSnapshot(), 0)).hasSize(1);
    }
  }

  private void check(List<Integer> distributionKey) {
    Random random = new Random(42);
    try (StorageEngine engine = open()) {
      TableDef table = engine.catalog().createTable(definition("T", distributionKey, 4));
      assertThat(engine.scanPartitions(table)).isEqualTo(4);
      List<Object[]> rows = new ArrayList<>();
      for (int id = 0; id < 600; id++) {
        rows.add(new Object[] {id, COUNTRIES[random.nextInt(COUNTRIES.length)], (long) random.nextInt(100)});
      }
      EngineTestSupport.insert(engine, table, rows.toArray(new Object[0][]));
      Map<Integer, Integer> rowStorePlacement = checkUnion(engine, table, distributionKey);
      engine.optimize(table);
      Map<Integer, Integer> segmentPlacement = checkUnion(engine, table, distributionKey);
      assertThat(segmentPlacement).as("the ETL places rows as PartitionFunction says")
          .isEqualTo(rowStorePlacement);
      long beforeDelta = engine.currentSnapshot();
      WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
      for (int id = 0; id < 600; id += 7) {
        batch.delete(table, EngineTestSupport.keyOf(engine, table, id));
      }
      for (int id = 3; id < 600; id += 11) {
        if (id % 7 != 0) {
          batch.update(table, EngineTestSupport.keyOf(engine, table, id),
              new Object[] {id, COUNTRIES[(id / 11) % COUNTRIES.length], -1L});
        }
      }
      for (int id = 600; id < 700; id++) {
        batch.insert(table, new Object[] {id, COUNTRIES[id % COUNTRIES.length], 7L});
      }
      engine.commit(batch);
      checkUnion(engine, table, distributionKey);
      assertThat(checkUnion(engine, table, distributionKey, beforeDelta)).isEqualTo(segmentPlacement);
    }
  }

  private Map<Integer, Integer> checkUnion(StorageEngine engine, TableDef table, List<Integer> distributionKey) {
    return checkUnion(engine, table, distributionKey, engine.currentSnapshot());
  }

  /** Asserts union = full scan and rows in their PartitionFunction partition; returns id → partition. */
  private Map<Integer, Integer> checkUnion(StorageEngine engine, TableDef table, List<Integer> distributionKey,
      long snapshot) {
    List<List<Object>> full = EngineTestSupport.rows(engine, table, snapshot);
    List<List<Object>> union = new ArrayList<>();
    Map<Integer, Integer> placement = new HashMap<>();
    for (int p = 0; p < engine.scanPartitions(table); p++) {
      for (List<Object> row : partition(engine, table, snapshot, p)) {
        union.add(row);
        assertThat(placement.put((Integer) row.get(0), p)).as("row in two partitions: " + row).isNull();
        if (!distributionKey.isEmpty()) {
          assertThat(PartitionFunction.of(List.of(ColumnType.varchar(10)), new Object[] {row.get(1)}, 4))
              .as("partition of " + row).isEqualTo(p);
        }
      }
    }
    assertThat(union).containsExactlyInAnyOrderElementsOf(full);
    assertThat(new java.util.HashSet<>(placement.values())).as("every partition has rows").hasSize(4);
    return placement;
  }

  private static List<List<Object>> partition(StorageEngine engine, TableDef table, long snapshot, int partition) {
    List<List<Object>> rows = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator()) {
      try (TableScan scan = engine.scanPartition(table, snapshot, new int[] {0, 1, 2}, allocator, 64, List.of(),
          partition)) {
        for (VectorSchemaRoot root = scan.next(); root != null; root = scan.next()) {
          for (int r = 0; r < root.getRowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
              row.add(ArrowTypes.get(root.getFieldVectors().get(c), r, table.columns().get(c).type()));
            }
            rows.add(row);
          }
        }
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
    return rows;
  }

  private StorageEngine open() {
    return Storage.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5),
        ColumnarDifferentialTest.lsm(), ColumnarDifferentialTest.etlOptions(EtlOptions.Mode.DISABLED));
  }

  private static TableDef definition(String name, List<Integer> distributionKey, int partitions) {
    return new TableDef(0, name, List.of(
        new ColumnDef("ID", ColumnType.INTEGER, false, null),
        new ColumnDef("COUNTRY", ColumnType.varchar(10), true, null),
        new ColumnDef("SCORE", ColumnType.BIGINT, true, null)),
        List.of(0), distributionKey, partitions, List.of());
  }
}
