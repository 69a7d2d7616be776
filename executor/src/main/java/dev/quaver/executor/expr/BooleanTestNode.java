package dev.quaver.executor.expr;

import dev.quaver.planner.expr.ScalarFunction;
import dev.quaver.type.ColumnType;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * NOT and the never-NULL tests IS [NOT] NULL, IS [NOT] TRUE, IS [NOT] FALSE, one loop each over
 * the operand's validity and value bits.
 *
 * <p>Thread safety: immutable.
 */
final class BooleanTestNode extends ExprNode {
  private final ScalarFunction function;

  BooleanTestNode(ScalarFunction function, ExprNode operand) {
    super(ColumnType.BOOLEAN, List.of(operand));
    this.function = function;
  }

  @Override
  public FieldVector evaluate(VectorSchemaRoot input, EvaluationContext context) {
    int rowCount = input.getRowCount();
    try (FieldVector operand = children.get(0).evaluate(input, context)) {
      BitVector out = (BitVector) Vectors.allocate(ColumnType.BOOLEAN, rowCount, context.allocator());
      switch (function) {
        case IS_NULL:
          for (int i = 0; i < rowCount; i++) {
            out.set(i, operand.isNull(i) ? 1 : 0);
          }
          break;
        case IS_NOT_NULL:
          for (int i = 0; i < rowCount; i++) {
            out.set(i, operand.isNull(i) ? 0 : 1);
          }
          break;
        default:
          writeTruthTest((BitVector) operand, out, rowCount);
      }
      out.setValueCount(rowCount);
      return out;
    }
  }

  private void writeTruthTest(BitVector operand, BitVector out, int rowCount) {
    switch (function) {
      case NOT:
        for (int i = 0; i < rowCount; i++) {
          if (operand.isNull(i)) {
            out.setNull(i);
          } else {
            out.set(i, operand.get(i) ^ 1);
          }
        }
        break;
      case IS_TRUE:
        for (int i = 0; i < rowCount; i++) {
          out.set(i, !operand.isNull(i) && operand.get(i) == 1 ? 1 : 0);
        }
        break;
      case IS_NOT_TRUE:
        for (int i = 0; i < rowCount; i++) {
          out.set(i, !operand.isNull(i) && operand.get(i) == 1 ? 0 : 1);
        }
        break;
      case IS_FALSE:
        for (int i = 0; i < rowCount; i++) {
          out.set(i, !operand.isNull(i) && operand.get(i) == 0 ? 1 : 0);
        }
        break;
      case IS_NOT_FALSE:
        for (int i = 0; i < rowCount; i++) {
          out.set(i, !operand.isNull(i) && operand.get(i) == 0 ? 0 : 1);
        }
        break;
      default:
        throw new IllegalStateException("not a boolean test: " + function);
    }
  }

  @Override
  boolean mayRaise() {
    return false;
  }
}
