package dev.quaver.storage;

import dev.quaver.storage.catalog.TableDef;
import java.nio.file.Path;

/**
 * The child process of {@link CrashRecoveryTest} and {@link ColumnarCrashTest} (started by
 * {@link CrashWriterChild}): inserts rows 0, 1, 2, ... one commit each in
 * sync mode COMMIT and prints "ack N" after commit N returned, until it is killed. Rows that a
 * previous run already wrote are skipped.
 */
public final class CrashWriterMain {
  private CrashWriterMain() {}

  public static void main(String[] args) {
    StorageEngine engine = Storage.open(StorageConfig.defaults(Path.of(args[0])));
    TableDef table = engine.catalog().table("T")
        .orElseGet(() -> engine.catalog().createTable(EngineTestSupport.people("T")));
    for (int i = 0; ; i++) {
      WriteBatch batch = engine.newWriteBatch(engine.currentSnapshot());
      batch.insert(table, new Object[] {i, "r" + (i % 1000), (long) i});
      try {
        engine.commit(batch);
      } catch (dev.quaver.error.QuaverException e) {
        if (e.code() == dev.quaver.error.ErrorCode.UNIQUE_VIOLATION) {
          continue; // written by the previous, killed run
        }
        throw e;
      }
      System.out.println("ack " + i);
      System.out.flush();
    }
  }
}
