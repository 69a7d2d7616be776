package dev.quaver.storage;

import static dev.quaver.storage.EngineTestSupport.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.lsm.LsmOptions;
import dev.quaver.type.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random inserts, updates (including primary-key moves), deletes, multi-row batches and reopens,
 * run against the engine and a {@code TreeMap} model; after each step the table must equal the
 * model. A UNIQUE index on NAME is checked by the model too. Replay a failure with
 * {@code -Dseed=<printed seed>}.
 */
class ModelBasedStorageTest {
  private static final long SEED = Long.getLong("seed", System.nanoTime());

  @TempDir Path directory;

  @Test
  void engineMatchesTreeMapModel() {
    run(LsmOptions.defaults());
  }

  /** Tiny memtables: flushes, compactions and WAL segment deletion happen all the time. */
  @Test
  void engineMatchesTreeMapModelWithFlushesAndCompactions() {
    run(LsmOptions.small());
  }

  private void run(LsmOptions options) {
    System.out.println("ModelBasedStorageTest seed = " + SEED + " (replay with -Dseed=" + SEED + ")");
    Random random = new Random(SEED);
    TreeMap<Integer, Object[]> model = new TreeMap<>();
    StorageEngine engine = Storage.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5),
        options);
    try {
      TableDef table = engine.catalog().createTable(new TableDef(0, "M", List.of(
          column("ID", ColumnType.INTEGER, false), column("NAME", ColumnType.varchar(8), true),
          column("V", ColumnType.BIGINT, true)), List.of(0), List.of(0), 4, List.of()));
      table = engine.catalog().createIndex("M", new IndexDef("M_NAME", List.of(1), true));
      for (int step = 0; step < 1500; step++) {
        if (random.nextInt(200) == 0) {
          engine.close();
          engine = Storage.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5),
              options);
          table = engine.catalog().table("M").orElseThrow();
        }
        step(engine, table, model, random, step);
        if (step % 25 == 0 || step == 1499) {
          assertMatches(engine, table, model, step);
        }
      }
    } finally {
      engine.close();
    }
  }

  private static void step(StorageEngine engine, TableDef table, TreeMap<Integer, Object[]> model,
      Random random, int step) {
    long snapshot = engine.currentSnapshot();
    WriteBatch batch = engine.newWriteBatch(snapshot);
    Map<Integer, byte[]> keys = keys(engine, table, snapshot);
    // end-of-batch semantics: (model - removed) + added, duplicates among the result fail
    Set<Integer> removed = new HashSet<>();
    List<Object[]> added = new ArrayList<>();
    int operations = 1 + random.nextInt(4);
    for (int i = 0; i < operations; i++) {
      int kind = random.nextInt(10);
      if (kind < 4 || model.isEmpty()) {
        Object[] row = randomRow(random, random.nextInt(60));
        batch.insert(table, row);
        added.add(row);
        continue;
      }
      List<Integer> ids = new ArrayList<>(model.keySet());
      int id = ids.get(random.nextInt(ids.size()));
      if (!removed.add(id)) {
        continue; // a statement touches each row it read once
      }
      if (kind < 8) {
        int newId = random.nextInt(4) == 0 ? random.nextInt(60) : id;
        Object[] row = randomRow(random, newId);
        batch.update(table, keys.get(id), row);
        added.add(row);
      } else {
        batch.delete(table, keys.get(id));
      }
    }
    TreeMap<Integer, Object[]> expected = new TreeMap<>(model);
    expected.keySet().removeAll(removed);
    boolean valid = true;
    for (Object[] row : added) {
      valid &= expected.putIfAbsent((Integer) row[0], row) == null;
    }
    valid &= namesUnique(expected);
    try {
      engine.commit(batch);
      assertThat(valid).as("seed %d step %d: commit should have failed", SEED, step).isTrue();
      model.clear();
      model.putAll(expected);
    } catch (QuaverException e) {
      assertThat(e.code()).as("seed %d step %d: %s", SEED, step, e.getMessage())
          .isEqualTo(ErrorCode.UNIQUE_VIOLATION);
      assertThat(valid).as("seed %d step %d: unexpected %s", SEED, step, e.getMessage()).isFalse();
    }
  }

  private static boolean namesUnique(TreeMap<Integer, Object[]> rows) {
    Set<Object> names = new HashSet<>();
    for (Object[] row : rows.values()) {
      if (row[1] != null && !names.add(row[1])) {
        return false;
      }
    }
    return true;
  }

  private static Object[] randomRow(Random random, int id) {
    String name = random.nextInt(3) == 0 ? null : "n" + random.nextInt(200);
    Long value = random.nextInt(5) == 0 ? null : random.nextLong();
    return new Object[] {id, name, value};
  }

  private static Map<Integer, byte[]> keys(StorageEngine engine, TableDef table, long snapshot) {
    Map<Integer, byte[]> keys = new TreeMap<>();
    for (Object[] row : EngineTestSupport.rowsWithKeys(engine, table, snapshot, 64)) {
      keys.put((Integer) row[0], (byte[]) row[3]);
    }
    return keys;
  }

  private static void assertMatches(StorageEngine engine, TableDef table,
      TreeMap<Integer, Object[]> model, int step) {
    List<List<Object>> expected = new ArrayList<>();
    for (Object[] row : model.values()) {
      expected.add(Arrays.asList(row));
    }
    assertThat(EngineTestSupport.rows(engine, table)).as("seed %d step %d", SEED, step)
        .containsExactlyElementsOf(expected);
  }
}
