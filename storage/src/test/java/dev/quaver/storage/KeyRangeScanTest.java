package dev.quaver.storage;

import static dev.quaver.storage.EngineTestSupport.column;
import static dev.quaver.storage.EngineTestSupport.people;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key-range reads of the row store: primary-key points and ranges, index ranges, snapshots. */
class KeyRangeScanTest {
  @TempDir Path directory;
  private StorageEngine engine;
  private TableDef people;

  @BeforeEach
  void open() {
    engine = Storage.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5));
    engine.catalog().createTable(people("T"));
    people = engine.catalog().createIndex("T", new IndexDef("T_SCORE", List.of(2), false));
    for (int i = 0; i < 100; i++) {
      EngineTestSupport.insert(engine, people, new Object[] {i, "n" + i, i % 10 == 0 ? null : (long) (i % 7)});
    }
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void pointGetsOfThePrimaryKeyMergeDuplicates() {
    List<List<Object>> rows = read(people, null, List.of(KeyBounds.point(List.of(5)),
        KeyBounds.point(List.of(500)), KeyBounds.point(List.of(5)), KeyBounds.point(List.of(-1))));
    assertThat(rows).containsExactly(List.of(5, "n5", 5L));
  }

  @Test
  void primaryKeyRangesHonourInclusiveness() {
    assertThat(ids(read(people, null, List.of(new KeyBounds(List.of(), 10, false, 13, true)))))
        .containsExactly(11, 12, 13);
    assertThat(ids(read(people, null, List.of(new KeyBounds(List.of(), null, true, 2, false)))))
        .containsExactly(0, 1);
    assertThat(ids(read(people, null, List.of(new KeyBounds(List.of(), 97, true, null, true)))))
        .containsExactly(97, 98, 99);
    assertThat(read(people, null, List.of(new KeyBounds(List.of(), 13, true, 10, true)))).isEmpty();
  }

  @Test
  void indexRangesReachTheRowsAndSkipNulls() {
    List<List<Object>> equal = read(people, "T_SCORE", List.of(KeyBounds.point(List.of(3L))));
    assertThat(equal).allSatisfy(row -> assertThat(row.get(2)).isEqualTo(3L));
    assertThat(equal).hasSize((int) java.util.stream.IntStream.range(0, 100)
        .filter(i -> i % 10 != 0 && i % 7 == 3).count());
    List<List<Object>> below = read(people, "T_SCORE", List.of(new KeyBounds(List.of(), null, true, 1L, false)));
    assertThat(below).isNotEmpty().allSatisfy(row -> assertThat(row.get(2)).isEqualTo(0L));
  }

  @Test
  void readsAtTheSnapshotSeeOlderVersions() {
    long before = engine.currentSnapshot();
    WriteBatch batch = engine.newWriteBatch(before);
    batch.insert(people, new Object[] {1000, "new", 3L});
    engine.commit(batch);
    assertThat(ids(read(people, null, List.of(KeyBounds.point(List.of(1000))), before))).isEmpty();
    assertThat(ids(read(people, null, List.of(KeyBounds.point(List.of(1000)))))).containsExactly(1000);
    assertThat(ids(read(people, "T_SCORE", List.of(KeyBounds.point(List.of(3L))), before)))
        .doesNotContain(1000);
  }

  @Test
  void compositeKeysBindAPrefixThenARange() {
    TableDef pairs = engine.catalog().createTable(new TableDef(0, "P", List.of(
        column("A", ColumnType.INTEGER, false), column("B", ColumnType.varchar(5), false),
        column("C", ColumnType.DOUBLE, true)), List.of(0, 1), List.of(0), 1, List.of()));
    pairs = engine.catalog().createIndex("P", new IndexDef("P_CB", List.of(2, 1), true));
    insert(pairs, new Object[] {1, "a", 1.5}, new Object[] {1, "b", null}, new Object[] {1, "c", -2.0},
        new Object[] {2, "a", 0.0}, new Object[] {2, "a\0", 7.0});
    assertThat(read(pairs, null, List.of(new KeyBounds(List.of(1), "b", true, null, true))))
        .extracting(row -> row.get(1)).containsExactly("b", "c");
    assertThat(read(pairs, null, List.of(KeyBounds.point(List.of(2, "a")))))
        .extracting(row -> row.get(2)).containsExactly(0.0);
    assertThat(read(pairs, "P_CB", List.of(new KeyBounds(List.of(), -2.0, true, 1.5, false))))
        .extracting(row -> row.get(1)).containsExactly("c", "a");
    assertThat(read(pairs, "P_CB", List.of(KeyBounds.point(List.of(7.0, "a\0")))))
        .extracting(row -> row.get(0)).containsExactly(2);
  }

  @Test
  void unknownIndexFallsBackToTheWholeTable() {
    assertThat(read(people, "NO_SUCH_INDEX", List.of(KeyBounds.point(List.of(1L))))).hasSize(100);
  }

  private void insert(TableDef table, Object[]... rows) {
    EngineTestSupport.insert(engine, table, rows);
  }

  private List<List<Object>> read(TableDef table, String index, List<KeyBounds> ranges) {
    return read(table, index, ranges, engine.currentSnapshot());
  }

  private List<List<Object>> read(TableDef table, String index, List<KeyBounds> ranges, long snapshot) {
    int[] columns = java.util.stream.IntStream.range(0, table.columns().size()).toArray();
    List<List<Object>> rows = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator()) {
      try (TableScan scan = engine.keyRangeScan(table, index, ranges, snapshot, columns, false, allocator, 7)) {
        VectorSchemaRoot root;
        while ((root = scan.next()) != null) {
          for (int r = 0; r < root.getRowCount(); r++) {
            Object[] row = new Object[columns.length];
            for (int c = 0; c < columns.length; c++) {
              row[c] = ArrowTypes.get(root.getVector(c), r, table.columns().get(c).type());
            }
            rows.add(Arrays.asList(row));
          }
        }
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
    return rows;
  }

  private static List<Object> ids(List<List<Object>> rows) {
    return rows.stream().map(row -> row.get(0)).toList();
  }
}
