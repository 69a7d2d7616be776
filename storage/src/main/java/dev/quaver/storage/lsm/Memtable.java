package dev.quaver.storage.lsm;

/**
 * The mutable, sorted, multi-version part of the LSM tree: every version of every key written
 * since the last flush, tagged with its commit's sequence number. Reads at snapshot S see, per
 * key, the newest version with sequence &lt;= S.
 *
 * <p>Call protocol: writers call {@link #apply} with non-decreasing sequence numbers while holding
 * the store's commit lock; readers may run concurrently and must only ask for snapshots that are
 * already published (every version at or below them is applied).
 *
 * <p>Thread safety: implementations are safe for one writer and many concurrent readers.
 */
public interface Memtable {
  /** The value of a deletion. Compared by identity: never store this array under a put. */
  byte[] TOMBSTONE = new byte[0];

  /** Adds a version of {@code key}; {@code value} may be {@link #TOMBSTONE}. */
  void apply(long sequence, byte[] key, byte[] value);

  /** Physically removes every version of every key in [from, to) (DROP TABLE frees its rows). */
  void removeRange(byte[] from, byte[] to);

  /** The newest value of {@code key} at {@code snapshot}, {@link #TOMBSTONE} if deleted, or null. */
  byte[] get(byte[] key, long snapshot);

  /** Sequence number of the newest version of {@code key}, or 0 if it has none. */
  long latestSequence(byte[] key);

  /** Live (non-deleted) keys in [from, to) at {@code snapshot}, in key order. */
  Cursor scan(byte[] from, byte[] to, long snapshot);

  /**
   * Every version of the keys in [from, to) ({@code to} null = unbounded) in internal-key order,
   * tombstones included: the input of merged reads and of the flush.
   */
  InternalIterator iterator(byte[] from, byte[] to);

  /** True if nothing was ever applied (or everything applied was removed). */
  boolean isEmpty();

  /** Rough bytes held in keys and values, for the flush trigger. */
  long approximateBytes();

  /**
   * A new, empty memtable: the {@link ArenaSkipListMemtable} (nodes in chunks of arrays, the
   * caller's key and value arrays kept); with the system property {@code quaver.memtable=finger}
   * the {@link FingerSkipListMemtable} (an object per node, key and value), with
   * {@code concurrent} the earlier {@link SkipListMemtable} (all kept for A/B runs). A memtable of
   * small objects is what the young collections copy and promote: the arena halved GC CPU in
   * 1000-row batch loads (docs/storage-bench.md, "batch loads: the column path and the arena
   * memtable" and "the background threads of a batch load").
   */
  static Memtable create() {
    String kind = System.getProperty("quaver.memtable", "arena");
    return switch (kind) {
      case "concurrent" -> new SkipListMemtable();
      case "finger" -> new FingerSkipListMemtable();
      default -> new ArenaSkipListMemtable();
    };
  }
}
