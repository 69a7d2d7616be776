package dev.quaver.storage.lsm.sst;

import java.util.Arrays;

/**
 * What the manifest records about one SSTable: its number and size, the smallest and largest
 * user key it holds, its sequence range and entry count. Immutable (the key arrays are never
 * modified).
 */
public record SstMeta(long fileNumber, long fileSize, byte[] smallest, byte[] largest,
    long minSequence, long maxSequence, long entries) {

  /** True if the file may hold keys in [from, to) ({@code to} null = unbounded). */
  public boolean overlaps(byte[] from, byte[] to) {
    return (to == null || Arrays.compareUnsigned(smallest, to) < 0)
        && Arrays.compareUnsigned(largest, from) >= 0;
  }

  /** True if the file's key range intersects the closed range [low, high]. */
  public boolean overlapsClosed(byte[] low, byte[] high) {
    return Arrays.compareUnsigned(smallest, high) <= 0 && Arrays.compareUnsigned(largest, low) >= 0;
  }

  public boolean mayContain(byte[] key) {
    return Arrays.compareUnsigned(smallest, key) <= 0 && Arrays.compareUnsigned(largest, key) >= 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SstMeta m && m.fileNumber == fileNumber;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(fileNumber);
  }

  @Override
  public String toString() {
    return "SST " + fileNumber + " (" + fileSize + " bytes, " + entries + " entries)";
  }
}
