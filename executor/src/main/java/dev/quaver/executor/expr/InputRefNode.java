package dev.quaver.executor.expr;

import dev.quaver.type.ColumnType;
import java.util.BitSet;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A column of the input batch. The result is a copy (memcpy of the buffers), not a transfer: the
 * input is borrowed and its producer may reuse its buffers for the next batch.
 *
 * <p>Thread safety: immutable.
 */
final class InputRefNode extends ExprNode {
  private final int index;

  InputRefNode(int index, ColumnType type) {
    super(type, List.of());
    this.index = index;
  }

  int index() {
    return index;
  }

  @Override
  public FieldVector evaluate(VectorSchemaRoot input, EvaluationContext context) {
    return Vectors.copy(input.getVector(index), input.getRowCount(), context.allocator());
  }

  @Override
  boolean mayRaise() {
    return false;
  }

  @Override
  void collectInputs(BitSet columns) {
    columns.set(index);
  }
}
