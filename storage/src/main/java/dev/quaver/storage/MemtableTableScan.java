package dev.quaver.storage;

import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.storage.columnar.PartitionFunction;
import dev.quaver.storage.lsm.Cursor;
import dev.quaver.storage.row.RowCodec;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A {@link TableScan} over the row store: walks the table's key range at the snapshot (the
 * store's cursor merges memtables and SSTables and pins the snapshot and files until closed) and
 * decodes rows into one reused {@link VectorSchemaRoot} (cleared and refilled by every
 * {@code next()}). A partition-sliced scan ({@code partition >= 0}) keeps only the rows that
 * {@link PartitionFunction} assigns to that partition.
 *
 * <p>Thread safety: confined to one thread.
 */
final class MemtableTableScan implements TableScan {
  /** Name of the row-key column appended when a scan asks for it. */
  static final String ROW_KEY_COLUMN = "$rowkey";
  /** Vectors start this large (or at maxRowsPerBatch if smaller) and grow as needed. */
  private static final int INITIAL_CAPACITY_ROWS = 1024;

  private final Cursor cursor;
  private final List<ColumnType> types;
  private final int[] columns;
  private final boolean withRowKey;
  private final int maxRowsPerBatch;
  private final VectorSchemaRoot root;
  private final Object[] row;
  private final RowVectorDecoder decoder;
  private final TableDef table;
  private final int partition;
  private boolean exhausted;
  private boolean closed;

  MemtableTableScan(Cursor cursor, TableDef table, int[] columns, boolean withRowKey,
      BufferAllocator allocator, int maxRowsPerBatch) {
    this(cursor, table, columns, withRowKey, allocator, maxRowsPerBatch, -1);
  }

  /** A scan of one partition ({@code partition < 0}: all rows). */
  MemtableTableScan(Cursor cursor, TableDef table, int[] columns, boolean withRowKey,
      BufferAllocator allocator, int maxRowsPerBatch, int partition) {
    if (maxRowsPerBatch < 1) {
      throw new IllegalArgumentException("maxRowsPerBatch " + maxRowsPerBatch);
    }
    this.cursor = cursor;
    this.table = table;
    this.partition = partition;
    this.types = CommitBuilder.columnTypes(table);
    this.columns = columns.clone();
    this.withRowKey = withRowKey;
    this.maxRowsPerBatch = maxRowsPerBatch;
    this.row = new Object[types.size()];
    RowVectorDecoder direct = new RowVectorDecoder(types, columns);
    this.decoder = direct.hasRepeatedColumns() ? null : direct;
    List<Field> fields = new ArrayList<>();
    for (int column : columns) {
      fields.add(ArrowTypes.field(table.columns().get(column).name(), types.get(column)));
    }
    if (withRowKey) {
      fields.add(ArrowTypes.rowKeyField(ROW_KEY_COLUMN));
    }
    this.root = VectorSchemaRoot.create(new Schema(fields), allocator);
    int initialRows = Math.min(maxRowsPerBatch, INITIAL_CAPACITY_ROWS);
    for (FieldVector vector : root.getFieldVectors()) {
      vector.setInitialCapacity(initialRows); // small scans (point reads) allocate little
    }
  }

  @Override
  public VectorSchemaRoot next() {
    if (closed || exhausted) {
      return null;
    }
    root.clear();
    int count = 0;
    List<FieldVector> vectors = root.getFieldVectors();
    while (count < maxRowsPerBatch && cursor.next()) {
      if (partition >= 0
          && PartitionFunction.ofStoredRow(table, types, cursor.key(), cursor.value()) != partition) {
        continue;
      }
      if (count == 0) {
        root.allocateNew();
      }
      if (decoder != null) {
        decoder.decode(cursor.value(), vectors, count);
      } else {
        RowCodec.decode(cursor.value(), types, row);
        for (int i = 0; i < columns.length; i++) {
          int column = columns[i];
          ArrowTypes.set(vectors.get(i), count, types.get(column), row[column]);
        }
      }
      if (withRowKey) {
        ((VarBinaryVector) vectors.get(columns.length)).setSafe(count, cursor.key());
      }
      count++;
    }
    if (count == 0) {
      exhausted = true;
      cursor.close(); // release the pinned files and snapshot early
      return null;
    }
    if (count < maxRowsPerBatch) {
      exhausted = true; // the cursor said no more; do not ask it again
      cursor.close();
    }
    root.setRowCount(count);
    return root;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      cursor.close();
      root.close();
    }
  }
}
