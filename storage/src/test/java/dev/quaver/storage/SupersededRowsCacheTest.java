package dev.quaver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.etl.EtlOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The superseded rows a columnar scan caches per (version, snapshot): a later scan extends them
 * (a key changed again, a segment row deleted, a new row inserted and deleted), an earlier
 * snapshot still sees its own state, and an ETL's new version starts afresh.
 */
class SupersededRowsCacheTest {
  @TempDir Path directory;

  @Test
  void laterScansExtendAndEarlierSnapshotsKeepTheirRows() {
    StorageConfig config = new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5);
    try (StorageEngine engine = Storage.open(config, ColumnarDifferentialTest.lsm(),
        ColumnarDifferentialTest.etlOptions(EtlOptions.Mode.DISABLED))) {
      TableDef table = engine.catalog().createTable(ColumnarDifferentialTest.table("T", 2));
      TreeMap<Integer, Object[]> model = new TreeMap<>();
      for (int id = 0; id < 200; id++) {
        Object[] row = {id, id % 2 == 0 ? "SE" : null, (long) id, id % 3 == 0 ? null : id * 1.5};
        EngineTestSupport.insert(engine, table, row);
        model.put(id, row);
      }
      engine.optimize(table);
      List<Long> snapshots = new ArrayList<>();
      List<List<String>> states = new ArrayList<>();
      record(engine, table, model, snapshots, states);
      update(engine, table, model, 10, 1000L);
      update(engine, table, model, 150, 1001L);
      record(engine, table, model, snapshots, states);
      update(engine, table, model, 10, 2000L); // changed again
      delete(engine, table, model, 11);
      record(engine, table, model, snapshots, states);
      Object[] fresh = {500, "NO", 5L, 0.5};
      EngineTestSupport.insert(engine, table, fresh);
      model.put(500, fresh);
      record(engine, table, model, snapshots, states);
      delete(engine, table, model, 500);
      delete(engine, table, model, 0);
      record(engine, table, model, snapshots, states);
      for (int i = snapshots.size() - 1; i >= 0; i--) { // earlier snapshots after later ones
        assertThat(ColumnarDifferentialTest.scan(engine, table, snapshots.get(i), List.of()))
            .as("snapshot " + i).isEqualTo(states.get(i));
      }
      engine.optimize(table);
      assertThat(ColumnarDifferentialTest.scan(engine, table, engine.currentSnapshot(), List.of()))
          .isEqualTo(states.get(states.size() - 1));
      update(engine, table, model, 20, 3000L);
      assertThat(ColumnarDifferentialTest.scan(engine, table, engine.currentSnapshot(), List.of()))
          .isEqualTo(expected(model));
    }
  }

  private static void record(StorageEngine engine, TableDef table,
      TreeMap<Integer, Object[]> model, List<Long> snapshots, List<List<String>> states) {
    long snapshot = engine.currentSnapshot();
    List<String> wanted = expected(model);
    assertThat(ColumnarDifferentialTest.scan(engine, table, snapshot, List.of())).isEqualTo(wanted);
    snapshots.add(snapshot);
    states.add(wanted);
  }

  private static void update(StorageEngine engine, TableDef table,
      TreeMap<Integer, Object[]> model, int id, long score) {
    Object[] row = model.get(id).clone();
    row[2] = score;
    WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
    batch.update(table, EngineTestSupport.keyOf(engine, table, id), row);
    engine.commit(batch);
    model.put(id, row);
  }

  private static void delete(StorageEngine engine, TableDef table,
      TreeMap<Integer, Object[]> model, int id) {
    WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
    batch.delete(table, EngineTestSupport.keyOf(engine, table, id));
    engine.commit(batch);
    model.remove(id);
  }

  private static List<String> expected(TreeMap<Integer, Object[]> model) {
    List<String> rows = new ArrayList<>();
    model.values().forEach(row -> rows.add(Arrays.toString(row)));
    rows.sort(null);
    return rows;
  }
}
