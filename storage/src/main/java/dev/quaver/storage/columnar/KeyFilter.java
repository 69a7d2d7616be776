package dev.quaver.storage.columnar;

/**
 * A set of integral keys (a hash join's build keys, read as longs) that answers "may this key be
 * in the set?" from a structure small enough for the CPU caches (issue #6, star joins): the
 * probe-side scan tests each row's key with it and drops the rows that cannot match before the
 * other columns are copied, and a join probe tests it before it reads its large bucket table.
 *
 * <p>Two layouts. When the keys span at most {@link #BITS_PER_KEY} bits per key (or
 * {@link #BITS_MIN} bits), one bit per value of [min, max]: exact (dense surrogate keys and
 * yyyymmdd dates: SSB's part is 25 KB for 200K keys). Otherwise a register-blocked Bloom filter:
 * about 16 bits per key, each key setting 4 bits of one 64-bit word, so a test reads one word
 * (about 1-2% false positives). Either layout answers false for a key outside [min, max].
 * A filter may say yes for a key that is absent, never no for one that is present, so its users
 * still compare keys.
 *
 * <p>A scan receives it as the advisory {@code ScanPredicate(column, EQ, filter)}: "the column
 * equals one of the keys" (a NULL equals none). Scans that do not know this class ignore the
 * predicate (ScanPredicate: a value of another class is ignored); {@link ColumnarTableScan}
 * applies it to segment rows and delta rows.
 *
 * <p>Thread safety: immutable after construction; may be shared between threads.
 */
public final class KeyFilter {
  /** A bitset may have up to this many bits per key (or {@link #BITS_MIN}). */
  public static final long BITS_PER_KEY = 64;
  /** A bitset of this many bits (8 KB) is always fine. */
  public static final long BITS_MIN = 1L << 16;
  /** Bits beyond which a bitset is not built (4 MB; a Bloom filter is used instead). */
  private static final long BITS_MAX = 1L << 25;
  private static final long MIX = 0x9E3779B97F4A7C15L;
  private static final long MIX2 = 0xC2B2AE3D27D4EB4FL;

  private final long[] words;
  private final boolean exact;
  private final long min;
  private final long max;
  /** Bloom: a key's word is the top bits of its hash. */
  private final int shift;
  private final int keys;

  private KeyFilter(long[] words, boolean exact, long min, long max, int shift, int keys) {
    this.words = words;
    this.exact = exact;
    this.min = min;
    this.max = max;
    this.shift = shift;
    this.keys = keys;
  }

  /**
   * The filter of {@code keys[0, count)} (non-NULL keys; duplicates are fine). An empty set gives
   * a filter that contains nothing.
   */
  public static KeyFilter of(long[] keys, int count) {
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (int i = 0; i < count; i++) {
      lo = Math.min(lo, keys[i]);
      hi = Math.max(hi, keys[i]);
    }
    if (count == 0) {
      return new KeyFilter(new long[1], true, 1, 0, 0, 0);
    }
    long span = hi - lo; // negative on overflow (a range wider than 2^63)
    long bitsLimit = Math.min(BITS_MAX, Math.max(BITS_MIN, BITS_PER_KEY * count));
    if (span >= 0 && span < bitsLimit) {
      long[] words = new long[(int) (span >>> 6) + 1];
      for (int i = 0; i < count; i++) {
        long offset = keys[i] - lo;
        words[(int) (offset >>> 6)] |= 1L << offset;
      }
      return new KeyFilter(words, true, lo, hi, 0, count);
    }
    int wordCount = Integer.highestOneBit(Math.max(1, count / 4) * 2 - 1);
    wordCount = Math.max(1, Math.min(wordCount, 1 << 24));
    int shift = 64 - Integer.numberOfTrailingZeros(wordCount);
    long[] words = new long[wordCount];
    for (int i = 0; i < count; i++) {
      long key = keys[i];
      words[word(key, shift)] |= mask(key);
    }
    return new KeyFilter(words, false, lo, hi, shift, count);
  }

  /** False when no key of the set equals {@code key}; true when one may. */
  public boolean mayContain(long key) {
    if (key < min || key > max) {
      return false;
    }
    if (exact) {
      long offset = key - min;
      return (words[(int) (offset >>> 6)] & (1L << offset)) != 0;
    }
    long mask = mask(key);
    return (words[word(key, shift)] & mask) == mask;
  }

  /**
   * Keeps, in order, the rows of {@code rows[0, n)} whose key {@code keys[row]} may be in the set
   * and returns their count: {@link #mayContain} over a selection, with the layout's fields in
   * locals and the kept row written unconditionally (no branch to mispredict when about half pass).
   */
  public int select(long[] keys, int[] rows, int n) {
    long lo = min;
    long span = max - min; // compared unsigned: a key below min wraps to a huge offset
    long[] w = words;
    int out = 0;
    if (keys == null || empty()) {
      return 0;
    }
    if (exact) {
      for (int i = 0; i < n; i++) {
        int row = rows[i];
        long offset = keys[row] - lo;
        boolean in = Long.compareUnsigned(offset, span) <= 0 && (w[(int) (offset >>> 6)] & (1L << offset)) != 0;
        rows[out] = row;
        out += in ? 1 : 0;
      }
    } else {
      for (int i = 0; i < n; i++) {
        int row = rows[i];
        boolean in = mayContain(keys[row]);
        rows[out] = row;
        out += in ? 1 : 0;
      }
    }
    return out;
  }

  /** True when {@link #mayContain} is exact (a bitset): no false positives. */
  public boolean exact() {
    return exact;
  }

  /** The smallest key (greater than {@link #max} when the set is empty). */
  public long min() {
    return min;
  }

  /** The largest key. */
  public long max() {
    return max;
  }

  /** True when the set has no key: nothing passes. */
  public boolean empty() {
    return keys == 0;
  }

  /** Heap bytes of the structure. */
  public long bytes() {
    return 8L * words.length;
  }

  @Override
  public String toString() {
    return "KeyFilter[" + keys + " keys in [" + min + ", " + max + "], "
        + (exact ? "bitset" : "bloom") + ", " + bytes() + " bytes]";
  }

  /** The word of a key in a Bloom layout: the top bits of a multiplicative hash. */
  private static int word(long key, int shift) {
    return shift == 64 ? 0 : (int) ((key * MIX) >>> shift);
  }

  /** The 4 bits a key sets in its word, from a second hash (independent of the word index). */
  private static long mask(long key) {
    long h = (key ^ (key >>> 29)) * MIX2;
    h ^= h >>> 32;
    return (1L << h) | (1L << (h >>> 6)) | (1L << (h >>> 12)) | (1L << (h >>> 18));
  }
}
