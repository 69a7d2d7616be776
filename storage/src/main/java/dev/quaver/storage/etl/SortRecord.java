package dev.quaver.storage.etl;

import java.util.Arrays;

/**
 * One row on its way through the ETL sort: {@code sortKey} orders it (partition, then the sort
 * key's order-preserving encoding, then the row key), {@code rowKey} and {@code value} are the
 * row store's key and encoded row. Immutable (arrays are not changed after construction).
 */
record SortRecord(byte[] sortKey, byte[] rowKey, byte[] value) implements Comparable<SortRecord> {
  /** Approximate heap bytes, for the sort's memory budget. */
  long bytes() {
    return sortKey.length + rowKey.length + value.length + 96L;
  }

  @Override
  public int compareTo(SortRecord other) {
    return Arrays.compareUnsigned(sortKey, other.sortKey);
  }
}
