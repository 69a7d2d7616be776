package dev.quaver.storage.lsm.sst;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A Bloom filter over the user keys of one SSTable: {@code bits:u8[n] probes:u8}. With
 * {@link SstFormat#BLOOM_BITS_PER_KEY} = 10 bits per key and 7 probes the false-positive rate is
 * about 0.8%. Probes use double hashing (h1 + i*h2) of a 64-bit hash, so one hash per key.
 *
 * <p>Two encodings, chosen by the SSTable's version (docs/formats/sstable.md): version 1 hashes
 * byte by byte (FNV-1a) and maps a probe to a bit with a floor modulo; version 2 hashes eight
 * bytes at a time and maps with a multiply-shift. Building the filter was about half of a memtable
 * flush's CPU in a batch load (one integer division per probe, 7 per key, plus a multiply per key
 * byte); version 2 does the same job with one multiply per probe and per 8 key bytes. Readers
 * keep the version-1 functions for files written before.
 *
 * <p>Thread safety: the builder is confined to one thread; {@link #mayContain} is read-only.
 */
public final class BloomFilter {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;

  private BloomFilter() {}

  /** Encodes a version-1 filter over {@code hashes[0..count)} (from {@link #hash}). */
  public static byte[] build(long[] hashes, int count, int bitsPerKey) {
    return build(hashes, count, bitsPerKey, 1);
  }

  /**
   * Encodes a filter of SSTable version {@code version} over {@code hashes[0..count)} (from
   * {@link #hash(byte[], int)} of the same version).
   */
  public static byte[] build(long[] hashes, int count, int bitsPerKey, int version) {
    int probes = Math.max(1, Math.min(30, (int) Math.round(bitsPerKey * 0.69)));
    int bits = Math.max(64, count * bitsPerKey);
    int bytes = (bits + 7) / 8;
    bits = bytes * 8;
    byte[] filter = new byte[bytes + 1];
    if (version >= 2) {
      long range = bits;
      for (int k = 0; k < count; k++) {
        long h = hashes[k];
        int h1 = (int) h;
        int h2 = (int) (h >>> 32) | 1;
        for (int i = 0; i < probes; i++) {
          int bit = (int) (((h1 + i * h2) & 0xFFFFFFFFL) * range >>> 32);
          filter[bit >>> 3] |= (byte) (1 << (bit & 7));
        }
      }
    } else {
      for (int k = 0; k < count; k++) {
        long h = hashes[k];
        int h1 = (int) h;
        int h2 = (int) (h >>> 32) | 1;
        for (int i = 0; i < probes; i++) {
          int bit = Math.floorMod(h1 + i * h2, bits);
          filter[bit >>> 3] |= (byte) (1 << (bit & 7));
        }
      }
    }
    filter[bytes] = (byte) probes;
    return filter;
  }

  /** False only if the key is certainly absent (version-1 filter). */
  public static boolean mayContain(byte[] filter, long hash) {
    return mayContain(filter, hash, 1);
  }

  /**
   * False only if the key is certainly absent from a filter of SSTable version {@code version};
   * {@code hash} is {@link #hash(byte[], int)} of that version.
   */
  public static boolean mayContain(byte[] filter, long hash, int version) {
    if (filter.length < 2) {
      return true;
    }
    int bits = (filter.length - 1) * 8;
    int probes = filter[filter.length - 1] & 0xFF;
    int h1 = (int) hash;
    int h2 = (int) (hash >>> 32) | 1;
    for (int i = 0; i < probes; i++) {
      int bit = version >= 2 ? (int) (((h1 + i * h2) & 0xFFFFFFFFL) * bits >>> 32)
          : Math.floorMod(h1 + i * h2, bits);
      if ((filter[bit >>> 3] & (1 << (bit & 7))) == 0) {
        return false;
      }
    }
    return true;
  }

  /** The version-1 hash of a key (FNV-1a over the bytes, then the murmur3 finalizer). */
  public static long hash(byte[] key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key) {
      h ^= b & 0xFF;
      h *= 0x100000001b3L;
    }
    return fmix64(h);
  }

  /** The hash of a key for a filter of SSTable version {@code version}. */
  public static long hash(byte[] key, int version) {
    return version >= 2 ? hash2(key) : hash(key);
  }

  /**
   * The version-2 hash: XXH64's round over each little-endian 8-byte word of the key (one
   * accumulator, seeded with the length), the last 1-7 bytes as one zero-padded word with their
   * count mixed in, then the murmur3 finalizer.
   */
  static long hash2(byte[] key) {
    int length = key.length;
    long h = P5 + length;
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      long k = (long) LONGS.get(key, i) * P2;
      k = Long.rotateLeft(k, 31) * P1;
      h ^= k;
      h = Long.rotateLeft(h, 27) * P1 + P4;
    }
    if (i < length) {
      long tail = 0;
      for (int shift = 0; i < length; i++, shift += 8) {
        tail |= (key[i] & 0xFFL) << shift;
      }
      h ^= Long.rotateLeft(tail * P5, 11) * P1;
      h = Long.rotateLeft(h, 23) * P2 + P3;
    }
    return fmix64(h);
  }

  private static long fmix64(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
