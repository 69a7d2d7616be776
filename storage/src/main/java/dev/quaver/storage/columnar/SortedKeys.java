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

  /** The keys of {@code a} that are not in {@code b} (both sorted, distinct). */
  public static byte[][] minus(byte[][] a, byte[][] b) {
    if (b.length == 0) {
      return a;
    }
    byte[][] result = new byte[a.length][];
    int size = 0;
    int j = 0;
    for (byte[] key : a) {
      while (j < b.length && Arrays.compareUnsigned(b[j], key) < 0) {
        j++;
      }
      if (j >= b.length || !Arrays.equals(b[j], key)) {
        result[size++] = key;
      }
    }
    return Arrays.copyOf(result, size);
  }

  /** The keys in {@code a} or {@code b} (both sorted, distinct), sorted and distinct. */
  public static byte[][] union(byte[][] a, byte[][] b) {
    if (b.length == 0) {
      return a;
    }
    if (a.length == 0) {
      return b;
    }
    byte[][] result = new byte[a.length + b.length][];
    int size = 0;
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      int c = i >= a.length ? 1 : j >= b.length ? -1 : Arrays.compareUnsigned(a[i], b[j]);
      if (c <= 0) {
        result[size++] = a[i++];
        if (c == 0) {
          j++;
        }
      } else {
        result[size++] = b[j++];
      }
    }
    return Arrays.copyOf(result, size);
  }
}
