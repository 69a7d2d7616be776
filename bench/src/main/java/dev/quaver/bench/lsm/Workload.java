package dev.quaver.bench.lsm;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keys and values of the put benchmarks: 16-byte keys, 100-byte values (random bytes, so they do
 * not compress). Sequential keys are a shared big-endian counter followed by 8 zero bytes, so
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

  static byte[] value() {
    byte[] value = new byte[VALUE_BYTES];
    ThreadLocalRandom.current().nextBytes(value);
    return value;
  }
}
