package dev.quaver.executor.expr;

import dev.quaver.type.ColumnType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * COALESCE(a, b, ...): the first non-NULL operand. Each operand after the first is evaluated only
 * on the rows where all earlier ones were NULL, so its errors count only there. The compiler has
 * cast every operand to the call type.
 *
 * <p>Thread safety: immutable.
 */
final class CoalesceNode extends ExprNode {
  CoalesceNode(List<ExprNode> operands, ColumnType type) {
    super(type, operands);
  }

  @Override
  public FieldVector evaluate(VectorSchemaRoot input, EvaluationContext context) {
    int rowCount = input.getRowCount();
    try (RowAssembler result = new RowAssembler(rowCount)) {
      result.addNonNull(children.get(0).evaluate(input, context), Vectors.allRows(rowCount), rowCount);
      int[] positions = new int[rowCount];
      for (int c = 1; c < children.size(); c++) {
        int count = 0;
        for (int i = 0; i < rowCount; i++) {
          if (!result.isCovered(i)) {
            positions[count++] = i;
          }
        }
        if (count == 0) {
          break;
        }
        result.addNonNull(Vectors.evaluateOn(children.get(c), input, positions, count, context),
            positions.clone(), count);
      }
      return result.build(type, context.allocator());
    }
  }

  @Override
  boolean mayRaise() {
    return false;
  }
}
