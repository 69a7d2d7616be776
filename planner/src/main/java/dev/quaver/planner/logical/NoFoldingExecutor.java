package dev.quaver.planner.logical;

import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;

/**
 * A RexExecutor that evaluates nothing: ReduceExpressionsRule still simplifies (x AND TRUE, NOT
 * NOT x, predicates known from below) but leaves constant arithmetic to the executor, so that
 * errors such as 1 / 0 are raised when the statement runs, with the executor's semantics, and
 * planning does not compile Java code per statement. TODO(#7): fold constants with the
 * executor's own evaluator. Immutable.
 */
final class NoFoldingExecutor implements RexExecutor {
  static final NoFoldingExecutor INSTANCE = new NoFoldingExecutor();

  private NoFoldingExecutor() {}

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    reducedValues.addAll(constExps);
  }
}
