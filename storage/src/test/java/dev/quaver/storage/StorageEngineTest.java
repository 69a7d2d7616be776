package dev.quaver.storage;

import static dev.quaver.storage.EngineTestSupport.column;
import static dev.quaver.storage.EngineTestSupport.insert;
import static dev.quaver.storage.EngineTestSupport.keyOf;
import static dev.quaver.storage.EngineTestSupport.people;
import static dev.quaver.storage.EngineTestSupport.rows;
import static dev.quaver.storage.EngineTestSupport.rowsWithKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.catalog.ViewDef;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageEngineTest {
  @TempDir Path directory;
  private StorageEngine engine;

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  private StorageEngine open(StorageConfig.SyncMode mode) {
    if (engine != null) {
      engine.close();
    }
    engine = Storage.open(new StorageConfig(directory, mode, 5));
    return engine;
  }

  private StorageEngine reopen() {
    return open(StorageConfig.SyncMode.OFF);
  }

  @Test
  void insertsAndScansInKeyOrderInBatches() {
    open(StorageConfig.SyncMode.COMMIT);
    TableDef t = engine.catalog().createTable(people("T"));
    insert(engine, t, new Object[] {3, "c", 30L}, new Object[] {1, "a", null},
        new Object[] {2, "b", 20L}, new Object[] {-5, "z", -1L});
    assertThat(rows(engine, t)).containsExactly(List.of(-5, "z", -1L),
        Arrays.asList(1, "a", null), List.of(2, "b", 20L), List.of(3, "c", 30L));
    try (BufferAllocator allocator = new RootAllocator();
        TableScan scan = engine.scan(t, engine.currentSnapshot(), new int[] {1}, false, allocator, 3)) {
      VectorSchemaRoot first = scan.next();
      assertThat(first.getRowCount()).isEqualTo(3);
      assertThat(first.getSchema().getFields()).hasSize(1);
      assertThat(first.getSchema().getFields().get(0).getName()).isEqualTo("NAME");
      assertThat(scan.next().getRowCount()).isEqualTo(1);
      assertThat(scan.next()).isNull();
    }
  }

  @Test
  void scanProjectsColumnsInRequestedOrder() {
    reopen();
    TableDef t = engine.catalog().createTable(people("T"));
    insert(engine, t, new Object[] {1, "a", null}, new Object[] {2, "b", 20L});
    for (int[] columns : new int[][] {{2, 0}, {1, 1}, {}}) {
      List<List<Object>> read = new ArrayList<>();
      try (BufferAllocator allocator = new RootAllocator();
          TableScan scan = engine.scan(t, engine.currentSnapshot(), columns, false, allocator, 10)) {
        VectorSchemaRoot root = scan.next();
        assertThat(root.getSchema().getFields()).hasSize(columns.length);
        for (int r = 0; r < root.getRowCount(); r++) {
          List<Object> row = new ArrayList<>();
          for (int c = 0; c < columns.length; c++) {
            row.add(dev.quaver.storage.columnar.ArrowTypes.get(root.getVector(c), r,
                t.columns().get(columns[c]).type()));
          }
          read.add(row);
        }
        assertThat(root.getRowCount()).isEqualTo(2);
      }
      if (columns.length == 2 && columns[0] == 2) {
        assertThat(read).containsExactly(Arrays.asList(null, 1), List.of(20L, 2));
      } else if (columns.length == 2) {
        assertThat(read).containsExactly(List.of("a", "a"), List.of("b", "b"));
      }
    }
  }

  @Test
  void scanCloseMidwayReleasesMemory() {
    open(StorageConfig.SyncMode.OFF);
    TableDef t = engine.catalog().createTable(people("T"));
    for (int i = 0; i < 50; i++) {
      insert(engine, t, new Object[] {i, "n" + i, (long) i});
    }
    try (BufferAllocator allocator = new RootAllocator()) {
      TableScan scan = engine.scan(t, engine.currentSnapshot(), new int[] {0, 1, 2}, true, allocator, 7);
      assertThat(scan.next().getRowCount()).isEqualTo(7);
      scan.close();
      scan.close();
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void everyTypeRoundTripsAndPersists() {
    reopen();
    TableDef t = engine.catalog().createTable(new TableDef(0, "ALLTYPES", List.of(
        column("K", ColumnType.BIGINT, false), column("B", ColumnType.BOOLEAN, true),
        column("TI", ColumnType.TINYINT, true), column("SI", ColumnType.SMALLINT, true),
        column("I", ColumnType.INTEGER, true), column("R", ColumnType.REAL, true),
        column("D", ColumnType.DOUBLE, true), column("DEC", ColumnType.decimal(12, 2), true),
        column("C", ColumnType.character(3), true), column("V", ColumnType.TEXT, true),
        column("DT", ColumnType.DATE, true), column("TM", ColumnType.TIME, true),
        column("TS", ColumnType.TIMESTAMP, true)), List.of(0), List.of(), 1, List.of()));
    Object[] full = {7L, true, (byte) -3, (short) 300, -70000, 1.5f, -2.25, new BigDecimal("-12.34"),
        "abc", "h\u00e9llo\0", 19000, 3_600_000, 1_700_000_000_000L};
    Object[] empty = new Object[13];
    empty[0] = 8L;
    insert(engine, t, full, empty);
    reopen();
    List<List<Object>> read = rows(engine, engine.catalog().table("ALLTYPES").orElseThrow());
    assertThat(read).containsExactly(Arrays.asList(full), Arrays.asList(empty));
  }

  @Test
  void catalogSurvivesReopenAndIdsAreNeverReused() {
    reopen();
    TableDef a = engine.catalog().createTable(people("A"));
    TableDef b = engine.catalog().createTable(people("B"));
    engine.catalog().createView(new ViewDef("V", "SELECT * FROM A", List.of()));
    engine.catalog().createIndex("B", new IndexDef("B_NAME", List.of(1), true));
    engine.catalog().dropTable("A");
    long version = engine.catalog().version();
    assertThat(version).isEqualTo(5);
    reopen();
    assertThat(engine.catalog().version()).isEqualTo(version);
    assertThat(engine.catalog().tables()).extracting(TableDef::name).containsExactly("B");
    assertThat(engine.catalog().table("B").orElseThrow()).isEqualTo(
        b.withIndexes(List.of(new IndexDef("B_NAME", List.of(1), true))));
    assertThat(engine.catalog().view("V")).isPresent();
    assertThat(engine.catalog().tableOfIndex("B_NAME")).isPresent();
    TableDef again = engine.catalog().createTable(people("A"));
    assertThat(again.id()).isGreaterThan(b.id()).isNotEqualTo(a.id());
  }

  @Test
  void ddlErrorsCarryTheirCodes() {
    reopen();
    engine.catalog().createTable(people("T"));
    engine.catalog().createView(new ViewDef("V", "SELECT 1", List.of()));
    engine.catalog().createIndex("T", new IndexDef("I", List.of(1), false));
    assertCode(() -> engine.catalog().createTable(people("T")), ErrorCode.DUPLICATE_TABLE);
    assertCode(() -> engine.catalog().createTable(people("V")), ErrorCode.DUPLICATE_TABLE);
    assertCode(() -> engine.catalog().createView(new ViewDef("T", "x", List.of())), ErrorCode.DUPLICATE_TABLE);
    assertCode(() -> engine.catalog().dropTable("NOPE"), ErrorCode.UNDEFINED_TABLE);
    assertCode(() -> engine.catalog().dropView("NOPE"), ErrorCode.UNDEFINED_TABLE);
    assertCode(() -> engine.catalog().createIndex("NOPE", new IndexDef("J", List.of(1), false)),
        ErrorCode.UNDEFINED_TABLE);
    assertCode(() -> engine.catalog().createIndex("T", new IndexDef("I", List.of(2), false)),
        ErrorCode.DUPLICATE_OBJECT);
    assertCode(() -> engine.catalog().dropIndex("NOPE"), ErrorCode.UNDEFINED_OBJECT);
    engine.catalog().dropIndex("I");
    assertThat(engine.catalog().table("T").orElseThrow().indexes()).isEmpty();
  }

  @Test
  void constraintViolationsChangeNothing() {
    reopen();
    TableDef t = engine.catalog().createTable(people("T"));
    insert(engine, t, new Object[] {1, "a", 1L});
    long before = engine.currentSnapshot();
    assertCode(() -> insert(engine, t, new Object[] {2, "b", 2L}, new Object[] {3, null, 3L}),
        ErrorCode.NOT_NULL_VIOLATION);
    assertThatThrownBy(() -> insert(engine, t, new Object[] {4, null, 3L}))
        .hasMessage("null value in column \"NAME\" of table \"T\" violates not-null constraint");
    assertCode(() -> insert(engine, t, new Object[] {2, "b", 2L}, new Object[] {3, "12345678901", 3L}),
        ErrorCode.STRING_DATA_RIGHT_TRUNCATION);
    assertCode(() -> insert(engine, t, new Object[] {2, "b", 2L}, new Object[] {1, "dup", 3L}),
        ErrorCode.UNIQUE_VIOLATION);
    assertCode(() -> insert(engine, t, new Object[] {5, "b", 2L}, new Object[] {5, "dup", 3L}),
        ErrorCode.UNIQUE_VIOLATION);
    assertThat(engine.currentSnapshot()).isEqualTo(before);
    assertThat(rows(engine, t)).containsExactly(List.of(1, "a", 1L));
  }

  @Test
  void primaryKeyShiftUpdateSucceeds() {
    reopen();
    TableDef t = engine.catalog().createTable(people("T"));
    insert(engine, t, new Object[] {1, "a", 1L}, new Object[] {2, "b", 2L}, new Object[] {3, "c", 3L});
    long snapshot = engine.currentSnapshot();
    WriteBatch batch = engine.newWriteBatch(snapshot);
    for (Object[] row : rowsWithKeys(engine, t, snapshot, 100)) {
      batch.update(t, (byte[]) row[3], new Object[] {(Integer) row[0] + 1, row[1], row[2]});
    }
    engine.commit(batch);
    assertThat(rows(engine, t)).containsExactly(List.of(2, "a", 1L), List.of(3, "b", 2L),
        List.of(4, "c", 3L));
    WriteBatch collide = engine.newWriteBatch(engine.currentSnapshot());
    collide.update(t, keyOf(engine, t, 2), new Object[] {3, "a", 1L});
    assertCode(() -> engine.commit(collide), ErrorCode.UNIQUE_VIOLATION);
  }

  @Test
  void uniqueIndexIsEnforcedAndMaintained() {
    reopen();
    TableDef t = engine.catalog().createTable(people("T"));
    insert(engine, t, new Object[] {1, "a", null}, new Object[] {2, "b", null}, new Object[] {3, "c", 7L});
    engine.catalog().createIndex("T", new IndexDef("U_SCORE", List.of(2), true));
    t = engine.catalog().createIndex("T", new IndexDef("U_NAME", List.of(1), true));
    TableDef table = t;
    assertCode(() -> insert(engine, table, new Object[] {4, "a", 1L}), ErrorCode.UNIQUE_VIOLATION);
    assertThatThrownBy(() -> insert(engine, table, new Object[] {4, "a", 1L})).hasMessage(
        "duplicate key value violates unique constraint \"U_NAME\": key (NAME)=(a) already exists");
    WriteBatch delete = engine.newWriteBatch(engine.currentSnapshot());
    delete.delete(table, keyOf(engine, table, 1));
    engine.commit(delete);
    insert(engine, table, new Object[] {4, "a", 1L});
    WriteBatch swap = engine.newWriteBatch(engine.currentSnapshot());
    swap.update(table, keyOf(engine, table, 2), new Object[] {2, "c", null});
    swap.update(table, keyOf(engine, table, 3), new Object[] {3, "b", 7L});
    engine.commit(swap);
    reopen();
    TableDef reopened = engine.catalog().table("T").orElseThrow();
    assertCode(() -> insert(engine, reopened, new Object[] {9, "b", 1L}), ErrorCode.UNIQUE_VIOLATION);
    assertCode(() -> insert(engine, reopened, new Object[] {9, "z", 7L}), ErrorCode.UNIQUE_VIOLATION);
    insert(engine, reopened, new Object[] {9, "z", null});
    assertThat(rows(engine, reopened)).containsExactly(Arrays.asList(2, "c", null),
        List.of(3, "b", 7L), List.of(4, "a", 1L), Arrays.asList(9, "z", null));
  }

  @Test
  void createUniqueIndexOverDuplicatesChangesNothing() {
    reopen();
    TableDef t = engine.catalog().createTable(people("T"));
    insert(engine, t, new Object[] {1, "same", null}, new Object[] {2, "same", null});
    long version = engine.catalog().version();
    assertCode(() -> engine.catalog().createIndex("T", new IndexDef("U", List.of(1), true)),
        ErrorCode.UNIQUE_VIOLATION);
    assertThat(engine.catalog().version()).isEqualTo(version);
    assertThat(engine.catalog().table("T").orElseThrow().indexes()).isEmpty();
    engine.catalog().createIndex("T", new IndexDef("U", List.of(2), true)); // NULLs never collide
  }

  @Test
  void scanAtOldSnapshotIgnoresLaterCommits() {
    reopen();
    TableDef t = engine.catalog().createTable(people("T"));
    insert(engine, t, new Object[] {1, "a", 1L});
    long old = engine.currentSnapshot();
    insert(engine, t, new Object[] {2, "b", 2L});
    WriteBatch update = engine.newWriteBatch(engine.currentSnapshot());
    update.update(t, keyOf(engine, t, 1), new Object[] {1, "changed", 1L});
    long committed = engine.commit(update);
    assertThat(committed).isEqualTo(engine.currentSnapshot());
    assertThat(rows(engine, t, old)).containsExactly(List.of(1, "a", 1L));
    assertThat(rows(engine, t)).containsExactly(List.of(1, "changed", 1L), List.of(2, "b", 2L));
  }

  @Test
  void writeWriteConflictIsASerializationFailure() {
    reopen();
    TableDef t = engine.catalog().createTable(people("T"));
    insert(engine, t, new Object[] {1, "a", 1L});
    long snapshot = engine.currentSnapshot();
    byte[] key = keyOf(engine, t, 1);
    WriteBatch first = engine.newWriteBatch(snapshot);
    first.update(t, key, new Object[] {1, "first", 1L});
    WriteBatch second = engine.newWriteBatch(snapshot);
    second.delete(t, key);
    engine.commit(first);
    assertCode(() -> engine.commit(second), ErrorCode.SERIALIZATION_FAILURE);
    assertThat(rows(engine, t)).containsExactly(List.of(1, "first", 1L));
  }

  @Test
  void hiddenRowIdsStayMonotonicAcrossRestart() {
    reopen();
    TableDef t = engine.catalog().createTable(new TableDef(0, "NOPK",
        List.of(column("X", ColumnType.INTEGER, true)), List.of(), List.of(), 2, List.of()));
    insert(engine, t, new Object[] {1}, new Object[] {1}, new Object[] {2});
    List<Object[]> before = rowsWithKeys(engine, t, engine.currentSnapshot(), 10);
    WriteBatch delete = engine.newWriteBatch(engine.currentSnapshot());
    delete.delete(t, (byte[]) before.get(2)[1]);
    engine.commit(delete);
    reopen();
    insert(engine, t, new Object[] {3});
    List<Object[]> after = rowsWithKeys(engine, t, engine.currentSnapshot(), 10);
    assertThat(after).extracting(row -> row[0]).containsExactly(1, 1, 3);
    assertThat(Arrays.compareUnsigned((byte[]) after.get(2)[1], (byte[]) before.get(2)[1])).isPositive();
  }

  @Test
  void dropTableRemovesRowsAndRecreateStartsEmpty() {
    reopen();
    TableDef t = engine.catalog().createTable(people("T"));
    insert(engine, t, new Object[] {1, "a", 1L});
    engine.catalog().dropTable("T");
    assertCode(() -> insert(engine, t, new Object[] {2, "b", 1L}), ErrorCode.UNDEFINED_TABLE);
    TableDef again = engine.catalog().createTable(people("T"));
    assertThat(rows(engine, again)).isEmpty();
    reopen();
    assertThat(rows(engine, engine.catalog().table("T").orElseThrow())).isEmpty();
  }

  @Test
  void largeStatementsAndIndexBuildsSurviveReopen() {
    reopen();
    TableDef t = engine.catalog().createTable(people("BIG"));
    Object[][] rows = new Object[40_000][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new Object[] {i, "n" + i, (long) i};
    }
    insert(engine, t, rows); // one WAL record of more than 1 MiB
    engine.catalog().createIndex("BIG", new IndexDef("BIG_NAME", List.of(1), true));
    reopen();
    TableDef big = engine.catalog().table("BIG").orElseThrow();
    assertThat(rows(engine, big)).hasSize(rows.length);
    assertCode(() -> insert(engine, big, new Object[] {-1, "n77", null}), ErrorCode.UNIQUE_VIOLATION);
  }

  @Test
  void secondOpenOfADirectoryIsRefused() {
    reopen();
    assertThatThrownBy(() -> Storage.open(StorageConfig.defaults(directory)))
        .isInstanceOf(QuaverException.class).hasMessageContaining("already in use");
  }

  @Test
  void concurrentCommittersShareSyncs() throws Exception {
    open(StorageConfig.SyncMode.COMMIT);
    TableDef t = engine.catalog().createTable(people("T"));
    List<Thread> threads = new ArrayList<>();
    for (int thread = 0; thread < 4; thread++) {
      int base = thread * 1000;
      threads.add(new Thread(() -> {
        for (int i = 0; i < 100; i++) {
          insert(engine, t, new Object[] {base + i, "x", null});
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(rows(engine, t)).hasSize(400);
    open(StorageConfig.SyncMode.INTERVAL);
    assertThat(rows(engine, engine.catalog().table("T").orElseThrow())).hasSize(400);
  }

  static void assertCode(Runnable action, ErrorCode code) {
    assertThatThrownBy(action::run).isInstanceOfSatisfying(QuaverException.class,
        e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
  }
}
