package dev.quaver.executor.expr;

import dev.quaver.type.ColumnType;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * CASE WHEN c1 THEN v1 ... ELSE e END, lazily: each condition is evaluated only on the rows no
 * earlier condition took, and each branch only on the rows that take it (see
 * {@link Vectors#evaluateOn}), so {@code CASE WHEN b = 0 THEN 0 ELSE a / b END} never divides by
 * zero. Operands: c1, v1, c2, v2, ..., e; the compiler has cast every branch to the call type.
 *
 * <p>Thread safety: immutable.
 */
final class CaseNode extends ExprNode {
  CaseNode(List<ExprNode> operands, ColumnType type) {
    super(type, operands);
  }

  @Override
  public FieldVector evaluate(VectorSchemaRoot input, EvaluationContext context) {
    int rowCount = input.getRowCount();
    try (RowAssembler result = new RowAssembler(rowCount)) {
      int[] remaining = Vectors.allRows(rowCount);
      int remainingCount = rowCount;
      int pairs = (children.size() - 1) / 2;
      for (int p = 0; p < pairs && remainingCount > 0; p++) {
        int[] chosen = new int[remainingCount];
        int[] others = new int[remainingCount];
        int chosenCount = 0;
        int otherCount = 0;
        ExprNode when = children.get(2 * p);
        boolean whole = Vectors.isCheaperWhole(when, remainingCount, rowCount);
        try (FieldVector condition = whole ? when.evaluate(input, context)
            : Vectors.evaluateOn(when, input, remaining, remainingCount, context)) {
          BitVector bits = (BitVector) condition;
          for (int k = 0; k < remainingCount; k++) {
            int at = whole ? remaining[k] : k;
            if (!bits.isNull(at) && bits.get(at) == 1) {
              chosen[chosenCount++] = remaining[k];
            } else {
              others[otherCount++] = remaining[k];
            }
          }
        }
        if (chosenCount > 0) {
          result.addEvaluated(children.get(2 * p + 1), input, chosen, chosenCount, context);
        }
        remaining = others;
        remainingCount = otherCount;
      }
      if (remainingCount > 0) {
        result.addEvaluated(children.get(children.size() - 1), input, remaining, remainingCount, context);
      }
      return result.build(type, context.allocator());
    }
  }

  @Override
  boolean mayRaise() {
    return false;
  }
}
