package dev.quaver.storage.lsm;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A user key and the sequence number of one of its versions. Ordered by user key (unsigned
 * bytes) and then by sequence <em>descending</em>, so the newest version of a key comes first
 * and "the version visible at S" is the ceiling of {@code (key, S)}. Immutable.
 */
record InternalKey(byte[] userKey, long sequence) {
  static final Comparator<InternalKey> ORDER = (a, b) -> {
    int c = Arrays.compareUnsigned(a.userKey, b.userKey);
    return c != 0 ? c : Long.compare(b.sequence, a.sequence);
  };

  @Override
  public boolean equals(Object other) {
    return other instanceof InternalKey k && k.sequence == sequence
        && Arrays.equals(k.userKey, userKey);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(userKey) * 31 + Long.hashCode(sequence);
  }
}
