package dev.quaver.executor.operator.join;

import dev.quaver.executor.memory.OperatorMemory;
import dev.quaver.executor.operator.ExecutionContext;
import dev.quaver.executor.operator.Expressions;
import dev.quaver.executor.operator.Operator;
import dev.quaver.executor.vector.RowKey;
import dev.quaver.planner.physical.PhysicalNestedLoopJoin;
import java.util.List;

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
        node.condition() == null ? null : Expressions.compile(node.condition()), context,
        "nested-loop join");
  }

  @Override
  JoinProbe.Candidates index(List<Object[]> rows, OperatorMemory memory) {
    return leftRow -> null;
  }

  /** No keys: the right input must fit in memory (it cannot be partitioned). */
  @Override
  RowKey rightKey(Object[] row) {
    return null;
  }

  @Override
  RowKey leftKey(Object[] row) {
    return null;
  }
}
