package dev.quaver.executor.operator;

import dev.quaver.executor.operator.aggregate.HashAggregateOperator;
import dev.quaver.executor.operator.dml.DeleteOperator;
import dev.quaver.executor.operator.dml.InsertOperator;
import dev.quaver.executor.operator.dml.ReindexOperator;
import dev.quaver.executor.operator.dml.UpdateOperator;
import dev.quaver.executor.operator.join.CorrelateOperator;
import dev.quaver.executor.operator.join.HashJoinOperator;
import dev.quaver.executor.operator.join.NestedLoopJoinOperator;
import dev.quaver.executor.operator.scan.RuntimeKeyRanges;
import dev.quaver.executor.operator.scan.ValuesOperator;
import dev.quaver.executor.operator.setop.SetOpOperator;
import dev.quaver.executor.operator.sort.SortOperator;
import dev.quaver.executor.operator.transform.FilterOperator;
import dev.quaver.executor.operator.transform.LimitOperator;
import dev.quaver.executor.operator.transform.ProjectOperator;
import dev.quaver.executor.operator.window.WindowOperator;
import dev.quaver.planner.physical.PhysicalCorrelate;
import dev.quaver.planner.physical.PhysicalDelete;
import dev.quaver.planner.physical.PhysicalExchange;
import dev.quaver.planner.physical.PhysicalFilter;
import dev.quaver.planner.physical.PhysicalHashAggregate;
import dev.quaver.planner.physical.PhysicalHashJoin;
import dev.quaver.planner.physical.PhysicalInsert;
import dev.quaver.planner.physical.PhysicalLimit;
import dev.quaver.planner.physical.PhysicalNestedLoopJoin;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalProject;
import dev.quaver.planner.physical.PhysicalReindex;
import dev.quaver.planner.physical.PhysicalSetOp;
import dev.quaver.planner.physical.PhysicalSort;
import dev.quaver.planner.physical.PhysicalTableScan;
import dev.quaver.planner.physical.PhysicalUpdate;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.planner.physical.PhysicalWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Builds the operator tree of a physical plan, one operator per node (a scan with a filter
 * becomes a scan with a FilterOperator on top; an exchange reads from its wired exchange in a
 * parallel statement, see fragment.ParallelQuery, and is a pass-through of its input otherwise).
 * If building fails half way, the operators already built are closed. Stateless apart from the statement's context.
 */
public final class OperatorBuilder {
  private final ExecutionContext context;
  private final BiFunction<PhysicalNode, Operator, Operator> decorator;
  private final RuntimeKeyRanges keyRanges = new RuntimeKeyRanges();

  public OperatorBuilder(ExecutionContext context) {
    this(context, (node, operator) -> operator);
  }

  /** Builds with every node's operator passed through {@code decorator} (EXPLAIN ANALYZE profiles). */
  public OperatorBuilder(ExecutionContext context, BiFunction<PhysicalNode, Operator, Operator> decorator) {
    this.context = context;
    this.decorator = decorator;
  }

  public Operator build(PhysicalNode node) {
    List<Operator> children = new ArrayList<>();
    try {
      return build(node, children);
    } catch (RuntimeException | Error e) {
      children.forEach(Operator::close);
      throw e;
    }
  }

  private Operator build(PhysicalNode node, List<Operator> built) {
    return decorator.apply(node, buildUndecorated(node, built));
  }

  /** Builds {@code node}; inputs built on the way are added to {@code built} for cleanup. */
  private Operator buildUndecorated(PhysicalNode node, List<Operator> built) {
    if (node instanceof PhysicalTableScan scan) {
      Operator operator = keyRanges.scan(scan, context);
      if (scan.filter() == null) {
        return operator;
      }
      built.add(operator);
      return new FilterOperator(operator, scan.filter(), context);
    } else if (node instanceof dev.quaver.planner.physical.PhysicalIndexScan index) {
      built.add(new dev.quaver.executor.operator.scan.IndexScanOperator(index, context));
      return new FilterOperator(built.get(built.size() - 1), index.filter(), context);
    } else if (node instanceof PhysicalValues values) {
      return new ValuesOperator(values, context);
    } else if (node instanceof PhysicalFilter filter) {
      return new FilterOperator(input(filter.input(), built), filter.condition(), context);
    } else if (node instanceof PhysicalProject project) {
      return new ProjectOperator(input(project.input(), built), project, context);
    } else if (node instanceof PhysicalHashJoin join) {
      Operator left = input(join.left(), built);
      Operator right = keyRanges.build(join, input(join.right(), built)); // same close as right
      return new HashJoinOperator(left, right, join, context);
    } else if (node instanceof PhysicalNestedLoopJoin join) {
      return new NestedLoopJoinOperator(input(join.left(), built), input(join.right(), built), join,
          context);
    } else if (node instanceof PhysicalCorrelate correlate) {
      return new CorrelateOperator(input(correlate.left(), built), correlate, this::build, context);
    } else if (node instanceof PhysicalHashAggregate aggregate) {
      return new HashAggregateOperator(input(aggregate.input(), built), aggregate, context);
    } else if (node instanceof PhysicalSort sort) {
      Operator merged = sort.input() instanceof PhysicalExchange exchange
          ? context.instance().mergeSource(sort, exchange, context) : null;
      return merged != null ? decorator.apply(sort.input(), merged) // ordered merge-gather
          : new SortOperator(input(sort.input(), built), sort, context);
    } else if (node instanceof PhysicalLimit limit) {
      return new LimitOperator(input(limit.input(), built), limit, context);
    } else if (node instanceof PhysicalSetOp setOp) {
      List<Operator> inputs = new ArrayList<>();
      for (PhysicalNode input : setOp.inputs()) {
        inputs.add(input(input, built));
      }
      return new SetOpOperator(inputs, setOp, context);
    } else if (node instanceof PhysicalInsert insert) {
      return new InsertOperator(input(insert.input(), built), insert, context);
    } else if (node instanceof PhysicalUpdate update) {
      return new UpdateOperator(input(update.input(), built), update, context);
    } else if (node instanceof PhysicalDelete delete) {
      return new DeleteOperator(input(delete.input(), built), delete, context);
    } else if (node instanceof PhysicalReindex reindex) {
      return new ReindexOperator(reindex, context);
    } else if (node instanceof PhysicalWindow window) {
      return new WindowOperator(input(window.input(), built), window, context);
    } else if (node instanceof PhysicalExchange exchange) {
      Operator source = context.instance().exchangeSource(exchange, context);
      return source != null ? source : build(exchange.input(), built);
    }
    throw new IllegalArgumentException("unknown plan node " + node.getClass().getSimpleName());
  }

  private Operator input(PhysicalNode node, List<Operator> built) {
    Operator operator = build(node, built);
    built.add(operator);
    return operator;
  }
}
