package dev.quaver.storage.lsm;

/**
 * Tuning of the LSM tree. {@link #defaults()} reads overrides from system properties
 * {@code quaver.lsm.<component>} (e.g. {@code -Dquaver.lsm.memtableBytes=1048576}), which tests
 * and the crash test's child process use to force flushes and compactions. Immutable.
 *
 * @param memtableBytes a memtable is frozen and flushed once it holds this many bytes
 * @param maxImmutableMemtables writers wait (bounded) when more frozen memtables await a flush
 * @param walSegmentBytes a WAL segment is rotated when it would grow past this
 * @param blockCacheBytes byte budget of the decoded-block LRU cache
 * @param targetFileBytes compaction cuts output SSTables at about this size
 * @param levelBaseBytes target size of level 1; level n is this times {@code levelRatio}^(n-1)
 * @param levelRatio size ratio between adjacent levels
 * @param l0CompactionTrigger L0 file count that starts an L0 → L1 compaction
 * @param l0SlowdownTrigger L0 file count from which each write is delayed, more as L0 grows
 * @param l0StopTrigger L0 file count at which writers wait for compaction (bounded, logged)
 * @param compactionBytesPerSecond write rate limit of compaction; 0 = unlimited
 * @param snapshotGraceMillis versions a snapshot taken this recently could still need are kept
 */
public record LsmOptions(long memtableBytes, int maxImmutableMemtables, long walSegmentBytes,
    long blockCacheBytes, long targetFileBytes, long levelBaseBytes, int levelRatio,
    int l0CompactionTrigger, int l0SlowdownTrigger, int l0StopTrigger,
    long compactionBytesPerSecond, long snapshotGraceMillis) {

  public LsmOptions {
    if (memtableBytes < 1024 || maxImmutableMemtables < 1 || levelRatio < 2
        || l0CompactionTrigger < 1 || l0SlowdownTrigger < l0CompactionTrigger
        || l0StopTrigger <= l0SlowdownTrigger || targetFileBytes < 1024) {
      throw new IllegalArgumentException("inconsistent LSM options " + this);
    }
  }

  /** Production defaults, overridable by {@code quaver.lsm.*} system properties. */
  public static LsmOptions defaults() {
    return new LsmOptions(
        Long.getLong("quaver.lsm.memtableBytes", 32L << 20),
        Integer.getInteger("quaver.lsm.maxImmutableMemtables", 2),
        Long.getLong("quaver.lsm.walSegmentBytes", 64L << 20),
        Long.getLong("quaver.lsm.blockCacheBytes", 64L << 20),
        Long.getLong("quaver.lsm.targetFileBytes", 8L << 20),
        Long.getLong("quaver.lsm.levelBaseBytes", 64L << 20),
        Integer.getInteger("quaver.lsm.levelRatio", 10),
        Integer.getInteger("quaver.lsm.l0CompactionTrigger", 4),
        Integer.getInteger("quaver.lsm.l0SlowdownTrigger", 8),
        Integer.getInteger("quaver.lsm.l0StopTrigger", 16),
        Long.getLong("quaver.lsm.compactionBytesPerSecond", 64L << 20),
        Long.getLong("quaver.lsm.snapshotGraceMillis", 1000));
  }

  /** Tiny sizes that make flushes and compactions frequent (tests). */
  public static LsmOptions small() {
    return new LsmOptions(16 << 10, 2, 64 << 10, 256 << 10, 8 << 10, 32 << 10, 4, 2, 6, 12, 0, 0);
  }
}
