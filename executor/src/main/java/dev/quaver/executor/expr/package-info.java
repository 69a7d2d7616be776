/**
 * Vectorized scalar expressions. {@link dev.quaver.executor.expr.ExpressionCompiler#compile} turns
 * a planner {@code PhysicalExpr} (any kind: column, literal, parameter, correlation, call) into a
 * {@link dev.quaver.executor.expr.VectorExpression} that evaluates a whole batch into a new vector
 * the caller closes. Helpers for operators: {@link dev.quaver.executor.expr.Predicates#select}
 * gives the ascending positions of the rows where a BOOLEAN predicate is true (filters, join
 * conditions); {@link dev.quaver.executor.expr.ExpressionCompiler#evaluateConstant} evaluates an
 * expression without input columns to one Java value of its type (VALUES rows, LIMIT ? / OFFSET ?).
 *
 * <p>Inside, a compiled expression is a tree of {@code ExprNode}s: primitive-array kernels for
 * arithmetic, comparisons, logic, null tests and numeric casts; lazy CASE, COALESCE, AND and OR
 * (later operands only see the rows that need them, so errors of branches not taken do not
 * count); a boxed row loop for rare functions. TODO(#6): Janino-generated nodes for whole
 * subtrees slot in as further {@code ExprNode}s behind the same interface. Text forms of values
 * are documented on {@code SqlText}, date/time conventions on {@code DateTimeFunctions}.
 */
package dev.quaver.executor.expr;
