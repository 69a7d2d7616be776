package dev.quaver.executor.operator.aggregate;

import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The group table for a single fixed-width key that reads as 64 key bits (integers, DATE, TIME,
 * TIMESTAMP, BOOLEAN, floating point normalized): open addressing with linear probing over
 * {@code long} keys, no object per row or group; the NULL key is one extra group.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class LongKeyTable implements GroupTable {
  private static final long GROUP_BYTES = 8 + 2 * 12 + 9;

  private final int column;
  private final KeyStore keys;
  private long[] slotKeys = new long[64];
  private int[] slotIds = filled(64);
  private int mask = 63;
  private int nullGroup = -1;
  private int size;

  LongKeyTable(int column, BatchColumn.Kind kind, int width) {
    this.column = column;
    this.keys = new KeyStore(kind, width);
  }

  @Override
  public void assign(BatchColumn[] columns, int rowCount, int[] ids, Admission admission) {
    BatchColumn input = columns[column];
    boolean nulls = input.hasNulls();
    for (int i = 0; i < rowCount; i++) {
      if (nulls && input.isNull(i)) {
        if (nullGroup < 0 && admission.admit(GROUP_BYTES)) {
          nullGroup = size++;
          keys.append(input, i);
        }
        ids[i] = nullGroup;
        continue;
      }
      long key = input.keyBits(i);
      int slot = (int) KeyStore.mix(key) & mask;
      while (true) {
        int id = slotIds[slot];
        if (id < 0) {
          if (admission.admit(GROUP_BYTES)) {
            id = size++;
            keys.append(input, i);
            slotIds[slot] = id;
            slotKeys[slot] = key;
            if (size * 2 > slotIds.length) {
              grow();
            }
          }
          ids[i] = id;
          break;
        }
        if (slotKeys[slot] == key) {
          ids[i] = id;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }

  @Override
  public int hash(BatchColumn[] columns, int row) {
    long h = KeyStore.hash(columns[column], row);
    return (int) (h >>> 32);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void writeKeys(List<FieldVector> vectors, int from, int count) {
    keys.write(vectors.get(0), from, count);
  }

  private void grow() {
    long[] oldKeys = slotKeys;
    int[] oldIds = slotIds;
    int capacity = oldIds.length * 2;
    slotKeys = new long[capacity];
    slotIds = filled(capacity);
    mask = capacity - 1;
    for (int s = 0; s < oldIds.length; s++) {
      if (oldIds[s] >= 0) {
        int slot = (int) KeyStore.mix(oldKeys[s]) & mask;
        while (slotIds[slot] >= 0) {
          slot = (slot + 1) & mask;
        }
        slotIds[slot] = oldIds[s];
        slotKeys[slot] = oldKeys[s];
      }
    }
  }

  static int[] filled(int capacity) {
    int[] ids = new int[capacity];
    Arrays.fill(ids, -1);
    return ids;
  }
}
