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
      boolean[] nulls = Columns.nulls(operand, rowCount);
      boolean[] values = new boolean[rowCount];
      boolean[] resultNulls = null;
      if (function == ScalarFunction.IS_NULL || function == ScalarFunction.IS_NOT_NULL) {
        boolean wanted = function == ScalarFunction.IS_NULL;
        for (int i = 0; i < rowCount; i++) {
          values[i] = nulls[i] == wanted;
        }
      } else {
        long[] bits = Columns.longs(operand, rowCount, 0);
        switch (function) {
          case NOT:
            for (int i = 0; i < rowCount; i++) {
              values[i] = bits[i] == 0;
            }
            resultNulls = nulls;
            break;
          case IS_TRUE:
            for (int i = 0; i < rowCount; i++) {
              values[i] = !nulls[i] && bits[i] == 1;
            }
            break;
          case IS_NOT_TRUE:
            for (int i = 0; i < rowCount; i++) {
              values[i] = nulls[i] || bits[i] == 0;
            }
            break;
          case IS_FALSE:
            for (int i = 0; i < rowCount; i++) {
              values[i] = !nulls[i] && bits[i] == 0;
            }
            break;
          case IS_NOT_FALSE:
            for (int i = 0; i < rowCount; i++) {
              values[i] = nulls[i] || bits[i] == 1;
            }
            break;
          default:
            throw new IllegalStateException("not a boolean test: " + function);
        }
      }
      BitVector out = (BitVector) Vectors.allocate(ColumnType.BOOLEAN, rowCount, context.allocator());
      Columns.writeBooleans(out, values, resultNulls);
      return out;
    }
  }

  @Override
  boolean mayRaise() {
    return false;
  }
}
