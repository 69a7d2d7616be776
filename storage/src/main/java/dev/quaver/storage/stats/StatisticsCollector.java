package dev.quaver.storage.stats;

import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Builds a table's {@link TableStatistics} from its rows, one pass: feed every row (as Java
 * values) or every Arrow batch of a full scan, then {@link #finish()}. ANALYZE feeds a scan of
 * the table; the ETL can feed the batches it writes and {@code put} the result into the
 * {@link Statistics} of the catalog.
 *
 * <p>Thread safety: confined to one thread.
 */
public final class StatisticsCollector {
  private final long tableId;
  private final List<ColumnType> types;
  private final List<ColumnCollector> columns = new ArrayList<>();
  private long rows;

  /** {@code types}: the table's column types, in ordinal order. */
  public StatisticsCollector(long tableId, List<ColumnType> types) {
    this.tableId = tableId;
    this.types = List.copyOf(types);
    for (int i = 0; i < types.size(); i++) {
      columns.add(new ColumnCollector());
    }
  }

  /** Adds one row: one Java value (or null) per table column, in ordinal order. */
  public void addRow(Object[] values) {
    Objects.requireNonNull(values, "values is null");
    if (values.length != columns.size()) {
      throw new IllegalArgumentException("row has " + values.length + " values, table has "
          + columns.size() + " columns");
    }
    for (int i = 0; i < values.length; i++) {
      columns.get(i).add(values[i]);
    }
    rows++;
  }

  /**
   * Adds every row of a batch whose first vectors are the table's columns in ordinal order
   * (extra trailing vectors, such as a row key, are ignored).
   */
  public void addBatch(VectorSchemaRoot batch) {
    int count = batch.getRowCount();
    for (int c = 0; c < columns.size(); c++) {
      FieldVector vector = batch.getVector(c);
      ColumnType type = types.get(c);
      ColumnCollector column = columns.get(c);
      for (int r = 0; r < count; r++) {
        column.add(ArrowTypes.get(vector, r, type));
      }
    }
    rows += count;
  }

  public long rows() {
    return rows;
  }

  public TableStatistics finish() {
    List<ColumnStatistics> result = new ArrayList<>(columns.size());
    double bytes = 0;
    for (ColumnCollector column : columns) {
      result.add(column.finish());
      bytes += column.bytes();
    }
    double average = rows == 0 ? 0 : bytes / rows;
    return new TableStatistics(tableId, rows, average, System.currentTimeMillis(), result);
  }
}
