package dev.quaver.executor;

import dev.quaver.protocol.BatchColumn;
import dev.quaver.storage.row.ColumnRows;

/**
 * The rows of a JDBC batch insert as the table's columns ({@link ColumnRows}) for {@code
 * WriteBatch.insertRows}: each table column is a parameter column read in place (the server's
 * primitive arrays: no boxing), the parameter's values brought to the column's type once per
 * batch (CHAR padding, another bound type), or a literal (a column default) repeated.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class ParameterColumnRows implements ColumnRows {
  private final int rowCount;
  /** Per table column: the parameter column read in place, else null. */
  private final BatchColumn[] inPlace;
  /** Per table column not read in place and not constant: its values, else null. */
  private final Object[][] values;
  /** Per table column: the literal's value when neither of the above. */
  private final Object[] constants;

  ParameterColumnRows(int rowCount, BatchColumn[] inPlace, Object[][] values, Object[] constants) {
    this.rowCount = rowCount;
    this.inPlace = inPlace;
    this.values = values;
    this.constants = constants;
  }

  @Override
  public int rowCount() {
    return rowCount;
  }

  @Override
  public boolean isNull(int column, int row) {
    BatchColumn batch = inPlace[column];
    if (batch != null) {
      return batch.isNull(row);
    }
    Object[] column0 = values[column];
    return (column0 != null ? column0[row] : constants[column]) == null;
  }

  @Override
  public long getLong(int column, int row) {
    BatchColumn batch = inPlace[column];
    if (batch != null) {
      return batch.getLong(row);
    }
    Object value = get(column, row);
    return value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).longValue();
  }

  @Override
  public double getDouble(int column, int row) {
    BatchColumn batch = inPlace[column];
    if (batch != null) {
      return batch.getDouble(row);
    }
    return ((Number) get(column, row)).doubleValue();
  }

  @Override
  public Object get(int column, int row) {
    BatchColumn batch = inPlace[column];
    if (batch != null) {
      return batch.get(row);
    }
    Object[] column0 = values[column];
    return column0 != null ? column0[row] : constants[column];
  }
}
