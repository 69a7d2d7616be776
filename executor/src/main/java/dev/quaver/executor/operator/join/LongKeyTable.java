package dev.quaver.executor.operator.join;

import java.util.Arrays;

/**
 * The hash table of a join on one integral (or temporal, boolean) key: the build keys as a
 * {@code long[]}, chained by row. It is the common case of star joins (SSB: every join is one
 * INTEGER key into a dimension), so the probe compares the key inline instead of going through
 * the general {@link JoinKeys} (per-row virtual reads and a full hash compare).
 *
 * <p>Two layouts: when the non-NULL build keys span a small range (at most 8 slots per build row,
 * or 4096 slots) the bucket is the key minus the smallest key (dense surrogate keys, one year of
 * yyyymmdd dates); otherwise buckets are at least twice the rows (load factor at most 0.5) and a
 * key's bucket is the high bits of a multiplicative hash, which spreads dense and yyyymmdd-style
 * keys alike (the low bits of such keys repeat in patterns). A chain lists its rows in input
 * order; the probe still compares each row's key, so both layouts return exactly the rows with an
 * equal key. Rows with a NULL key are not indexed (they match nothing).
 *
 * <p>Thread safety: immutable after construction; confined to the join's thread.
 */
final class LongKeyTable {
  private static final long MIX = 0x9E3779B97F4A7C15L;
  /** A direct table may have up to this many slots per build row (or {@link #DIRECT_MIN}). */
  private static final int DIRECT_SLOTS_PER_ROW = 8;
  private static final int DIRECT_MIN = 4096;

  private final long[] keys;
  private final int[] chain;
  private final int[] head;
  private final boolean direct;
  private final long min;
  private final int shift;
  /** No two build rows share a key (a dimension's primary key): a match is the only one. */
  private final boolean unique;

  /** Indexes rows {@code [0, rows)}: their keys and whether each key is NULL. */
  LongKeyTable(long[] keys, boolean[] nullKey, int rows) {
    this.keys = keys;
    this.chain = new int[rows];
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (int r = 0; r < rows; r++) {
      if (!nullKey[r]) {
        lo = Math.min(lo, keys[r]);
        hi = Math.max(hi, keys[r]);
      }
    }
    long span = hi - lo; // negative when no key, or on overflow (a range wider than 2^63)
    long directLimit = Math.max(DIRECT_MIN, (long) DIRECT_SLOTS_PER_ROW * rows);
    this.direct = lo <= hi && span >= 0 && span < directLimit;
    if (direct) {
      this.min = lo;
      this.shift = 0;
      this.head = new int[(int) span + 1];
    } else {
      int buckets = Math.max(16, Integer.highestOneBit(Math.max(rows, 1) * 2 - 1) << 1);
      this.min = 0;
      this.shift = 64 - Integer.numberOfTrailingZeros(buckets);
      this.head = new int[buckets];
    }
    Arrays.fill(head, -1);
    boolean distinct = true;
    // Inserted last row first so that each chain lists its rows in input order.
    for (int r = rows - 1; r >= 0; r--) {
      if (nullKey[r]) {
        chain[r] = -1;
        continue;
      }
      int bucket = bucket(keys[r]);
      if (distinct && head[bucket] >= 0) {
        distinct = direct ? false : match(head[bucket], keys[r]) < 0;
      }
      chain[r] = head[bucket];
      head[bucket] = r;
    }
    this.unique = distinct;
  }

  /** Heap bytes of the bucket heads beyond the 8 per build row that the join accounts for. */
  long extraBytes() {
    return Math.max(0, 4L * head.length - 8L * chain.length);
  }

  /** True when buckets are key offsets (for tests and EXPLAIN-style diagnostics). */
  boolean direct() {
    return direct;
  }

  /** The first build row whose key equals {@code key}, or -1. */
  int first(long key) {
    int row;
    if (direct) {
      long offset = key - min;
      if (offset < 0 || offset >= head.length) {
        return -1;
      }
      row = head[(int) offset];
    } else {
      row = head[(int) ((key * MIX) >>> shift)];
    }
    return match(row, key);
  }

  /**
   * {@link #first} of each of {@code keys[from, to)} into {@code out[from, to)} (-1 where {@code nullKey}):
   * bucket heads in one loop, then the key compares, so that the independent table reads of a
   * whole batch overlap instead of one waiting for the other (tables past the CPU caches).
   */
  void firstAll(long[] keys, boolean[] nullKey, int from, int to, int[] out) {
    int[] heads = head;
    if (direct) {
      for (int i = from; i < to; i++) {
        long offset = keys[i] - min;
        out[i] = nullKey[i] || offset < 0 || offset >= heads.length ? -1 : heads[(int) offset];
      }
    } else {
      for (int i = from; i < to; i++) {
        out[i] = nullKey[i] ? -1 : heads[(int) ((keys[i] * MIX) >>> shift)];
      }
    }
    long[] buildKeys = this.keys;
    for (int i = from; i < to; i++) {
      int row = out[i];
      if (row >= 0 && buildKeys[row] != keys[i]) {
        out[i] = match(chain[row], keys[i]);
      }
    }
  }

  /** The first row at or after {@code row} in its chain whose key equals {@code key}, or -1. */
  int match(int row, long key) {
    while (row >= 0 && keys[row] != key) {
      row = chain[row];
    }
    return row;
  }

  /** The next build row with key {@code key} after {@code row} (a row {@link #first} or this returned), or -1. */
  int next(int row, long key) {
    return unique ? -1 : match(chain[row], key);
  }

  /** True when no two build rows have the same key. */
  boolean unique() {
    return unique;
  }

  private int bucket(long key) {
    return direct ? (int) (key - min) : (int) ((key * MIX) >>> shift);
  }
}
