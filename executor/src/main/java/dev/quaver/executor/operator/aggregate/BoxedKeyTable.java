package dev.quaver.executor.operator.aggregate;

import dev.quaver.executor.vector.RowKey;
import dev.quaver.executor.vector.VectorValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/**
 * The group table for keys the primitive tables do not read (and for tests comparing the two):
 * each row's key values boxed into a {@link RowKey} (typed equality, NULLs equal) in a hash map
 * of group ids.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class BoxedKeyTable implements GroupTable {
  /** Rough heap cost of a group beyond its key values: map entry, key object, array. */
  private static final long GROUP_BYTES = 96;

  private final int[] keyColumns;
  private final Map<RowKey, Integer> ids = new HashMap<>();
  private final List<Object[]> keys = new ArrayList<>();

  BoxedKeyTable(int[] keyColumns) {
    this.keyColumns = keyColumns;
  }

  @Override
  public void assign(BatchColumn[] columns, int rowCount, int[] out, Admission admission) {
    for (int i = 0; i < rowCount; i++) {
      RowKey key = key(columns, i);
      Integer id = ids.get(key);
      if (id == null) {
        if (!admission.admit(GROUP_BYTES + 24L * keyColumns.length)) {
          out[i] = -1;
          continue;
        }
        id = keys.size();
        ids.put(key, id);
        keys.add(key.values());
      }
      out[i] = id;
    }
  }

  @Override
  public int hash(BatchColumn[] columns, int row) {
    return key(columns, row).hashCode();
  }

  @Override
  public int size() {
    return keys.size();
  }

  @Override
  public void writeKeys(List<FieldVector> vectors, int from, int count) {
    for (int k = 0; k < keyColumns.length; k++) {
      FieldVector vector = vectors.get(k);
      for (int g = 0; g < count; g++) {
        VectorValues.set(vector, g, keys.get(from + g)[k]);
      }
      vector.setValueCount(count);
    }
  }

  private RowKey key(BatchColumn[] columns, int row) {
    Object[] values = new Object[keyColumns.length];
    for (int k = 0; k < keyColumns.length; k++) {
      values[k] = VectorValues.get(columns[keyColumns[k]].vector(), row);
    }
    return RowKey.of(values);
  }
}
