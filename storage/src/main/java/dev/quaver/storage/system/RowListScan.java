package dev.quaver.storage.system;

import dev.quaver.storage.TableScan;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.ArrowTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A {@link TableScan} over rows already in memory (a system table's rows): fills one reused
 * batch of at most {@code maxRowsPerBatch} rows per {@code next()}.
 *
 * <p>Thread safety: confined to one thread.
 */
final class RowListScan implements TableScan {
  private final TableDef table;
  private final List<Object[]> rows;
  private final int[] columns;
  private final int maxRowsPerBatch;
  private final VectorSchemaRoot root;
  private int position;
  private boolean closed;

  RowListScan(TableDef table, List<Object[]> rows, int[] columns, BufferAllocator allocator,
      int maxRowsPerBatch) {
    if (maxRowsPerBatch < 1) {
      throw new IllegalArgumentException("maxRowsPerBatch " + maxRowsPerBatch);
    }
    this.table = table;
    this.rows = rows;
    this.columns = columns.clone();
    this.maxRowsPerBatch = maxRowsPerBatch;
    List<Field> fields = new ArrayList<>();
    for (int column : columns) {
      fields.add(ArrowTypes.field(table.columns().get(column).name(),
          table.columns().get(column).type()));
    }
    this.root = VectorSchemaRoot.create(new Schema(fields), allocator);
  }

  @Override
  public VectorSchemaRoot next() {
    if (closed || position >= rows.size()) {
      return null;
    }
    root.clear();
    root.allocateNew();
    List<FieldVector> vectors = root.getFieldVectors();
    int count = 0;
    while (count < maxRowsPerBatch && position < rows.size()) {
      Object[] row = rows.get(position++);
      for (int i = 0; i < columns.length; i++) {
        int column = columns[i];
        ArrowTypes.set(vectors.get(i), count, table.columns().get(column).type(), row[column]);
      }
      count++;
    }
    root.setRowCount(count);
    return root;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      root.close();
    }
  }
}
