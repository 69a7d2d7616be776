package dev.quaver.storage.io;

import java.util.Arrays;

/**
 * A byte array usable as a hash-map key (value equality; unsigned lexicographic order).
 * Immutable as long as nobody modifies the wrapped array.
 */
public record ByteArrayKey(byte[] bytes) implements Comparable<ByteArrayKey> {
  @Override
  public boolean equals(Object other) {
    return other instanceof ByteArrayKey key && Arrays.equals(bytes, key.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(ByteArrayKey other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    StringBuilder hex = new StringBuilder();
    for (byte b : bytes) {
      hex.append(String.format("%02x", b & 0xFF));
    }
    return hex.toString();
  }
}
