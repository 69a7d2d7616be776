package dev.quaver.bench.lsm;

import dev.quaver.storage.StorageConfig.SyncMode;
import dev.quaver.storage.lsm.LsmOptions;
import dev.quaver.storage.lsm.LsmStore;
import dev.quaver.storage.lsm.WriteSet;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Quaver's key-value core as the engine uses it: one {@link WriteSet} per put, written under a
 * commit lock and finished (group-commit fsync in COMMIT mode) outside it.
 *
 * <p>Thread safety: {@link #put} from any thread.
 */
final class QuaverPutTarget implements PutTarget {
  private final LsmStore store;
  private final ReentrantLock commitLock = new ReentrantLock();

  QuaverPutTarget(Path directory, SyncMode sync) throws Exception {
    store = LsmStore.open(directory, sync, 10, LsmOptions.defaults(),
        new LsmStore.RecoveryListener() {
          @Override
          public void onCatalog(byte[] state) {}

          @Override
          public void onRowId(long tableId, long nextRowId) {}
        });
  }

  @Override
  public void put(byte[] key, byte[] value) {
    WriteSet writes = new WriteSet();
    writes.put(key, value);
    LsmStore.PendingCommit pending;
    commitLock.lock();
    try {
      pending = store.write(writes);
    } finally {
      commitLock.unlock();
    }
    store.finish(pending, false);
  }

  @Override
  public void settle() throws Exception {
    commitLock.lock();
    try {
      store.flush();
    } finally {
      commitLock.unlock();
    }
    // let the compactor work through its scores
    long idle = 0;
    long last = -1;
    while (idle < 20) {
      Thread.sleep(100);
      long now = store.compactor().compactions();
      idle = now == last ? idle + 1 : 0;
      last = now;
    }
  }

  @Override
  public long[] writtenBytes() {
    LsmStore.WriteStats stats = store.writeStats();
    return new long[] {stats.walBytes(), stats.flushBytes(), stats.compactionBytes()};
  }

  @Override
  public void close() throws Exception {
    store.close();
  }
}
