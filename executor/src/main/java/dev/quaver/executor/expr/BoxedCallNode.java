package dev.quaver.executor.expr;

import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A function evaluated row by row on boxed values, still inside the vector-at-a-time interface:
 * the operands are evaluated as vectors, then one loop applies the function. A strict function
 * gives NULL for any NULL operand without being called. The generic fallback for rare functions;
 * TODO(#6) generate specialized code for hot ones with Janino behind the same interface.
 *
 * <p>Thread safety: immutable.
 */
final class BoxedCallNode extends ExprNode {
  private final RowFunction function;
  private final boolean isStrict;
  private final boolean mayRaise;

  BoxedCallNode(RowFunction function, boolean isStrict, boolean mayRaise, List<ExprNode> operands,
      ColumnType type) {
    super(type, operands);
    this.function = function;
    this.isStrict = isStrict;
    this.mayRaise = mayRaise;
  }

  @Override
  public FieldVector evaluate(VectorSchemaRoot input, EvaluationContext context) {
    int rowCount = input.getRowCount();
    int arity = children.size();
    FieldVector[] operands = new FieldVector[arity];
    try {
      for (int a = 0; a < arity; a++) {
        operands[a] = children.get(a).evaluate(input, context);
      }
      FieldVector out = Vectors.allocate(type, rowCount, context.allocator());
      try {
        Object[] arguments = new Object[arity];
        for (int i = 0; i < rowCount; i++) {
          boolean anyNull = false;
          for (int a = 0; a < arity; a++) {
            arguments[a] = ArrowTypes.get(operands[a], i, children.get(a).type());
            anyNull |= arguments[a] == null;
          }
          Object result = isStrict && anyNull ? null : Casts.coerce(function.apply(arguments), type);
          ArrowTypes.set(out, i, type, result);
        }
        out.setValueCount(rowCount);
        return out;
      } catch (RuntimeException | Error e) {
        out.close();
        throw e;
      }
    } finally {
      for (FieldVector operand : operands) {
        if (operand != null) {
          operand.close();
        }
      }
    }
  }

  @Override
  boolean mayRaise() {
    return mayRaise;
  }
}
