package dev.quaver.storage.row;

/**
 * Rows to insert, read column by column: a JDBC batch's parameter columns as the server decoded
 * them (primitive arrays per column), so the storage encodes each row without an
 * {@code Object[]} per row or a boxed value per fixed-width column
 * ({@link dev.quaver.storage.WriteBatch#insertRows}). Columns are the table's, in order.
 *
 * <p>Which reader a column is read with follows its SQL type: {@link #getLong} for BOOLEAN (0 or
 * 1), TINYINT, SMALLINT, INTEGER, BIGINT, DATE, TIME, TIMESTAMP and the intervals (the integral
 * value {@link dev.quaver.type.SqlType} fixes); {@link #getDouble} for REAL and DOUBLE; {@link
 * #get} (the Java value of the type) for DECIMAL, CHAR and VARCHAR. A reader is called only for
 * a value that is not NULL ({@link #isNull}). Values are already of the column's type (CHAR
 * padded, DECIMAL of any scale: the codec rescales), exactly what the {@code Object[]} row would
 * hold.
 *
 * <p>Thread safety: read by one thread (the committing statement's).
 */
public interface ColumnRows {
  int rowCount();

  boolean isNull(int column, int row);

  long getLong(int column, int row);

  double getDouble(int column, int row);

  /** The Java value of the column's type (boxed for fixed-width types), null for NULL. */
  Object get(int column, int row);

  /** Row {@code row} as an {@code Object[]} of {@code columns} values (the row-at-a-time fallback). */
  default Object[] row(int columns, int row) {
    Object[] values = new Object[columns];
    for (int i = 0; i < columns; i++) {
      values[i] = isNull(i, row) ? null : get(i, row);
    }
    return values;
  }
}
