package dev.quaver.executor.operator.dml;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.planner.physical.PhysicalReindex;
import dev.quaver.storage.WriteBatch;
import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * REINDEX: one write batch that rebuilds every planned index, committed once (the storage
 * rebuilds each from its table's latest rows under the commit lock, so the indexes never miss a
 * concurrent commit). Returns one row, one BIGINT column "rows": the number of indexes rebuilt.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class ReindexOperator implements Operator {
  private static final Schema SCHEMA = new Schema(List.of(ArrowTypes.field("rows", ColumnType.BIGINT)));

  private final PhysicalReindex node;
  private final ExecutionContext context;
  private VectorSchemaRoot result;
  private boolean done;

  public ReindexOperator(PhysicalReindex node, ExecutionContext context) {
    this.node = node;
    this.context = context;
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public VectorSchemaRoot next() {
    context.checkCanceled();
    close();
    if (done) {
      return null;
    }
    done = true;
    WriteBatch batch = context.storage().newWriteBatch(context.snapshot());
    for (PhysicalReindex.Target target : node.indexes()) {
      batch.rebuildIndex(target.table(), target.index());
    }
    if (batch.size() > 0) {
      context.storage().commit(batch);
    }
    result = VectorSchemaRoot.create(SCHEMA, context.allocator());
    BigIntVector count = (BigIntVector) result.getVector(0);
    count.allocateNew(1);
    count.set(0, node.indexes().size());
    result.setRowCount(1);
    return result;
  }

  @Override
  public void close() {
    if (result != null) {
      result.close();
      result = null;
    }
  }
}
