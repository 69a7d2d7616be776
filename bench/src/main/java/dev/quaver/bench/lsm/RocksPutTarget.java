package dev.quaver.bench.lsm;

import dev.quaver.storage.StorageConfig.SyncMode;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RateLimiter;
import org.rocksdb.RocksDB;
import org.rocksdb.Statistics;
import org.rocksdb.TickerType;
import org.rocksdb.WriteOptions;

/**
 * RocksDB with the settings of {@code LsmOptions.defaults()}: 32 MiB memtables (at most 2
 * immutable), leveled compaction with L0 triggers 4/8/16, 64 MiB level base, ratio 10, 8 MiB
 * files, 4 KiB blocks with LZ4, 10-bit Bloom filters, a 64 MiB LRU block cache, compaction
 * writes limited to 64 MiB/s, two background jobs (Quaver has one flush and one compaction
 * thread). Sync modes: COMMIT = {@code WriteOptions.sync}, OFF = WAL written to the OS only,
 * INTERVAL = OFF plus {@code flushWal(true)} every 10 ms.
 *
 * <p>Thread safety: {@link #put} from any thread (RocksDB's own write queue).
 */
final class RocksPutTarget implements PutTarget {
  static {
    RocksDB.loadLibrary();
  }

  private final Options options;
  private final Statistics statistics = new Statistics();
  private final LRUCache cache = new LRUCache(64L << 20);
  private final RateLimiter rateLimiter = new RateLimiter(64L << 20);
  private final BloomFilter bloom = new BloomFilter(10, false);
  private final WriteOptions writeOptions = new WriteOptions();
  private final RocksDB db;
  private final ScheduledExecutorService syncer;

  RocksPutTarget(Path directory, SyncMode sync) throws Exception {
    options = new Options().setCreateIfMissing(true)
        .setWriteBufferSize(32L << 20).setMaxWriteBufferNumber(3)
        .setCompactionStyle(CompactionStyle.LEVEL).setNumLevels(7)
        .setLevel0FileNumCompactionTrigger(4).setLevel0SlowdownWritesTrigger(8)
        .setLevel0StopWritesTrigger(16).setMaxBytesForLevelBase(64L << 20)
        .setMaxBytesForLevelMultiplier(10).setTargetFileSizeBase(8L << 20)
        .setCompressionType(CompressionType.LZ4_COMPRESSION).setMaxBackgroundJobs(2)
        .setRateLimiter(rateLimiter).setStatistics(statistics)
        .setTableFormatConfig(new BlockBasedTableConfig().setBlockSize(4096)
            .setBlockCache(cache).setFilterPolicy(bloom));
    db = RocksDB.open(options, directory.toString());
    writeOptions.setSync(sync == SyncMode.COMMIT);
    if (sync == SyncMode.INTERVAL) {
      syncer = Executors.newSingleThreadScheduledExecutor();
      syncer.scheduleWithFixedDelay(() -> {
        try {
          db.flushWal(true);
        } catch (Exception e) {
          // closed
        }
      }, 10, 10, TimeUnit.MILLISECONDS);
    } else {
      syncer = null;
    }
  }

  @Override
  public void put(byte[] key, byte[] value) throws Exception {
    db.put(writeOptions, key, value);
  }

  @Override
  public void settle() throws Exception {
    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
      db.flush(flush);
    }
    long idle = 0;
    while (idle < 20) {
      Thread.sleep(100);
      boolean busy = db.getLongProperty("rocksdb.num-running-compactions") > 0
          || db.getLongProperty("rocksdb.compaction-pending") > 0;
      idle = busy ? 0 : idle + 1;
    }
  }

  @Override
  public long[] writtenBytes() {
    return new long[] {statistics.getTickerCount(TickerType.WAL_FILE_BYTES),
        statistics.getTickerCount(TickerType.FLUSH_WRITE_BYTES),
        statistics.getTickerCount(TickerType.COMPACT_WRITE_BYTES)};
  }

  @Override
  public void close() throws Exception {
    if (syncer != null) {
      syncer.shutdownNow();
      syncer.awaitTermination(1, TimeUnit.SECONDS);
    }
    db.close();
    options.close();
    writeOptions.close();
    statistics.close();
    cache.close();
    rateLimiter.close();
    bloom.close();
  }
}
