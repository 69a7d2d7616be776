package dev.quaver.executor.operator.join;

import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Expressions;
import dev.quaver.executor.operator.HeapRows;
import dev.quaver.executor.operator.Operator;
import dev.quaver.planner.physical.PhysicalNestedLoopJoin;

/**
 * Join on an arbitrary condition (or a cross product when there is none): every left row is
 * tested against every row of the materialized right input, a chunk of pairs at a time.
 *
 * <p>Thread safety: confined to the statement's thread.
 */
public final class NestedLoopJoinOperator extends BuildProbeJoin {
  public NestedLoopJoinOperator(Operator left, Operator right, PhysicalNestedLoopJoin node,
      ExecutionContext context) {
    super(left, right, node.joinType(),
        node.condition() == null ? null : Expressions.compile(node.condition()), context);
  }

  @Override
  JoinProbe.Candidates index(HeapRows rows) {
    return leftRow -> null;
  }
}
