/**
 * Scalar expressions of a physical plan ({@link dev.quaver.planner.expr.PhysicalExpr}) and the
 * functions they may call ({@link dev.quaver.planner.expr.ScalarFunction}): the contract the
 * executor compiles into vectorized code. Operands are already cast to one common type.
 */
package dev.quaver.planner.expr;
