package dev.quaver.planner.physical;

import dev.quaver.planner.distribution.Distribution;
import java.util.List;

/**
 * A node of Quaver's physical plan: the immutable tree the planner hands to the executor. Each
 * node knows its output columns, its distribution and its estimated row count (for EXPLAIN and
 * the cost model). Implementations are the {@code PhysicalX} records of this package; the
 * executor builds one operator per node.
 */
public sealed interface PhysicalNode
    permits PhysicalTableScan, PhysicalValues, PhysicalFilter, PhysicalProject, PhysicalHashJoin,
        PhysicalNestedLoopJoin, PhysicalCorrelate, PhysicalHashAggregate, PhysicalSort,
        PhysicalLimit, PhysicalSetOp, PhysicalInsert, PhysicalUpdate, PhysicalDelete,
        PhysicalExchange, PhysicalReindex, PhysicalWindow, PhysicalIndexScan {
  List<Field> fields();

  Distribution distribution();

  double estimatedRows();

  List<PhysicalNode> inputs();
}
