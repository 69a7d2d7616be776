package dev.quaver.executor.operator.dml;

import dev.quaver.executor.vector.Batches;
import dev.quaver.storage.TableScan;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.columnar.ArrowTypes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A table scan with a trigger-firing statement's pending writes applied ({@link
 * TriggerFiringBatch}): rows of the snapshot scan (read with their row keys) come out with their
 * pending new values or not at all when deleted; then the pending inserts follow, with their
 * provisional keys. Same batch schema as a storage scan of the same columns.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
final class TriggerFiringScan implements TableScan {
  private final TableScan snapshot;
  private final int[] columns;
  private final boolean withRowKey;
  private final Map<ByteBuffer, TriggerFiringBatch.Pending> pending;
  private final BufferAllocator allocator;
  private final int maxRowsPerBatch;
  private final Schema schema;
  private Iterator<TriggerFiringBatch.Pending> inserts;
  private VectorSchemaRoot current;

  TriggerFiringScan(TableScan snapshot, TableDef table, int[] columns, boolean withRowKey,
      Map<ByteBuffer, TriggerFiringBatch.Pending> pending, BufferAllocator allocator,
      int maxRowsPerBatch) {
    this.snapshot = snapshot;
    this.columns = columns.clone();
    this.withRowKey = withRowKey;
    this.pending = pending;
    this.allocator = allocator;
    this.maxRowsPerBatch = Math.max(1, maxRowsPerBatch);
    List<Field> fields = new ArrayList<>();
    for (int column : columns) {
      fields.add(ArrowTypes.field(table.columns().get(column).name(), table.columns().get(column).type()));
    }
    if (withRowKey) {
      fields.add(ArrowTypes.rowKeyField("$rowkey"));
    }
    this.schema = new Schema(fields);
  }

  @Override
  public VectorSchemaRoot next() {
    release();
    List<Object[]> rows = new ArrayList<>();
    while (inserts == null && rows.isEmpty()) {
      VectorSchemaRoot batch = snapshot.next();
      if (batch == null) {
        inserts = new ArrayList<>(pending.values()).iterator();
        break;
      }
      for (int i = 0; i < batch.getRowCount(); i++) {
        Object[] row = Batches.row(batch, i);
        byte[] key = (byte[]) row[columns.length];
        TriggerFiringBatch.Pending write = pending.get(ByteBuffer.wrap(key));
        if (write == null) {
          rows.add(withRowKey ? row : Arrays.copyOf(row, columns.length));
        } else if (write.row() != null) {
          rows.add(project(write.row(), key));
        }
      }
    }
    while (inserts != null && rows.size() < maxRowsPerBatch && inserts.hasNext()) {
      TriggerFiringBatch.Pending write = inserts.next();
      if (write.isInsert() && write.row() != null) {
        rows.add(project(write.row(), write.key()));
      }
    }
    if (rows.isEmpty()) {
      return null;
    }
    current = Batches.fromRows(schema, rows, 0, rows.size(), allocator);
    return current;
  }

  @Override
  public void close() {
    release();
    snapshot.close();
  }

  private Object[] project(Object[] tableRow, byte[] key) {
    Object[] row = new Object[columns.length + (withRowKey ? 1 : 0)];
    for (int i = 0; i < columns.length; i++) {
      row[i] = tableRow[columns[i]];
    }
    if (withRowKey) {
      row[columns.length] = key;
    }
    return row;
  }

  private void release() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
