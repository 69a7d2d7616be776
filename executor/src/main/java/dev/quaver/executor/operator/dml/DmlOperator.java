package dev.quaver.executor.operator.dml;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.vector.Batches;
import dev.quaver.storage.WriteBatch;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.type.ColumnType;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import dev.quaver.storage.columnar.ArrowTypes;

/**
 * The skeleton of the three DML operators: on the first {@code next()} it drains the input into
 * one WriteBatch from {@code storage.newWriteBatch(snapshot)}, commits it once (constraint checks
 * and conflicts are the storage's: its QuaverException propagates and nothing is written), and
 * returns one row, one BIGINT column "rows": the count of rows written. The write batch holds
 * the rows on the heap; TODO(#6) account its size against the memory limit. An input that is a
 * {@link RowSource} is read row by row without vectors.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
abstract class DmlOperator implements Operator {
  private static final Schema SCHEMA = new Schema(List.of(ArrowTypes.field("rows", ColumnType.BIGINT)));

  private final Operator input;
  final TableDef table;
  private final ExecutionContext context;
  private VectorSchemaRoot result;
  private boolean done;

  DmlOperator(Operator input, TableDef table, ExecutionContext context) {
    this.input = input;
    this.table = table;
    this.context = context;
  }

  /** Adds the write for one input row to {@code batch}. */
  abstract void write(WriteBatch batch, Object[] row);

  /** Whether {@link #writeRows} takes a {@link RowSource}'s rows as columns (a plain INSERT). */
  boolean writesColumns() {
    return false;
  }

  /** Adds the writes of every row of {@code rows}; only called when {@link #writesColumns()}. */
  void writeRows(WriteBatch batch, dev.quaver.storage.row.ColumnRows rows) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not write column rows");
  }

  @Override
  public final Schema schema() {
    return SCHEMA;
  }

  @Override
  public final VectorSchemaRoot next() {
    context.checkCanceled();
    releaseResult();
    if (done) {
      return null;
    }
    done = true;
    WriteBatch batch = context.storage().newWriteBatch(context.snapshot());
    TriggerFiring triggers = TriggerFiring.of(this, table, context);
    long rows = 0;
    dev.quaver.storage.row.ColumnRows columns = this.input instanceof RowSource source && triggers == null
        && writesColumns() ? source.columnRows() : null;
    if (columns != null) {
      writeRows(batch, columns);
      rows = columns.rowCount();
    } else if (this.input instanceof RowSource source) {
      if (triggers == null) {
        batch.expectRows(source.remainingRows());
      }
      for (Object[] row = source.nextRow(); row != null; row = source.nextRow()) {
        if ((rows & 1023) == 0) {
          context.checkCanceled();
        }
        if (triggers == null) {
          write(batch, row);
        } else {
          triggers.add(row);
        }
        rows++;
      }
    } else {
      for (VectorSchemaRoot input = this.input.next(); input != null; input = this.input.next()) {
        context.checkCanceled();
        for (int i = 0; i < input.getRowCount(); i++) {
          if (triggers == null) {
            write(batch, Batches.row(input, i));
          } else {
            triggers.add(Batches.row(input, i));
          }
          rows++;
        }
      }
    }
    this.input.close();
    if (triggers != null) {
      triggers.fire(batch, this::write);
    }
    context.checkCanceled();
    if (rows > 0) {
      context.storage().commit(batch);
      rows -= batch.ignoredInserts(); // INSERT OR IGNORE / ON CONFLICT DO NOTHING: skipped rows
    }
    result = VectorSchemaRoot.create(SCHEMA, context.allocator());
    BigIntVector count = (BigIntVector) result.getVector(0);
    count.allocateNew(1);
    count.set(0, rows);
    result.setRowCount(1);
    return result;
  }

  @Override
  public final void close() {
    releaseResult();
    input.close();
  }

  /** The row without its last column (the row key). */
  static Object[] withoutKey(Object[] row) {
    return java.util.Arrays.copyOf(row, row.length - 1);
  }

  private void releaseResult() {
    if (result != null) {
      result.close();
      result = null;
    }
  }
}
