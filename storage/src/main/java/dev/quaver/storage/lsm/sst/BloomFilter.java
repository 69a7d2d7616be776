package dev.quaver.storage.lsm.sst;

/**
 * A Bloom filter over the user keys of one SSTable: {@code bits:u8[n] probes:u8}. With
 * {@link SstFormat#BLOOM_BITS_PER_KEY} = 10 bits per key and 7 probes the false-positive rate is
 * about 0.8%. Probes use double hashing (h1 + i*h2) of a 64-bit hash, so one hash per key.
 *
 * <p>Thread safety: the builder is confined to one thread; {@link #mayContain} is read-only.
 */
public final class BloomFilter {
  private BloomFilter() {}

  /** Encodes a filter over {@code hashes[0..count)} (from {@link #hash}). */
  public static byte[] build(long[] hashes, int count, int bitsPerKey) {
    int probes = Math.max(1, Math.min(30, (int) Math.round(bitsPerKey * 0.69)));
    int bits = Math.max(64, count * bitsPerKey);
    int bytes = (bits + 7) / 8;
    bits = bytes * 8;
    byte[] filter = new byte[bytes + 1];
    for (int k = 0; k < count; k++) {
      long h = hashes[k];
      int h1 = (int) h;
      int h2 = (int) (h >>> 32) | 1;
      for (int i = 0; i < probes; i++) {
        int bit = Math.floorMod(h1 + i * h2, bits);
        filter[bit >>> 3] |= (byte) (1 << (bit & 7));
      }
    }
    filter[bytes] = (byte) probes;
    return filter;
  }

  /** False only if the key is certainly absent. */
  public static boolean mayContain(byte[] filter, long hash) {
    if (filter.length < 2) {
      return true;
    }
    int bits = (filter.length - 1) * 8;
    int probes = filter[filter.length - 1] & 0xFF;
    int h1 = (int) hash;
    int h2 = (int) (hash >>> 32) | 1;
    for (int i = 0; i < probes; i++) {
      int bit = Math.floorMod(h1 + i * h2, bits);
      if ((filter[bit >>> 3] & (1 << (bit & 7))) == 0) {
        return false;
      }
    }
    return true;
  }

  /** A 64-bit hash of a key (FNV-1a over the bytes, then the murmur3 finalizer). */
  public static long hash(byte[] key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key) {
      h ^= b & 0xFF;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
