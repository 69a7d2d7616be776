package dev.quaver.storage.etl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.StorageConfig.SyncMode;
import dev.quaver.storage.lsm.LsmOptions;
import dev.quaver.storage.lsm.LsmStore;
import dev.quaver.storage.lsm.WriteSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The changed rows read with a cursor (dense keys) and by point gets (sparse keys, the rest
 * after the cursor gave up) are exactly those a point get per key returns: deleted and never
 * written keys left out, values as of the snapshot, across memtables and flushed files.
 */
class ChangedRowReaderTest {
  @TempDir Path directory;

  private static byte[] key(int i) {
    return String.format("r%06d", i).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsWhatPointGetsReadForDenseSparseAndMixedKeys() throws IOException {
    Random random = new Random(5);
    try (LsmStore store = LsmStore.open(directory, SyncMode.OFF, 5, LsmOptions.small(),
        new LsmStore.RecoveryListener() {
          @Override
          public void onCatalog(byte[] state) {}

          @Override
          public void onRowId(long tableId, long nextRowId) {}
        })) {
      for (int batch = 0; batch < 40; batch++) {
        WriteSet writes = new WriteSet();
        for (int i = 0; i < 100; i++) {
          int k = batch * 100 + i;
          writes.put(key(k), ("v" + k + "@" + batch).getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 5; i++) {
          writes.delete(key(random.nextInt(4000)));
        }
        store.finish(store.write(writes), false);
        if (batch % 10 == 9) {
          store.flush();
        }
      }
      long snapshot = store.visibleSequence();
      WriteSet later = new WriteSet(); // after the snapshot: must not be seen
      later.put(key(10), "later".getBytes(StandardCharsets.UTF_8));
      later.delete(key(11));
      store.finish(store.write(later), false);
      List<byte[][]> cases = new ArrayList<>();
      cases.add(keys(0, 4000, 1)); // dense: every row
      cases.add(keys(1000, 1500, 1));
      cases.add(keys(0, 4000, 97)); // sparse: point gets after the cursor gives up
      cases.add(keys(3990, 4100, 1)); // past the end: never written
      TreeSet<Integer> mixed = new TreeSet<>();
      for (int i = 0; i < 300; i++) {
        mixed.add(i < 200 ? 500 + i : random.nextInt(4200)); // a dense run, then scattered
      }
      cases.add(mixed.stream().map(ChangedRowReaderTest::key).toArray(byte[][]::new));
      cases.add(new byte[0][]);
      for (byte[][] keys : cases) {
        List<String> expected = new ArrayList<>();
        for (byte[] k : keys) {
          byte[] value = store.get(k, snapshot);
          if (value != null) {
            expected.add(new String(k, StandardCharsets.UTF_8) + "=" + new String(value, StandardCharsets.UTF_8));
          }
        }
        for (boolean pointGets : new boolean[] {false, true}) {
          List<String> seen = new ArrayList<>();
          if (pointGets) {
            System.setProperty("quaver.etl.pointGets", "true");
          }
          try {
            ChangedRowReader.read(store, keys, snapshot, (k, v) -> seen.add(
                new String(k, StandardCharsets.UTF_8) + "=" + new String(v, StandardCharsets.UTF_8)));
          } finally {
            System.clearProperty("quaver.etl.pointGets");
          }
          assertThat(seen).as("%d keys, point gets %s", keys.length, pointGets)
              .containsExactlyElementsOf(expected);
        }
      }
      assertThat(store.get(key(10), snapshot)).isNotNull();
    }
  }

  private static byte[][] keys(int from, int to, int step) {
    List<byte[]> keys = new ArrayList<>();
    for (int i = from; i < to; i += step) {
      keys.add(key(i));
    }
    return keys.toArray(byte[][]::new);
  }
}
