package dev.quaver.executor.operator;

import dev.quaver.executor.expr.EvaluationContext;
import dev.quaver.executor.expr.ExpressionCompiler;
import dev.quaver.executor.expr.VectorExpression;
import dev.quaver.executor.vector.Batches;
import dev.quaver.executor.vector.VectorValues;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.storage.columnar.ArrowTypes;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * How operators evaluate planner expressions. Leaves are handled here directly (a column
 * reference shares the input's buffers instead of copying them; literals, parameters and
 * correlation references become constant vectors); calls go to {@link ExpressionCompiler}.
 * Stateless.
 */
public final class Expressions {
  private Expressions() {}

  public static VectorExpression compile(PhysicalExpr expression) {
    if (expression instanceof PhysicalExpr.InputRef ref) {
      int index = ref.index();
      return (input, context) -> {
        FieldVector vector = input.getVector(index);
        int rows = input.getRowCount();
        if (rows == 0) {
          FieldVector empty = vector.getField().createVector(context.allocator());
          empty.setValueCount(0);
          return empty;
        }
        return Batches.sliceVector(vector, 0, rows, context.allocator());
      };
    }
    if (expression instanceof PhysicalExpr.Call) {
      return ExpressionCompiler.compile(expression);
    }
    return (input, context) -> constantVector(expression, evaluateConstant(expression, context),
        input.getRowCount(), context);
  }

  /** The value of an expression that reads no input column (VALUES rows, LIMIT ?). */
  public static Object evaluateConstant(PhysicalExpr expression, EvaluationContext context) {
    if (expression instanceof PhysicalExpr.Literal literal) {
      return literal.value();
    } else if (expression instanceof PhysicalExpr.Parameter parameter) {
      return context.parameter(parameter.index());
    } else if (expression instanceof PhysicalExpr.CorrelationRef ref) {
      return context.correlationValue(ref.correlationId(), ref.index());
    }
    try (VectorSchemaRoot oneRow = new VectorSchemaRoot(List.of(), List.of(), 1);
        FieldVector result = compile(expression).evaluate(oneRow, context)) {
      return VectorValues.get(result, 0);
    }
  }

  /**
   * Positions of the rows of {@code input} where {@code predicate} (BOOLEAN) is true (not false,
   * not NULL), in ascending order; the array's length is the count.
   */
  public static int[] selectTrue(VectorExpression predicate, VectorSchemaRoot input,
      EvaluationContext context) {
    try (FieldVector result = predicate.evaluate(input, context)) {
      BitVector bits = (BitVector) result;
      int rows = input.getRowCount();
      int[] positions = new int[rows];
      int count = 0;
      for (int i = 0; i < rows; i++) {
        if (!bits.isNull(i) && bits.get(i) != 0) {
          positions[count++] = i;
        }
      }
      return count == rows ? positions : Arrays.copyOf(positions, count);
    }
  }

  private static FieldVector constantVector(PhysicalExpr expression, Object value, int rows,
      EvaluationContext context) {
    FieldVector vector = ArrowTypes.field("$const", expression.type()).createVector(context.allocator());
    try {
      vector.setInitialCapacity(Math.max(rows, 1));
      vector.allocateNew();
      for (int i = 0; i < rows; i++) {
        VectorValues.set(vector, i, value);
      }
      vector.setValueCount(rows);
      return vector;
    } catch (RuntimeException | Error e) {
      vector.close();
      throw e;
    }
  }
}
