package dev.quaver.protocol;

import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Rows held column-wise, as they travel in ROW_BATCH, EXECUTE and EXECUTE_BATCH. In memory each
 * column is a {@link BatchColumn}: the Java values that {@link dev.quaver.type.SqlType} documents
 * (null for SQL NULL), or, for fixed-width types, a primitive array plus a NULL mask (what the
 * wire decoder and the driver's batches build: no boxed value per parameter); {@link #get} reads
 * either as the Java value. On the wire {@link ColumnBatchCodec} lays each column out as a
 * validity bitmap plus fixed-width values or offsets and bytes.
 *
 * <p>Thread safety: immutable once built (the arrays are never handed out).
 */
public final class ColumnBatch {
  private final List<ColumnType> types;
  private final int rowCount;
  private final BatchColumn[] columns;

  private ColumnBatch(List<ColumnType> types, int rowCount, BatchColumn[] columns) {
    this.types = List.copyOf(types);
    this.rowCount = rowCount;
    this.columns = columns;
  }

  /**
   * A batch over the given column arrays, which the batch takes over (the caller must not change
   * them afterwards). Requires: one array per type, each of length {@code rowCount}.
   */
  public static ColumnBatch of(List<ColumnType> types, int rowCount, Object[][] columns) {
    Objects.requireNonNull(types, "types is null");
    if (rowCount < 0 || columns.length != types.size()) {
      throw new IllegalArgumentException(
          "batch of " + rowCount + " rows with " + columns.length + " columns for " + types.size() + " types");
    }
    BatchColumn[] held = new BatchColumn[columns.length];
    for (int i = 0; i < columns.length; i++) {
      if (columns[i].length != rowCount) {
        throw new IllegalArgumentException("column of " + columns[i].length + " values in a batch of " + rowCount + " rows");
      }
      held[i] = BatchColumn.ofObjects(types.get(i).type(), columns[i]);
    }
    return new ColumnBatch(types, rowCount, held);
  }

  /**
   * A batch over the given columns (primitive or not). Requires: one column per type, of that
   * type's SqlType, each of {@code rowCount} values.
   */
  public static ColumnBatch ofColumns(List<ColumnType> types, int rowCount, BatchColumn[] columns) {
    Objects.requireNonNull(types, "types is null");
    if (rowCount < 0 || columns.length != types.size()) {
      throw new IllegalArgumentException(
          "batch of " + rowCount + " rows with " + columns.length + " columns for " + types.size() + " types");
    }
    for (int i = 0; i < columns.length; i++) {
      if (columns[i].size() != rowCount || columns[i].type() != types.get(i).type()) {
        throw new IllegalArgumentException("column " + columns[i] + " in a batch of " + rowCount
            + " rows of type " + types.get(i));
      }
    }
    return new ColumnBatch(types, rowCount, columns.clone());
  }

  /** A batch of rows given row by row (tests, parameter sets, metadata results). */
  public static ColumnBatch ofRows(List<ColumnType> types, List<? extends List<?>> rows) {
    Object[][] columns = new Object[types.size()][rows.size()];
    for (int row = 0; row < rows.size(); row++) {
      List<?> values = rows.get(row);
      if (values.size() != types.size()) {
        throw new IllegalArgumentException("row " + row + " has " + values.size() + " values, expected " + types.size());
      }
      for (int column = 0; column < types.size(); column++) {
        columns[column][row] = values.get(column);
      }
    }
    return of(types, rows.size(), columns);
  }

  /** A batch with no columns and {@code rowCount} rows: parameter sets of a statement without parameters. */
  public static ColumnBatch empty(int rowCount) {
    return new ColumnBatch(List.of(), rowCount, new BatchColumn[0]);
  }

  public List<ColumnType> types() {
    return types;
  }

  public int rowCount() {
    return rowCount;
  }

  public int columnCount() {
    return columns.length;
  }

  /** The Java value at (column, row), 0-based; null for SQL NULL. */
  public Object get(int column, int row) {
    return columns[column].get(row);
  }

  /** Column {@code column}, 0-based: its values without boxing where it is held primitive. */
  public BatchColumn column(int column) {
    return columns[column];
  }

  /** The values of one row, in column order (nulls kept). */
  public List<Object> row(int row) {
    List<Object> values = new ArrayList<>(columns.length);
    for (BatchColumn column : columns) {
      values.add(column.get(row));
    }
    return values;
  }

  /** Rows {@code from} (inclusive) to {@code from + count} (exclusive) as a new batch. */
  public ColumnBatch slice(int from, int count) {
    if (from < 0 || count < 0 || from + count > rowCount) {
      throw new IndexOutOfBoundsException("slice " + from + "+" + count + " of " + rowCount + " rows");
    }
    if (from == 0 && count == rowCount) {
      return this;
    }
    BatchColumn[] sliced = new BatchColumn[columns.length];
    for (int i = 0; i < columns.length; i++) {
      sliced[i] = columns[i].slice(from, count);
    }
    return new ColumnBatch(types, count, sliced);
  }

  /** Equal when types, row count and every value ({@link #get}) are equal, however held. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ColumnBatch that) || rowCount != that.rowCount || !types.equals(that.types)) {
      return false;
    }
    for (int column = 0; column < columns.length; column++) {
      for (int row = 0; row < rowCount; row++) {
        if (!Arrays.deepEquals(new Object[] {get(column, row)}, new Object[] {that.get(column, row)})) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = Objects.hash(types, rowCount);
    for (int column = 0; column < columns.length; column++) {
      for (int row = 0; row < rowCount; row++) {
        hash = 31 * hash + Arrays.deepHashCode(new Object[] {get(column, row)});
      }
    }
    return hash;
  }

  @Override
  public String toString() {
    return "ColumnBatch[" + rowCount + " rows, types=" + types + "]";
  }
}
