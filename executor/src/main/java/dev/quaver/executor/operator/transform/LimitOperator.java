package dev.quaver.executor.operator.transform;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Expressions;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.vector.Batches;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.PhysicalLimit;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Skips {@code offset} rows and passes at most {@code fetch} (-1: all). Whole batches inside the
 * window are passed on as is; a batch cut by the window is sliced (shared buffers). Once the
 * fetch count is reached the input is not pulled again.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class LimitOperator implements Operator {
  private final Operator input;
  private final PhysicalLimit node;
  private final ExecutionContext context;
  private long toSkip = -1;
  private long remaining;
  private VectorSchemaRoot current;

  public LimitOperator(Operator input, PhysicalLimit node, ExecutionContext context) {
    this.input = input;
    this.node = node;
    this.context = context;
  }

  @Override
  public Schema schema() {
    return input.schema();
  }

  @Override
  public VectorSchemaRoot next() {
    context.checkCanceled();
    releaseCurrent();
    if (toSkip < 0) {
      toSkip = bound(node.offsetParameter(), node.offset(), "OFFSET");
      long fetch = bound(node.fetchParameter(), node.fetch(), "FETCH");
      remaining = fetch < 0 ? Long.MAX_VALUE : fetch;
    }
    while (remaining > 0) {
      VectorSchemaRoot batch = input.next();
      if (batch == null) {
        return null;
      }
      int rows = batch.getRowCount();
      if (toSkip >= rows) {
        toSkip -= rows;
        continue;
      }
      int start = (int) toSkip;
      int length = (int) Math.min(rows - start, remaining);
      toSkip = 0;
      remaining -= length;
      if (start == 0 && length == rows) {
        return batch;
      }
      current = Batches.slice(batch, start, length, context.allocator());
      return current;
    }
    return null;
  }

  @Override
  public void close() {
    releaseCurrent();
    input.close();
  }

  private long bound(PhysicalExpr parameter, long fixed, String what) {
    if (parameter == null) {
      return fixed;
    }
    Object value = Expressions.evaluateConstant(parameter, context);
    if (value == null) {
      return what.equals("FETCH") ? -1 : 0;
    }
    long bound = ((Number) value).longValue();
    if (bound < 0) {
      throw QuaverException.of(ErrorCode.INVALID_PARAMETER_VALUE, "%s must not be negative: %d", what, bound);
    }
    return bound;
  }

  private void releaseCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
