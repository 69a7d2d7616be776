package dev.quaver.executor.operator.dml;

/**
 * An input of a DML operator that can hand over its rows as {@code Object[]} (table column
 * order, Java values of the column types) without building Arrow vectors first: a JDBC batch of
 * {@code INSERT ... VALUES (?, ...)} whose values are the parameters themselves (executor
 * {@code BatchInsert}). The DML operator then writes the rows straight into its write batch —
 * for 1000-row batches the vector round trip (set, then read back per value) was about a sixth
 * of the server's CPU per row (docs/bench-jdbc-inserts.md).
 *
 * <p>A source is read either this way or through {@code Operator.next()}, never both.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public interface RowSource {
  /** The next row (a fresh array the caller may keep), or null after the last one. */
  Object[] nextRow();

  /**
   * Every remaining row at once, read column by column (consumed: {@link #nextRow()} returns null
   * afterwards), or null when this source hands its rows over only one by one. An INSERT then
   * gives them to {@code WriteBatch.insertRows}, which encodes each row from the columns without
   * an {@code Object[]} or a boxed value per row.
   */
  default dev.quaver.storage.row.ColumnRows columnRows() {
    return null;
  }

  /** How many rows are left to read, or -1 when unknown (a hint to size the write batch). */
  default int remainingRows() {
    return -1;
  }
}
