package dev.quaver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.ColumnarStore;
import dev.quaver.storage.etl.EtlOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans racing with the delta's background step, with commits and with ETL runs see exactly their
 * snapshot: one writer commits random inserts, updates and deletes and records the table's state
 * per commit sequence; one thread runs the background step for the table in a loop (the daemon
 * runs too), another an ETL now and then; scanners read at the current snapshot and at recorded
 * older ones and compare with the recorded state. The seed is printed.
 */
class DeltaRefreshRaceTest {
  @TempDir Path directory;

  @Test
  void scansRacingWithTheBackgroundStepSeeTheirSnapshot() throws Exception {
    long seed = Long.getLong("quaver.test.seed", System.nanoTime());
    System.out.println("DeltaRefreshRaceTest seed " + seed);
    StorageConfig config = new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5);
    try (StorageEngine engine = Storage.open(config, ColumnarDifferentialTest.lsm(),
        ColumnarDifferentialTest.etlOptions(EtlOptions.Mode.DISABLED))) {
      TableDef table = engine.catalog().createTable(ColumnarDifferentialTest.table("T", 3));
      TreeMap<Integer, Object[]> model = new TreeMap<>();
      for (int id = 0; id < 300; id += 2) {
        Object[] row = {id, "SE", (long) id, id * 0.5};
        EngineTestSupport.insert(engine, table, row);
        model.put(id, row);
      }
      engine.optimize(table);
      ConcurrentSkipListMap<Long, List<String>> states = new ConcurrentSkipListMap<>();
      states.put(engine.currentSnapshot(), expected(model));
      AtomicBoolean done = new AtomicBoolean();
      AtomicInteger computed = new AtomicInteger();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      LsmStorageEngine lsm = (LsmStorageEngine) engine;
      List<Thread> threads = new ArrayList<>();
      threads.add(thread("writer", failure, () -> {
        Random random = new Random(seed);
        try {
          write(engine, table, model, states, random, failure);
        } finally {
          done.set(true);
        }
      }));
      threads.add(thread("refresher", failure, () -> {
        while (!done.get()) {
          // NO_VERSION too: an ETL may publish a newer watermark than the visible sequence read
          if (lsm.etl().refreshDelta(table) == ColumnarStore.Precomputed.COMPUTED) {
            computed.incrementAndGet();
          }
          Thread.sleep(1);
        }
      }));
      threads.add(thread("etl", failure, () -> {
        Random random = new Random(seed + 1);
        while (!done.get()) {
          Thread.sleep(random.nextInt(40));
          engine.optimize(table);
        }
      }));
      for (int s = 0; s < 2; s++) {
        long scannerSeed = seed + 2 + s;
        threads.add(thread("scanner" + s, failure, () -> {
          Random random = new Random(scannerSeed);
          int scans = 0;
          while (!done.get() || scans < 20) {
            long snapshot = engine.currentSnapshot();
            if (random.nextInt(4) == 0) { // an older recorded snapshot
              Long older = states.floorKey(snapshot - random.nextInt(50));
              snapshot = older == null ? snapshot : older;
            }
            List<String> actual = ColumnarDifferentialTest.scan(engine, table, snapshot, List.of());
            Map.Entry<Long, List<String>> wanted = awaitState(states, snapshot, done);
            assertThat(actual).as("seed " + seed + " snapshot " + snapshot + " (state of "
                + wanted.getKey() + ")").isEqualTo(wanted.getValue());
            scans++;
          }
        }));
      }
      threads.forEach(Thread::start);
      for (Thread thread : threads) {
        thread.join(120_000);
      }
      if (failure.get() != null) {
        throw new AssertionError("seed " + seed, failure.get());
      }
      assertThat(ColumnarDifferentialTest.scan(engine, table, engine.currentSnapshot(), List.of()))
          .isEqualTo(expected(model));
      assertThat(computed.get()).as("background steps that cached a state").isPositive();
    }
  }

  /** Random single-row commits; the table's state recorded under each commit's sequence. */
  private static void write(StorageEngine engine, TableDef table, TreeMap<Integer, Object[]> model,
      ConcurrentSkipListMap<Long, List<String>> states, Random random,
      AtomicReference<Throwable> failure) throws InterruptedException {
    for (int step = 0; step < 1500 && failure.get() == null; step++) {
      WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
      int id = random.nextInt(400);
      Object[] old = model.get(id);
      Object[] row = {id, random.nextBoolean() ? "NO" : null, (long) step, step * 1.5};
      if (old == null) {
        batch.insert(table, row);
        model.put(id, row);
      } else if (random.nextInt(3) == 0) {
        batch.delete(table, EngineTestSupport.keyOf(engine, table, id));
        model.remove(id);
      } else {
        batch.update(table, EngineTestSupport.keyOf(engine, table, id), row);
        model.put(id, row);
      }
      long sequence = engine.commit(batch);
      states.put(sequence, expected(model));
      if (random.nextInt(100) == 0) {
        Thread.sleep(60); // a burst goes quiet: the daemon's turn
      }
    }
  }

  /** The state recorded for the newest commit at or below {@code snapshot}. */
  private static Map.Entry<Long, List<String>> awaitState(
      ConcurrentSkipListMap<Long, List<String>> states, long snapshot, AtomicBoolean done)
      throws InterruptedException {
    // the writer records a commit's state just after the commit returns: wait for it
    while (!done.get() && states.lastKey() < snapshot) {
      Thread.sleep(1);
    }
    return states.floorEntry(snapshot);
  }

  private interface Body {
    void run() throws Exception;
  }

  private static Thread thread(String name, AtomicReference<Throwable> failure, Body body) {
    Thread thread = new Thread(() -> {
      try {
        body.run();
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    }, name);
    thread.setDaemon(true);
    return thread;
  }

  private static List<String> expected(TreeMap<Integer, Object[]> model) {
    List<String> rows = new ArrayList<>();
    model.values().forEach(row -> rows.add(Arrays.toString(row)));
    rows.sort(null);
    return rows;
  }
}
