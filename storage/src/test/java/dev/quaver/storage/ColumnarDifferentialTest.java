package dev.quaver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.ColumnDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.storage.columnar.segment.SegmentOptions;
import dev.quaver.storage.etl.EtlOptions;
import dev.quaver.storage.lsm.LsmOptions;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random INSERT / UPDATE / DELETE / SELECT against a table with a primary key, with ETL runs,
 * the delta's background step (precomputed superseded rows), engine reopens and old-snapshot
 * reads at random moments, each SELECT (a columnar scan, with
 * and without zone-map predicates) compared with a plain in-memory model. The seed is printed.
 */
class ColumnarDifferentialTest {
  @TempDir Path directory;

  static EtlOptions etlOptions(EtlOptions.Mode mode) {
    return new EtlOptions(mode, 1_000_000, 1000, 4096, 2, 1000,
        new SegmentOptions(8, 64, 4, SegmentOptions.Codec.ZSTD));
  }

  /** Small LSM files (frequent flushes and compactions) that keep old versions for an hour. */
  static LsmOptions lsm() {
    return new LsmOptions(16 << 10, 2, 64 << 10, 256 << 10, 8 << 10, 32 << 10, 4, 2, 6, 12, 0,
        3_600_000);
  }

  static TableDef table(String name, int partitions) {
    return new TableDef(0, name, List.of(
        new ColumnDef("ID", ColumnType.INTEGER, false, null),
        new ColumnDef("COUNTRY", ColumnType.varchar(10), true, null),
        new ColumnDef("SCORE", ColumnType.BIGINT, true, null),
        new ColumnDef("PRICE", ColumnType.DOUBLE, true, null)),
        List.of(0), List.of(), partitions, List.of());
  }

