package dev.quaver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.storage.etl.EtlOptions;
import dev.quaver.storage.lsm.LsmOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a writer whose every commit runs the ETL (forced mode, tiny segments, merges
 * every other run), so kills land while segments, manifests and merges are written; after each
 * restart the columnar read of the table must hold every acknowledged row exactly once and equal
 * the row store. Prints its seed; replay with {@code -Dseed=}.
 */
class ColumnarCrashTest {
  private static final long SEED = Long.getLong("seed", System.nanoTime());
  private static final int CYCLES = Integer.getInteger("columnar.crash.cycles", 6);

  @TempDir Path directory;

  @Test
  void killDuringEtlLosesAndDuplicatesNothing() throws Exception {
    System.out.println("ColumnarCrashTest seed = " + SEED + ", cycles = " + CYCLES);
    Random random = new Random(SEED);
    int acknowledged = -1;
    for (int round = 0; round < CYCLES; round++) {
      acknowledged = Math.max(acknowledged, runAndKill(acknowledged + 1 + random.nextInt(150)));
      try (StorageEngine engine = Storage.open(new StorageConfig(directory,
          StorageConfig.SyncMode.COMMIT, 10), LsmOptions.defaults(),
          ColumnarDifferentialTest.etlOptions(EtlOptions.Mode.DISABLED))) {
        if (engine.catalog().table("T").isEmpty()) {
          continue;
        }
        TableDef table = engine.catalog().table("T").orElseThrow();
        List<Integer> ids = columnarIds(engine, table);
        assertThat(ids.size()).as("seed " + SEED).isGreaterThan(acknowledged);
        for (int i = 0; i < ids.size(); i++) {
          assertThat(ids.get(i)).as("seed " + SEED + ": row " + i).isEqualTo(i);
        }
        assertThat(EngineTestSupport.rows(engine, table)).hasSize(ids.size());
        acknowledged = ids.size() - 1;
      }
    }
    System.out.println("ColumnarCrashTest: " + (acknowledged + 1) + " rows survived " + CYCLES + " kills");
    assertThat(acknowledged).as("the child wrote rows").isGreaterThanOrEqualTo(CYCLES - 1);
  }

  private static List<Integer> columnarIds(StorageEngine engine, TableDef table) {
    List<Integer> ids = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
        TableScan scan = engine.scan(table, engine.currentSnapshot(), new int[] {0, 1, 2}, false,
            allocator, 100)) {
      for (VectorSchemaRoot root = scan.next(); root != null; root = scan.next()) {
        for (int r = 0; r < root.getRowCount(); r++) {
          int id = (Integer) ArrowTypes.get(root.getVector(0), r, table.columns().get(0).type());
          assertThat(ArrowTypes.get(root.getVector(2), r, table.columns().get(2).type()))
              .isEqualTo((long) id);
          ids.add(id);
        }
      }
    }
    ids.sort(null);
    return ids;
  }

  private int runAndKill(int target) throws Exception {
    try (CrashWriterChild child = CrashWriterChild.start(directory, ProcessBuilder.Redirect.DISCARD,
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-Dquaver.etl.mode=forced", "-Dquaver.segment.rowGroupRows=4",
        "-Dquaver.segment.maxSegmentRows=16", "-Dquaver.etl.mergeSegments=2",
        "-Dquaver.lsm.memtableBytes=16384", "-Dquaver.lsm.snapshotGraceMillis=0")) {
      int last = child.awaitAck(target);
      if (last >= target) {
        Thread.sleep(last % 7); // land somewhere inside the next commit's ETL
      }
      return last;
    }
  }
}
