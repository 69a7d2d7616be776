package dev.quaver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.catalog.TableDef;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process (SIGKILL) at random moments of its commits, {@code -Dcrash.cycles}
 * times (20 by default; e.g. {@code -Dcrash.cycles=200} for a longer campaign), and checks after
 * each restart that recovery keeps every acknowledged commit with its value and that the table
 * is a gap-free prefix of the writes (each commit is all or nothing). The child runs with tiny
 * memtables so that kills land during memtable flushes, compactions, manifest updates and WAL
 * segment rotation and deletion too. Prints its seed; replay with {@code -Dseed=}.
 */
class CrashRecoveryTest {
  private static final long SEED = Long.getLong("seed", System.nanoTime());
  private static final int CYCLES = Integer.getInteger("crash.cycles", 20);

  @TempDir Path directory;

  @Test
  void acknowledgedCommitsSurviveKill() throws Exception {
    System.out.println("CrashRecoveryTest seed = " + SEED + ", cycles = " + CYCLES);
    Random random = new Random(SEED);
    int acknowledged = -1;
    for (int round = 0; round < CYCLES; round++) {
      acknowledged = Math.max(acknowledged,
          runAndKill(acknowledged + 1 + random.nextInt(600), random.nextInt(4) == 0));
      try (StorageEngine engine = Storage.open(StorageConfig.defaults(directory))) {
        if (engine.catalog().table("T").isEmpty()) {
          assertThat(acknowledged).as("killed before creating the table").isNegative();
          continue;
        }
        TableDef table = engine.catalog().table("T").orElseThrow();
        List<List<Object>> rows = EngineTestSupport.rows(engine, table);
        assertThat(rows.size()).isGreaterThan(acknowledged);
        for (int i = 0; i < rows.size(); i++) {
          assertThat(rows.get(i)).isEqualTo(List.of(i, "r" + (i % 1000), (long) i));
        }
        acknowledged = rows.size() - 1;
      }
    }
    if (acknowledged > 2000) {
      try (var files = java.nio.file.Files.list(directory.resolve("lsm"))) {
        assertThat(files.filter(f -> f.toString().endsWith(".sst")).count())
            .as("the child flushed SSTables").isPositive();
      }
    }
  }

  /**
   * Runs the writer until it acknowledged {@code target}, kills it, returns the last ack; if
   * {@code early}, kills it after a few hundred milliseconds instead (during its recovery or
   * first writes) and returns -1.
   */
  private int runAndKill(int target, boolean early) throws Exception {
    try (CrashWriterChild child = CrashWriterChild.start(directory, ProcessBuilder.Redirect.INHERIT,
        "-Dquaver.lsm.memtableBytes=16384", "-Dquaver.lsm.walSegmentBytes=65536",
        "-Dquaver.lsm.targetFileBytes=8192", "-Dquaver.lsm.levelBaseBytes=32768",
        "-Dquaver.lsm.levelRatio=4", "-Dquaver.lsm.l0CompactionTrigger=2",
        "-Dquaver.lsm.snapshotGraceMillis=0", "-Dquaver.lsm.compactionBytesPerSecond=0")) {
      if (early) {
        Thread.sleep(200 + target % 400);
        return -1; // its acknowledgements were not read: nothing more to check
      }
      return child.awaitAck(target);
    }
  }
}