  @Test
  void randomWorkloadMatchesTheModel() {
    long seed = Long.getLong("quaver.test.seed", System.nanoTime());
    System.out.println("ColumnarDifferentialTest seed " + seed);
    Random random = new Random(seed);
    StorageConfig config = new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5);
    StorageEngine engine = Storage.open(config, lsm(), etlOptions(EtlOptions.Mode.DISABLED));
    try {
      TableDef table = engine.catalog().createTable(table("T", 1 + random.nextInt(4)));
      TreeMap<Integer, Object[]> model = new TreeMap<>();
      List<Map.Entry<Long, Map<Integer, Object[]>>> snapshots = new ArrayList<>();
      for (int step = 0; step < 700; step++) {
        int op = random.nextInt(100);
        String context = "seed " + seed + " step " + step;
        if (op < 40) {
          WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
          Map<Integer, Object[]> added = new HashMap<>();
          for (int i = random.nextInt(6); i >= 0; i--) {
            int id = random.nextInt(400);
            if (model.containsKey(id) || added.containsKey(id)) {
              continue;
            }
            Object[] row = randomRow(random, id);
            batch.insert(table, row);
            added.put(id, row);
          }
          engine.commit(batch);
          model.putAll(added);
        } else if (op < 55 && !model.isEmpty()) {
          int id = pick(random, model);
          byte[] key = EngineTestSupport.keyOf(engine, table, id);
          WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
          int newId = random.nextInt(3) == 0 ? random.nextInt(400) : id;
          if (newId != id && model.containsKey(newId)) {
            newId = id;
          }
          Object[] row = randomRow(random, newId);
          batch.update(table, key, row);
          engine.commit(batch);
          model.remove(id);
          model.put(newId, row);
        } else if (op < 65 && !model.isEmpty()) {
          int id = pick(random, model);
          WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
          batch.delete(table, EngineTestSupport.keyOf(engine, table, id));
          engine.commit(batch);
          model.remove(id);
        } else if (op < 71) {
          engine.optimize(table);
        } else if (op < 75) {
          // the delta's background step at a random moment (its daemon also runs on its own)
          ((LsmStorageEngine) engine).etl().refreshDelta(table);
        } else if (op < 77) {
          engine.close();
          engine = Storage.open(config, lsm(), etlOptions(EtlOptions.Mode.DISABLED));
          table = engine.catalog().table("T").orElseThrow();
          snapshots.clear();
        } else if (op < 80) {
          snapshots.add(Map.entry(engine.currentSnapshot(), copy(model)));
        } else if (op < 85 && !snapshots.isEmpty()) {
          var old = snapshots.get(random.nextInt(snapshots.size()));
          assertThat(scan(engine, table, old.getKey(), List.of())).as(context + " old snapshot")
              .isEqualTo(expected(old.getValue(), null));
        } else {
          ScanPredicate predicate = random.nextBoolean() ? null : new ScanPredicate(
              random.nextBoolean() ? 0 : 2, ScanPredicate.Op.values()[random.nextInt(5)],
              random.nextBoolean() ? (Object) random.nextInt(400) : (Object) (long) random.nextInt(400));
          List<ScanPredicate> predicates = predicate == null ? List.of() : List.of(predicate);
          List<String> actual = scan(engine, table, engine.currentSnapshot(), predicates);
          List<String> wanted = expected(model, predicate);
          if (predicate != null) {
            actual = filter(actual, model, predicate);
          }
          assertThat(actual).as(context).isEqualTo(wanted);
        }
      }
    } finally {
      engine.close();
    }
  }

  private static Object[] randomRow(Random random, int id) {
    String[] countries = {"SE", "NO", "DK", "FI", null};
    return new Object[] {id, countries[random.nextInt(countries.length)],
        random.nextInt(5) == 0 ? null : (long) random.nextInt(400),
        random.nextInt(5) == 0 ? null : random.nextDouble() * 100};
  }

  private static int pick(Random random, TreeMap<Integer, Object[]> model) {
    Integer id = model.ceilingKey(random.nextInt(400));
    return id != null ? id : model.firstKey();
  }

  private static Map<Integer, Object[]> copy(Map<Integer, Object[]> model) {
    return new TreeMap<>(model);
  }

  private static boolean matches(Object[] row, ScanPredicate predicate) {
    Object value = row[predicate.column()];
    if (value == null) {
      return false;
    }
    long left = ((Number) value).longValue();
    long right = ((Number) predicate.value()).longValue();
    int c = Long.compare(left, right);
    return switch (predicate.op()) {
      case EQ -> c == 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
    };
  }

  /** The model's rows as sorted strings, those matching {@code predicate} when given. */
  private static List<String> expected(Map<Integer, Object[]> model, ScanPredicate predicate) {
    List<String> rows = new ArrayList<>();
    for (Object[] row : model.values()) {
      if (predicate == null || matches(row, predicate)) {
        rows.add(Arrays.toString(row));
      }
    }
    rows.sort(null);
    return rows;
  }

  /** Applies the predicate exactly, as the executor does after a pruned scan. */
  private static List<String> filter(List<String> actual, Map<Integer, Object[]> model,
      ScanPredicate predicate) {
    List<String> kept = new ArrayList<>();
    Map<String, Object[]> byText = new HashMap<>();
    model.values().forEach(row -> byText.put(Arrays.toString(row), row));
    for (String row : actual) {
      Object[] values = byText.get(row);
      if (values == null || matches(values, predicate)) {
        kept.add(row); // unknown rows stay, so the comparison fails loudly
      }
    }
    return kept;
  }

  static List<String> scan(StorageEngine engine, TableDef table, long snapshot,
      List<ScanPredicate> predicates) {
    List<String> rows = new ArrayList<>();
    int[] columns = {0, 1, 2, 3};
    try (BufferAllocator allocator = new RootAllocator()) {
      try (TableScan scan = engine.scan(table, snapshot, columns, false, allocator, 7, predicates)) {
        VectorSchemaRoot root;
        while ((root = scan.next()) != null) {
          assertThat(root.getRowCount()).isBetween(1, 7);
          List<FieldVector> vectors = root.getFieldVectors();
          for (int r = 0; r < root.getRowCount(); r++) {
            Object[] row = new Object[columns.length];
            for (int c = 0; c < columns.length; c++) {
              row[c] = ArrowTypes.get(vectors.get(c), r, table.columns().get(c).type());
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

  @Test
  void duplicateKeyStillFailsAfterEtl() {
    StorageConfig config = new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5);
    try (StorageEngine engine = Storage.open(config, LsmOptions.small(),
        etlOptions(EtlOptions.Mode.FORCED))) {
      TableDef table = engine.catalog().createTable(table("T", 2));
      EngineTestSupport.insert(engine, table, new Object[] {1, "SE", 1L, 1.0});
      try {
        EngineTestSupport.insert(engine, table, new Object[] {1, "SE", 1L, 1.0});
        throw new AssertionError("no 23505");
      } catch (QuaverException e) {
        assertThat(e.code()).isEqualTo(ErrorCode.UNIQUE_VIOLATION);
      }
      assertThat(scan(engine, table, engine.currentSnapshot(), List.of())).hasSize(1);
    }
  }
}
