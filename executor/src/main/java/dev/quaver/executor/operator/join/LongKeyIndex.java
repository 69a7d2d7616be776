package dev.quaver.executor.operator.join;

import dev.quaver.executor.vector.HeapColumn;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * {@link JoinIndex} for one integral (or temporal, boolean) key: a {@link LongKeyTable} over the
 * build keys, and per left batch the probe keys as a {@code long[]} whose first matches are found
 * a batch at a time ({@link LongKeyTable#firstAll}).
 *
 * <p>Thread safety: confined to the join's thread.
 */
final class LongKeyIndex implements JoinIndex {
  private final LongKeyTable table;
  private final int probeColumn;
  private long[] probeKeys = new long[0];
  private int[] probeFirst = new int[0];

  /** Indexes {@code rows} rows of {@code buildColumn}; left batches will have the key in {@code probeColumn}. */
  LongKeyIndex(HeapColumn buildColumn, int rows, int probeColumn) {
    long[] keys = new long[rows];
    boolean[] nullKey = new boolean[rows];
    buildColumn.longs(0, rows, keys, 0);
    JoinIndex.nulls(buildColumn, 0, rows, nullKey);
    this.table = new LongKeyTable(keys, nullKey, rows);
    this.probeColumn = probeColumn;
  }

  /** Heap bytes beyond the join's per-row estimate (a direct table's slots). */
  long extraBytes() {
    return table.extraBytes();
  }

  @Override
  public void startProbe(HeapColumn[] columns, List<FieldVector> vectors, int base, int rows, boolean[] nullKey) {
    int end = base + rows;
    if (probeKeys.length < end) {
      int capacity = Math.max(end, 2 * probeKeys.length);
      probeKeys = Arrays.copyOf(probeKeys, capacity);
      probeFirst = Arrays.copyOf(probeFirst, capacity);
    }
    HeapColumn column = columns[probeColumn];
    column.longs(base, rows, probeKeys, base);
    JoinIndex.nulls(column, base, end, nullKey);
    table.firstAll(probeKeys, nullKey, base, end, probeFirst);
  }

  @Override
  public int first(int leftRow) {
    return probeFirst[leftRow];
  }

  @Override
  public int next(int row, int leftRow) {
    return table.next(row, probeKeys[leftRow]);
  }
}
