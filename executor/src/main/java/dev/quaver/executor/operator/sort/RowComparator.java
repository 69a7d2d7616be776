package dev.quaver.executor.operator.sort;

import dev.quaver.executor.vector.SqlOrdering;
import dev.quaver.planner.physical.SortKey;
import java.util.Comparator;
import java.util.List;

/**
 * Orders rows by a list of sort keys: each key compares one column in SQL order, reversed for
 * DESC, with NULLs placed first or last as the key says (independently of DESC). Immutable.
 */
final class RowComparator implements Comparator<Object[]> {
  private final List<SortKey> keys;

  RowComparator(List<SortKey> keys) {
    this.keys = List.copyOf(keys);
  }

  @Override
  public int compare(Object[] left, Object[] right) {
    for (SortKey key : keys) {
      Object a = left[key.column()];
      Object b = right[key.column()];
      int order;
      if (a == null || b == null) {
        if (a == b) {
          continue;
        }
        order = (a == null) == key.nullsFirst() ? -1 : 1;
        return order;
      }
      order = SqlOrdering.compare(a, b);
      if (order != 0) {
        return key.descending() ? -order : order;
      }
    }
    return 0;
  }
}
