package dev.quaver.storage;

import static dev.quaver.storage.EngineTestSupport.people;
import static dev.quaver.storage.EngineTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.catalog.IndexDef;
import dev.quaver.storage.catalog.PersistentCatalog;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.lsm.Cursor;
import dev.quaver.storage.row.KeySpace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers that REPLACE and IGNORE into the same keys at once: every commit either applies whole
 * or fails with 40001 (and is retried), and the table and its UNIQUE index stay consistent.
 */
class ConflictConcurrencyTest {
  private static final int THREADS = 4;
  private static final int STATEMENTS_PER_THREAD = 150;
  private static final int KEYS = 12;

  @TempDir Path directory;

  @Test
  void concurrentReplaceAndIgnoreKeepKeysAndIndexConsistent() throws Exception {
    try (StorageEngine engine = Storage.open(new StorageConfig(directory, StorageConfig.SyncMode.OFF, 5))) {
      engine.catalog().createTable(people("T"));
      TableDef table = engine.catalog().createIndex("T", new IndexDef("U_NAME", List.of(1), true));
      AtomicInteger retries = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int seed = t;
          futures.add(pool.submit(() -> write(engine, table, new Random(seed), retries)));
        }
        for (Future<?> future : futures) {
          future.get();
        }
      } finally {
        pool.shutdown();
      }
      List<List<Object>> rows = rows(engine, table);
      Set<Object> ids = new HashSet<>();
      Set<Object> names = new HashSet<>();
      for (List<Object> row : rows) {
        assertThat(ids.add(row.get(0))).as("id %s twice", row.get(0)).isTrue();
        assertThat(names.add(row.get(1))).as("name %s twice", row.get(1)).isTrue();
      }
      assertThat(rows).isNotEmpty();
      assertThat(indexEntries((LsmStorageEngine) engine)).isEqualTo(rows.size());
    }
  }

  private static void write(StorageEngine engine, TableDef table, Random random, AtomicInteger retries) {
    for (int i = 0; i < STATEMENTS_PER_THREAD; i++) {
      ConflictAction action = random.nextBoolean() ? ConflictAction.REPLACE : ConflictAction.IGNORE;
      Object[] row = {random.nextInt(KEYS), "n" + random.nextInt(KEYS), (long) i};
      while (true) {
        WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
        batch.insert(table, row, action);
        try {
          engine.commit(batch);
          break;
        } catch (QuaverException e) {
          assertThat(e.code()).isEqualTo(ErrorCode.SERIALIZATION_FAILURE);
          retries.incrementAndGet();
        }
      }
    }
  }

  private static int indexEntries(LsmStorageEngine lsm) {
    long indexId = ((PersistentCatalog) lsm.catalog()).state().indexId("U_NAME");
    int count = 0;
    try (Cursor cursor = lsm.store().scan(KeySpace.indexStart(indexId), KeySpace.indexEnd(indexId),
        Long.MAX_VALUE)) {
      while (cursor.next()) {
        count++;
      }
    }
    return count;
  }
}
