package dev.quaver.executor.operator.aggregate;

import org.apache.arrow.vector.FieldVector;

/**
 * The states of one aggregate call for every group, indexed by group id, fed a batch at a time.
 * Semantics are those of {@link Accumulators} (NULLs skipped, 22003 on overflow, AVG in the call's
 * type, the filter column).
 *
 * <p>Thread safety: confined to the statement's thread.
 */
interface CallColumn {
  /**
   * Adds rows {@code 0 .. rowCount-1} of the batch to the groups {@code ids} gives (rows with id
   * -1 are skipped). Every id is below {@code groups}, the table's current size.
   */
  void add(BatchColumn[] columns, int rowCount, int[] ids, int groups);

  /**
   * Writes the results of groups {@code [from, from + count)} into {@code vector} (allocated by
   * the caller) at positions 0 .. count-1. Groups that got no row at all get the empty result.
   */
  void write(FieldVector vector, int from, int count);

  /** Rough heap bytes per group, for memory accounting. */
  long bytesPerGroup();
}
