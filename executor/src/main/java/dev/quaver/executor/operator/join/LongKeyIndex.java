package dev.quaver.executor.operator.join;

import dev.quaver.executor.vector.HeapColumn;
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
    buildColumn.longs(0, rows, keys);
    JoinIndex.nulls(buildColumn, rows, nullKey);
    this.table = new LongKeyTable(keys, nullKey, rows);
    this.probeColumn = probeColumn;
  }

  /** Heap bytes beyond the join's per-row estimate (a direct table's slots). */
  long extraBytes() {
    return table.extraBytes();
  }

  @Override
  public void startProbe(HeapColumn[] columns, List<FieldVector> vectors, int rows, boolean[] nullKey) {
    if (probeKeys.length < rows) {
      probeKeys = new long[rows];
      probeFirst = new int[rows];
    }
    HeapColumn column = columns[probeColumn];
    column.longs(0, rows, probeKeys);
    JoinIndex.nulls(column, rows, nullKey);
    table.firstAll(probeKeys, nullKey, rows, probeFirst);
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
