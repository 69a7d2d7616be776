/**
 * Vectorized scalar expressions. {@link dev.quaver.executor.expr.ExpressionCompiler#compile}
 * turns a planner {@code PhysicalExpr} into a {@link dev.quaver.executor.expr.VectorExpression}
 * that evaluates a whole batch into a new vector (caller closes it). Helpers for operators:
 * {@link dev.quaver.executor.expr.Predicates#select} gives the positions of the rows where a
 * predicate is true (filters, join conditions), and
 * {@link dev.quaver.executor.expr.ExpressionCompiler#evaluateConstant} evaluates an expression
 * without input columns to one Java value (VALUES rows, LIMIT/OFFSET parameters). CASE, COALESCE,
 * AND and OR evaluate their later operands only on the rows that need them, so errors of branches
 * not taken do not count. Text forms of values are documented on {@code SqlText}.
 */
package dev.quaver.executor.expr;
