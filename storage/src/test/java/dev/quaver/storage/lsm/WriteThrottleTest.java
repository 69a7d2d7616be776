package dev.quaver.storage.lsm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.storage.StorageConfig.SyncMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers outrun a compaction throttled to 1 MiB/s with L0 triggers of 1/2/3 files and one
 * frozen memtable allowed: they are slowed down and wait, but every write completes (no
 * deadlock, no endless stall) and nothing is lost.
 */
class WriteThrottleTest {
  @TempDir Path directory;

  @Test
  void slowCompactionSlowsWritersWithoutDeadlock() throws Exception {
    LsmOptions options = new LsmOptions(16 << 10, 1, 64 << 10, 256 << 10, 8 << 10, 32 << 10, 4,
        1, 2, 3, 1 << 20, 0);
    ReentrantLock commitLock = new ReentrantLock();
    try (LsmStore store = LsmStore.open(directory, SyncMode.OFF, 5, options,
        new LsmStore.RecoveryListener() {
          @Override
          public void onCatalog(byte[] state) {}

          @Override
          public void onRowId(long tableId, long nextRowId) {}
        })) {
      List<Thread> writers = new ArrayList<>();
      Throwable[] failure = new Throwable[1];
      for (int t = 0; t < 4; t++) {
        int id = t;
        Thread writer = new Thread(() -> {
          try {
            for (int i = 0; i < 1500; i++) {
              WriteSet writes = new WriteSet();
              writes.put(String.format("w%d-%05d", id, i).getBytes(StandardCharsets.UTF_8),
                  ("value " + i + " ".repeat(80)).getBytes(StandardCharsets.UTF_8));
              LsmStore.PendingCommit pending;
              commitLock.lock();
              try {
                pending = store.write(writes);
              } finally {
                commitLock.unlock();
              }
              store.finish(pending, false);
            }
          } catch (Throwable e) {
            failure[0] = e;
          }
        });
        writers.add(writer);
        writer.start();
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      for (Thread writer : writers) {
        writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        assertThat(writer.isAlive()).as("writer finished").isFalse();
      }
      assertThat(failure[0]).isNull();
      int count = 0;
      try (Cursor cursor = store.scan(new byte[0], null, store.visibleSequence())) {
        while (cursor.next()) {
          count++;
        }
      }
      assertThat(count).isEqualTo(6000);
      assertThat(store.compactor().compactions()).isPositive();
    }
  }
}
