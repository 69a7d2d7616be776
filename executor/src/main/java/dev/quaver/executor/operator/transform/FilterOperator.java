package dev.quaver.executor.operator.transform;

import dev.quaver.executor.expr.RowFilter;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.vector.Batches;
import dev.quaver.planner.expr.PhysicalExpr;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Keeps the rows for which the condition is true (not false, not NULL), compiled once per plan
 * into a {@link RowFilter} (selection-vector kernels when it cannot raise). A batch whose rows all
 * pass is passed on as is (same lifetime as the input's batch); otherwise the selected rows are
 * copied into a batch this operator owns. Batches with no selected row are skipped.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class FilterOperator implements Operator {
  private final Operator input;
  private final PhysicalExpr predicate;
  private final RowFilter condition;
  private final ExecutionContext context;
  private VectorSchemaRoot current;

  public FilterOperator(Operator input, PhysicalExpr condition, ExecutionContext context) {
    this.input = input;
    this.predicate = condition;
    this.condition = RowFilter.compile(condition);
    this.context = context;
  }

  /** The operator this one filters (a Project fused with this filter reads it directly). */
  Operator input() {
    return input;
  }

  PhysicalExpr predicate() {
    return predicate;
  }

  RowFilter condition() {
    return condition;
  }

  @Override
  public Schema schema() {
    return input.schema();
  }

  @Override
  public VectorSchemaRoot next() {
    while (true) {
      context.checkCanceled();
      releaseCurrent();
      VectorSchemaRoot batch = input.next();
      if (batch == null) {
        return null;
      }
      int[] positions = condition.select(batch, context);
      if (positions.length == batch.getRowCount()) {
        return batch;
      }
      if (positions.length > 0) {
        current = Batches.select(batch, positions, positions.length, context.allocator());
        return current;
      }
    }
  }

  /** Hand-over (Operator rule): a filtered batch is new; one whose every row passed is the input's. */
  @Override
  public boolean lastBatchTransferable() {
    return current != null;
  }

  @Override
  public void close() {
    releaseCurrent();
    input.close();
  }

  private void releaseCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
