package dev.quaver.executor.operator.join;

import dev.quaver.executor.vector.HeapColumn;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The vectorized hash join's index over its build (right) rows as the probe uses it: a left batch
 * is prepared once ({@link #startProbe}), then the matching build rows of each left row are walked
 * with {@link #first} and {@link #next}, in build input order. Two layouts: {@link LongKeyIndex}
 * (one integral key, compared inline) and {@link HashKeyIndex} (any vectorizable keys).
 *
 * <p>Thread safety: confined to the join's thread.
 */
interface JoinIndex {
  /**
   * Prepares the left batch {@code vectors} ({@code rows} rows), which {@code columns} hold from
   * row {@code base} on (rows before it are earlier batches the join still holds; left row
   * numbers count from the first of them); sets {@code nullKey[base + i]} when the batch's row i
   * has a NULL key (it matches nothing). Starting over at base 0 drops the earlier batches.
   */
  void startProbe(HeapColumn[] columns, List<FieldVector> vectors, int base, int rows, boolean[] nullKey);

  /** The first build row matching left row {@code leftRow} (which has no NULL key), or -1. */
  int first(int leftRow);

  /** The next build row after {@code row} (a match of {@code leftRow}) matching it, or -1. */
  int next(int row, int leftRow);

  /** Whether each value of rows {@code [from, to)} of {@code column} is NULL, into {@code out[from, to)}. */
  static void nulls(HeapColumn column, int from, int to, boolean[] out) {
    if (!column.hasNulls()) {
      java.util.Arrays.fill(out, from, to, false);
      return;
    }
    for (int r = from; r < to; r++) {
      out[r] = column.isNull(r);
    }
  }
}
