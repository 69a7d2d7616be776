package dev.quaver.executor.expr;

import dev.quaver.planner.expr.PhysicalExpr;

/** Compiles a planner expression into a {@link VectorExpression}. Stateless. */
public final class ExpressionCompiler {
  private ExpressionCompiler() {}

  public static VectorExpression compile(PhysicalExpr expression) {
    throw new UnsupportedOperationException("TODO(#2): expressions");
  }
}
