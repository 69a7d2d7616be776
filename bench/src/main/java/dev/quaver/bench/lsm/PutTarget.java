package dev.quaver.bench.lsm;

import dev.quaver.storage.StorageConfig.SyncMode;
import java.nio.file.Path;

/**
 * One engine under test: durable puts of byte keys and values with a sync mode, and the numbers
 * amplification needs. Both implementations use the same settings (see {@link RocksPutTarget}).
 *
 * <p>Thread safety: {@link #put} may be called from many threads.
 */
interface PutTarget extends AutoCloseable {
  void put(byte[] key, byte[] value) throws Exception;

  /** Waits until background flushes and compactions are done (for amplification). */
  void settle() throws Exception;

  /** Bytes written to WAL, flushed SSTables and compaction outputs so far. */
  long[] writtenBytes() throws Exception;

  @Override
  void close() throws Exception;

  static PutTarget open(String engine, Path directory, SyncMode sync) throws Exception {
    return switch (engine) {
      case "quaver" -> new QuaverPutTarget(directory, sync);
      case "rocksdb" -> new RocksPutTarget(directory, sync);
      default -> throw new IllegalArgumentException("engine " + engine);
    };
  }
}
