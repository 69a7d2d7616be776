package dev.quaver.executor.operator.aggregate;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Maps the group key values of input rows to dense group ids 0, 1, 2, ... in order of first
 * appearance (NULLs form one group per key position, as in RowKey), a batch at a time. The ids
 * index the accumulator columns of the calls ({@link CallColumn}).
 *
 * <p>Thread safety: confined to the statement's thread.
 */
interface GroupTable {
  /** Decides whether a new group may be created; {@code bytes} is its rough heap size. */
  interface Admission {
    boolean admit(long bytes);
  }

  /**
   * Writes the group id of each of the {@code rowCount} rows into {@code ids}: an existing group,
   * a new one when {@code admission} admits it, else -1 (the row is to be spilled).
   * {@code columns} holds the loaded input columns by input ordinal (at least the key columns).
   */
  void assign(BatchColumn[] columns, int rowCount, int[] ids, Admission admission);

  /** A hash of row {@code row}'s key (same key, same hash at every level), to partition spills. */
  int hash(BatchColumn[] columns, int row);

  /** Number of groups. */
  int size();

  /**
   * Writes the keys of groups {@code [from, from + count)} into {@code vectors} (one per key,
   * allocated by the caller with room for {@code count} values) at positions 0 .. count-1.
   */
  void writeKeys(List<FieldVector> vectors, int from, int count);
}
