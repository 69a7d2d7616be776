package dev.quaver.storage;

import static dev.quaver.storage.EngineTestSupport.insert;
import static dev.quaver.storage.EngineTestSupport.people;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.TableDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers never see half a commit; concurrent read-modify-write never loses an update. */
class ConcurrencyTest {
  @TempDir Path directory;

  @Test
  void readersSeeWholeCommitsOnly() throws Exception {
    try (StorageEngine engine = Storage.open(StorageConfig.defaults(directory))) {
      TableDef t = engine.catalog().createTable(people("T"));
      AtomicBoolean done = new AtomicBoolean();
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        int base = w * 100_000;
        writers.add(new Thread(() -> {
          for (int i = 0; i < 60; i++) {
            insert(engine, t, new Object[] {base + 2 * i, "x", null},
                new Object[] {base + 2 * i + 1, "y", null});
          }
        }));
      }
      Thread reader = new Thread(() -> {
        try {
          while (!done.get()) {
            int count = EngineTestSupport.rows(engine, t).size();
            assertThat(count % 2).as("rows seen: %d", count).isZero();
          }
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      reader.start();
      writers.forEach(Thread::start);
      for (Thread writer : writers) {
        writer.join();
      }
      done.set(true);
      reader.join();
      assertThat(errors).isEmpty();
      assertThat(EngineTestSupport.rows(engine, t)).hasSize(360);
    }
  }

  @Test
  void conflictingUpdatesAreNeverLost() throws Exception {
    try (StorageEngine engine = Storage.open(
        new StorageConfig(directory, StorageConfig.SyncMode.OFF, 10))) {
      TableDef t = engine.catalog().createTable(people("COUNTER"));
      insert(engine, t, new Object[] {1, "c", 0L});
      AtomicInteger successes = new AtomicInteger();
      AtomicInteger conflicts = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        threads.add(new Thread(() -> {
          for (int i = 0; i < 50; i++) {
            long snapshot = engine.currentSnapshot();
            Object[] row = EngineTestSupport.rowsWithKeys(engine, t, snapshot, 10).get(0);
            WriteBatch batch = engine.newWriteBatch(snapshot);
            batch.update(t, (byte[]) row[3], new Object[] {1, "c", (Long) row[2] + 1});
            try {
              engine.commit(batch);
              successes.incrementAndGet();
            } catch (QuaverException e) {
              assertThat(e.code()).isEqualTo(ErrorCode.SERIALIZATION_FAILURE);
              conflicts.incrementAndGet();
            }
          }
        }));
      }
      threads.forEach(Thread::start);
      for (Thread thread : threads) {
        thread.join();
      }
      assertThat(successes.get() + conflicts.get()).isEqualTo(200);
      assertThat(EngineTestSupport.rows(engine, t).get(0).get(2)).isEqualTo((long) successes.get());
    }
  }
}
