package dev.quaver.executor.expr;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A compiled scalar expression: evaluates over a whole input batch at once and returns a new
 * vector of {@code input.getRowCount()} values of the expression's type (see ArrowTypes),
 * allocated from {@code context.allocator()}. The caller owns and closes the result; the input is
 * borrowed. Errors (22003, 22012, 22018, ...) are thrown as QuaverExceptions.
 *
 * <p>Thread safety: immutable; may be evaluated by many threads at once.
 */
public interface VectorExpression {
  FieldVector evaluate(VectorSchemaRoot input, EvaluationContext context);
}
