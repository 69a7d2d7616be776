package dev.quaver.executor.operator.aggregate;

import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The group table of an aggregation without group keys: one group, id 0, created by the first
 * row (or by the operator for empty input).
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class NoKeyTable implements GroupTable {
  private int size;

  @Override
  public void assign(BatchColumn[] columns, int rowCount, int[] ids, Admission admission) {
    if (size == 0 && rowCount > 0 && admission.admit(0)) {
      size = 1;
    }
    Arrays.fill(ids, 0, rowCount, size == 1 ? 0 : -1);
  }

  /** Creates the one group when no row did (empty input gives one row). */
  void ensureGroup() {
    size = 1;
  }

  @Override
  public int hash(BatchColumn[] columns, int row) {
    return 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void writeKeys(List<FieldVector> vectors, int from, int count) {}
}
