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
   * Prepares the left batch held in {@code columns} (the same batch as {@code vectors}, {@code rows}
   * rows); sets {@code nullKey[i]} when left row i has a NULL key (it matches nothing).
   */
  void startProbe(HeapColumn[] columns, List<FieldVector> vectors, int rows, boolean[] nullKey);

  /** The first build row matching left row {@code leftRow} (which has no NULL key), or -1. */
  int first(int leftRow);

  /** The next build row after {@code row} (a match of {@code leftRow}) matching it, or -1. */
  int next(int row, int leftRow);

  /** Whether each of the first {@code rows} values of {@code column} is NULL, into {@code out}. */
  static void nulls(HeapColumn column, int rows, boolean[] out) {
    if (!column.hasNulls()) {
      java.util.Arrays.fill(out, 0, rows, false);
      return;
    }
    for (int r = 0; r < rows; r++) {
      out[r] = column.isNull(r);
    }
  }
}
