package dev.quaver.bench.lsm;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keys and values of the put benchmarks: 16-byte keys, 100-byte values (slices of random bytes,
 * a different one for each put, so they do not compress). Sequential keys are a shared big-endian counter followed by 8 zero bytes, so
 * concurrent writers still append in key order (nearly); random keys are 16 random bytes.
 *
 * <p>Thread safety: {@link #nextKey} may be called from many threads.
 */
final class Workload {
  static final int KEY_BYTES = 16;
  static final int VALUE_BYTES = 100;

  private final boolean sequential;
  private final AtomicLong counter = new AtomicLong();

  Workload(boolean sequential) {
    this.sequential = sequential;
  }

  byte[] nextKey() {
    byte[] key = new byte[KEY_BYTES];
    if (sequential) {
      long n = counter.getAndIncrement();
      for (int i = 0; i < 8; i++) {
        key[i] = (byte) (n >>> (56 - 8 * i));
      }
    } else {
      ThreadLocalRandom.current().nextBytes(key);
    }
    return key;
  }

  /** 1 MiB of random bytes; each value is a slice at a random offset (does not compress). */
  private static final byte[] POOL = new byte[1 << 20];

  static {
    new java.util.Random(7).nextBytes(POOL);
  }

  /** A fresh value for each put (so blocks do not compress repeated values). */
  static byte[] value() {
    int offset = ThreadLocalRandom.current().nextInt(POOL.length - VALUE_BYTES);
    return java.util.Arrays.copyOfRange(POOL, offset, offset + VALUE_BYTES);
  }
}
