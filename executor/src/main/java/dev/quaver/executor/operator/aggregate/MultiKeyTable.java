package dev.quaver.executor.operator.aggregate;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The group table for any number of keys of the {@link BatchColumn} kinds (strings included):
 * each batch's row hashes are computed column by column, then each row probes an open-addressing
 * table of group ids (linear probing, the full hash kept per slot so most mismatches cost one
 * int compare), and a candidate is confirmed key column by key column against the keys stored in
 * {@link KeyStore}s. No object per row or group.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class MultiKeyTable implements GroupTable {
  private final int[] keyColumns;
  private final KeyStore[] stores;
  private int[] slotIds = LongKeyTable.filled(64);
  private int[] slotHashes = new int[64];
  private int mask = 63;
  private int size;
  private long[] rowHashes = new long[0];

  MultiKeyTable(int[] keyColumns, BatchColumn.Kind[] kinds, int[] widths) {
    this.keyColumns = keyColumns;
    this.stores = new KeyStore[keyColumns.length];
    for (int k = 0; k < keyColumns.length; k++) {
      stores[k] = new KeyStore(kinds[k], widths[k]);
    }
  }

  @Override
  public void assign(BatchColumn[] columns, int rowCount, int[] ids, Admission admission) {
    if (rowHashes.length < rowCount) {
      rowHashes = new long[rowCount];
    }
    long[] hashes = rowHashes;
    for (int i = 0; i < rowCount; i++) {
      hashes[i] = rowHash(columns, i);
    }
    for (int i = 0; i < rowCount; i++) {
      int hash = (int) hashes[i];
      int slot = hash & mask;
      while (true) {
        int id = slotIds[slot];
        if (id < 0) {
          if (admission.admit(groupBytes(columns, i))) {
            id = size++;
            for (int k = 0; k < stores.length; k++) {
              stores[k].append(columns[keyColumns[k]], i);
            }
            slotIds[slot] = id;
            slotHashes[slot] = hash;
            if (size * 2 > slotIds.length) {
              grow();
            }
          }
          ids[i] = id;
          break;
        }
        if (slotHashes[slot] == hash && matches(id, columns, i)) {
          ids[i] = id;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }

  @Override
  public int hash(BatchColumn[] columns, int row) {
    return (int) (rowHash(columns, row) >>> 32);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void writeKeys(List<FieldVector> vectors, int from, int count) {
    for (int k = 0; k < stores.length; k++) {
      stores[k].write(vectors.get(k), from, count);
    }
  }

  private long rowHash(BatchColumn[] columns, int row) {
    long h = 0;
    for (int column : keyColumns) {
      h = KeyStore.mix(h * 0x9E3779B97F4A7C15L + KeyStore.hash(columns[column], row));
    }
    return h;
  }

  private boolean matches(int id, BatchColumn[] columns, int row) {
    for (int k = 0; k < stores.length; k++) {
      if (!stores[k].matches(id, columns[keyColumns[k]], row)) {
        return false;
      }
    }
    return true;
  }

  private long groupBytes(BatchColumn[] columns, int row) {
    long bytes = 8 + 2 * 8;
    for (int column : keyColumns) {
      bytes += KeyStore.bytes(columns[column], row);
    }
    return bytes;
  }

  private void grow() {
    int[] oldIds = slotIds;
    int[] oldHashes = slotHashes;
    int capacity = oldIds.length * 2;
    slotIds = LongKeyTable.filled(capacity);
    slotHashes = new int[capacity];
    mask = capacity - 1;
    for (int s = 0; s < oldIds.length; s++) {
      if (oldIds[s] >= 0) {
        int slot = oldHashes[s] & mask;
        while (slotIds[slot] >= 0) {
          slot = (slot + 1) & mask;
        }
        slotIds[slot] = oldIds[s];
        slotHashes[slot] = oldHashes[s];
      }
    }
  }
}
