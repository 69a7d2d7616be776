package dev.quaver.executor.operator;

import dev.quaver.executor.expr.EvaluationContext;
import dev.quaver.executor.expr.ExpressionCompiler;
import dev.quaver.executor.expr.Predicates;
import dev.quaver.executor.expr.VectorExpression;
import dev.quaver.executor.vector.Batches;
import dev.quaver.planner.expr.PhysicalExpr;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * How operators evaluate planner expressions: everything goes to the expression package
 * ({@link ExpressionCompiler}, {@link Predicates}), except a bare column reference, which here
 * shares the input's buffers instead of copying them (a projection that only reorders columns
 * costs nothing). Stateless.
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
    return ExpressionCompiler.compile(expression);
  }

  /** The value of an expression that reads no input column (VALUES rows, LIMIT ?). */
  public static Object evaluateConstant(PhysicalExpr expression, EvaluationContext context) {
    return ExpressionCompiler.evaluateConstant(expression, context);
  }

  /**
   * Positions of the rows of {@code input} where {@code predicate} (BOOLEAN) is true (not false,
   * not NULL), in ascending order; the array's length is the count.
   */
  public static int[] selectTrue(VectorExpression predicate, VectorSchemaRoot input,
      EvaluationContext context) {
    return Predicates.select(predicate, input, context);
  }
}
