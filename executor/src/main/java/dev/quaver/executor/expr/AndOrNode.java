package dev.quaver.executor.expr;

import dev.quaver.type.ColumnType;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * n-ary AND / OR with three-valued logic (false AND NULL = false, true OR NULL = true). Operands
 * are evaluated left to right; an operand that may raise is evaluated only on the rows the earlier
 * operands left undecided, so {@code b <> 0 AND a / b > 1} does not divide by zero.
 *
 * <p>Thread safety: immutable.
 */
final class AndOrNode extends ExprNode {
  private static final byte FALSE = 0;
  private static final byte TRUE = 1;
  private static final byte NULL = 2;

  private final boolean isAnd;

  AndOrNode(boolean isAnd, List<ExprNode> operands) {
    super(ColumnType.BOOLEAN, operands);
    this.isAnd = isAnd;
  }

  boolean isAnd() {
    return isAnd;
  }

  @Override
  public FieldVector evaluate(VectorSchemaRoot input, EvaluationContext context) {
    int rowCount = input.getRowCount();
    byte[] state = new byte[rowCount];
    try (FieldVector first = children.get(0).evaluate(input, context)) {
      boolean[] nulls = Columns.nulls(first, rowCount);
      long[] bits = Columns.longs(first, rowCount, 0);
      for (int i = 0; i < rowCount; i++) {
        state[i] = nulls[i] ? NULL : (byte) bits[i];
      }
    }
    byte decided = isAnd ? FALSE : TRUE;
    int[] positions = new int[rowCount];
    for (int c = 1; c < children.size(); c++) {
      int count = 0;
      for (int i = 0; i < rowCount; i++) {
        if (state[i] != decided) {
          positions[count++] = i;
        }
      }
      if (count == 0) {
        break;
      }
      ExprNode operand = children.get(c);
      boolean restricted = operand.canFail() && count < rowCount;
      try (FieldVector vector = restricted
          ? Vectors.evaluateOn(operand, input, positions, count, context)
          : operand.evaluate(input, context)) {
        int length = restricted ? count : rowCount;
        boolean[] nulls = Columns.nulls(vector, length);
        long[] bits = Columns.longs(vector, length, 0);
        for (int k = 0; k < count; k++) {
          int row = positions[k];
          int at = restricted ? k : row;
          byte value = nulls[at] ? NULL : (byte) bits[at];
          if (value == decided) {
            state[row] = decided;
          } else if (value == NULL || state[row] == NULL) {
            state[row] = NULL;
          }
        }
      }
    }
    boolean[] values = new boolean[rowCount];
    boolean[] nulls = new boolean[rowCount];
    for (int i = 0; i < rowCount; i++) {
      values[i] = state[i] == TRUE;
      nulls[i] = state[i] == NULL;
    }
    BitVector out = (BitVector) Vectors.allocate(ColumnType.BOOLEAN, rowCount, context.allocator());
    Columns.writeBooleans(out, values, nulls);
    return out;
  }

  @Override
  boolean mayRaise() {
    return false;
  }
}
