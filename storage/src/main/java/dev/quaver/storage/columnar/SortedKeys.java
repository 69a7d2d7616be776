package dev.quaver.storage.columnar;

import java.util.Arrays;

/**
 * Row keys as sorted arrays (unsigned byte order, distinct): the keys changed after a watermark
 * are collected from the change log into one array and sorted once, which costs far less than a
 * tree insert per key, and sorted arrays are what {@code KeyMatch} slices by zone maps. Stateless.
 */
public final class SortedKeys {
  private SortedKeys() {}

  /** Sorts {@code keys[0, count)} and drops duplicates: a new array. */
  public static byte[][] sortDistinct(byte[][] keys, int count) {
    byte[][] sorted = Arrays.copyOf(keys, count);
    Arrays.sort(sorted, Arrays::compareUnsigned);
    int size = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (size == 0 || !Arrays.equals(sorted[size - 1], sorted[i])) {
        sorted[size++] = sorted[i];
      }
    }
    return size == sorted.length ? sorted : Arrays.copyOf(sorted, size);
  }

  /**
   * The keys of {@code a} that are not in {@code b} (both sorted, distinct). Each key of
   * {@code a} is found in {@code b} by galloping from the previous one: O(|a| log |b|) when a
   * few freshly changed keys meet the many of an earlier state.
   */
  public static byte[][] minus(byte[][] a, byte[][] b) {
    if (b.length == 0) {
      return a;
    }
    byte[][] result = new byte[a.length][];
    int size = 0;
    int j = 0;
    for (byte[] key : a) {
      j = lowerBound(b, j, key);
      if (j >= b.length || !Arrays.equals(b[j], key)) {
        result[size++] = key;
      }
    }
    return size == a.length ? result : Arrays.copyOf(result, size);
  }

  /**
   * The keys in {@code a} or {@code b} (both sorted, distinct), sorted and distinct. The keys of
   * the shorter array are placed by galloping in the longer one, whose runs in between are
   * copied in bulk: extending a large state by a few keys costs a copy, not a comparison per key.
   */
  public static byte[][] union(byte[][] a, byte[][] b) {
    if (b.length == 0) {
      return a;
    }
    if (a.length == 0) {
      return b;
    }
    byte[][] small = a.length <= b.length ? a : b;
    byte[][] large = small == a ? b : a;
    byte[][] result = new byte[a.length + b.length][];
    int size = 0;
    int from = 0;
    for (byte[] key : small) {
      int at = lowerBound(large, from, key);
      System.arraycopy(large, from, result, size, at - from);
      size += at - from;
      result[size++] = key;
      from = at < large.length && Arrays.equals(large[at], key) ? at + 1 : at;
    }
    System.arraycopy(large, from, result, size, large.length - from);
    size += large.length - from;
    return size == result.length ? result : Arrays.copyOf(result, size);
  }

  /**
   * The first index in [from, keys.length) whose key is at least {@code key} (keys sorted):
   * an exponential search from {@code from}, then a binary search in the last step.
   */
  static int lowerBound(byte[][] keys, int from, byte[] key) {
    int step = 1;
    int low = from;
    int high = from;
    while (high < keys.length && Arrays.compareUnsigned(keys[high], key) < 0) {
      low = high + 1;
      high = from + step;
      step <<= 1;
    }
    high = Math.min(high, keys.length);
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (Arrays.compareUnsigned(keys[mid], key) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
