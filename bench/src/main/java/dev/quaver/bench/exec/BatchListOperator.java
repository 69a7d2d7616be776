package dev.quaver.bench.exec;

import dev.quaver.executor.operator.Operator;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An operator that hands out pre-built batches, so a benchmark times one operator without a scan
 * under it. The batches are borrowed: the benchmark closes them, not this operator.
 *
 * <p>Thread safety: confined to one thread, like every operator.
 */
final class BatchListOperator implements Operator {
  private final List<VectorSchemaRoot> batches;
  private final Schema schema;
  private int next;

  /** {@code batches}: at least one, all with the same schema. */
  BatchListOperator(List<VectorSchemaRoot> batches) {
    this.batches = batches;
    this.schema = batches.get(0).getSchema();
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public VectorSchemaRoot next() {
    return next < batches.size() ? batches.get(next++) : null;
  }

  @Override
  public void close() {}
}
