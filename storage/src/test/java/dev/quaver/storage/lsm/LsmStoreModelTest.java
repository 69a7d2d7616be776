package dev.quaver.storage.lsm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.StorageConfig.SyncMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random puts and deletes against the store and a {@code TreeMap}, with tiny memtables so that
 * flushes and compactions run all the time, forced full compactions, reopens, and old snapshots
 * held open across all of it (their scans and point reads must still see the model as it was).
 * Replay a failure with {@code -Dseed=<printed seed>}.
 */
class LsmStoreModelTest {
  private static final long SEED = Long.getLong("seed", System.nanoTime());
  private static final RecoveryListenerStub LISTENER = new RecoveryListenerStub();

  @TempDir Path directory;

  @Test
  void storeMatchesTreeMapAcrossFlushesCompactionsAndReopens() throws IOException {
    System.out.println("LsmStoreModelTest seed = " + SEED + " (replay with -Dseed=" + SEED + ")");
    Random random = new Random(SEED);
    TreeMap<String, String> model = new TreeMap<>();
    LsmStore store = open();
    try {
      for (int step = 0; step < 4000; step++) {
        int action = random.nextInt(1000);
        if (action < 3) {
          store.close();
          store = open();
          assertMatches(store, model, store.visibleSequence(), "after reopen, step " + step);
        } else if (action < 8) {
          store.flush();
          store.compactor().compactAll();
        } else if (action < 12) {
          checkHeldSnapshot(store, model, random, step);
        } else {
          WriteSet writes = new WriteSet();
          int ops = 1 + random.nextInt(random.nextInt(10) == 0 ? 50 : 3);
          for (int i = 0; i < ops; i++) {
            String key = String.format("k%05d", random.nextInt(3000));
            if (random.nextInt(4) == 0) {
              writes.delete(key.getBytes(StandardCharsets.UTF_8));
              model.remove(key);
            } else {
              String value = key + "=" + step + "x".repeat(random.nextInt(120));
              writes.put(key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
              model.put(key, value);
            }
          }
          store.finish(store.write(writes), false);
        }
        if (step % 500 == 0) {
          assertMatches(store, model, store.visibleSequence(), "step " + step);
        }
      }
      assertMatches(store, model, store.visibleSequence(), "end");
      store.flush();
      store.compactor().compactAll();
      assertMatches(store, model, store.visibleSequence(), "after full compaction");
      assertThat(store.versions().current().fileCount()).isGreaterThan(0);
      assertThat(store.compactor().compactions()).isGreaterThan(0);
      System.out.printf("LsmStoreModelTest: %d compactions, %s, block cache %d hits %d misses%n",
          store.compactor().compactions(), store.versions().current(),
          store.blockCache().hits(), store.blockCache().misses());
    } finally {
      store.close();
    }
    try (LsmStore reopened = open()) {
      assertMatches(reopened, model, reopened.visibleSequence(), "final reopen");
      try (Stream<Path> wal = Files.list(directory.resolve("wal"))) {
        assertThat(wal.count()).as("flushed WAL segments are deleted").isLessThan(6);
      }
    }
  }

  /** Holds a snapshot through writes, a flush and a compaction; it must not change. */
  private void checkHeldSnapshot(LsmStore store, TreeMap<String, String> model, Random random,
      int step) throws IOException {
    long snapshot = store.visibleSequence();
    TreeMap<String, String> before = new TreeMap<>(model);
    Cursor held = store.scan(new byte[0], null, snapshot);
    Runnable pin = store.snapshots().register(snapshot);
    try {
      for (int i = 0; i < 200; i++) {
        WriteSet writes = new WriteSet();
        String key = String.format("k%05d", random.nextInt(3000));
        if (random.nextBoolean()) {
          writes.delete(key.getBytes(StandardCharsets.UTF_8));
          model.remove(key);
        } else {
          writes.put(key.getBytes(StandardCharsets.UTF_8), ("held" + i).getBytes(StandardCharsets.UTF_8));
          model.put(key, "held" + i);
        }
        store.finish(store.write(writes), false);
      }
      store.flush();
      store.compactor().compactAll();
      assertThat(contents(held)).as("held cursor, step %d", step).isEqualTo(before);
      assertMatches(store, before, snapshot, "held snapshot, step " + step);
    } finally {
      held.close();
      pin.run();
    }
  }

  private static void assertMatches(LsmStore store, TreeMap<String, String> model, long snapshot,
      String when) {
    try (Cursor cursor = store.scan(new byte[0], null, snapshot)) {
      assertThat(contents(cursor)).as(when).isEqualTo(model);
    }
    try (Cursor cursor = store.scan("k01000".getBytes(), "k01500".getBytes(), snapshot)) {
      assertThat(contents(cursor)).as(when + " (range)").isEqualTo(model.subMap("k01000", "k01500"));
    }
    for (int i = 0; i < 3000; i += 7) {
      String key = String.format("k%05d", i);
      byte[] value = store.get(key.getBytes(StandardCharsets.UTF_8), snapshot);
      assertThat(value == null ? null : new String(value, StandardCharsets.UTF_8))
          .as("%s get %s", when, key).isEqualTo(model.get(key));
    }
  }

  private static Map<String, String> contents(Cursor cursor) {
    TreeMap<String, String> seen = new TreeMap<>();
    List<String> order = new ArrayList<>();
    while (cursor.next()) {
      String key = new String(cursor.key(), StandardCharsets.UTF_8);
      order.add(key);
      seen.put(key, new String(cursor.value(), StandardCharsets.UTF_8));
    }
    assertThat(order).isSorted().doesNotHaveDuplicates();
    return seen;
  }

  private LsmStore open() throws IOException {
    return LsmStore.open(directory, SyncMode.OFF, 5, LsmOptions.small(), LISTENER);
  }

  private static final class RecoveryListenerStub implements LsmStore.RecoveryListener {
    @Override
    public void onCatalog(byte[] state) {}

    @Override
    public void onRowId(long tableId, long nextRowId) {}
  }
}
