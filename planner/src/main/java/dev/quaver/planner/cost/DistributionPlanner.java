package dev.quaver.planner.cost;

import dev.quaver.planner.SessionSettings;
import dev.quaver.planner.Settings;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.expr.PhysicalExpr;
import dev.quaver.planner.physical.AggregateCall;
import dev.quaver.planner.physical.AggregateFunction;
import dev.quaver.planner.physical.AggregatePhase;
import dev.quaver.planner.physical.PhysicalCorrelate;
import dev.quaver.planner.physical.PhysicalExchange;
import dev.quaver.planner.physical.PhysicalFilter;
import dev.quaver.planner.physical.PhysicalHashAggregate;
import dev.quaver.planner.physical.PhysicalHashJoin;
import dev.quaver.planner.physical.PhysicalLimit;
import dev.quaver.planner.physical.PhysicalNestedLoopJoin;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalProject;
import dev.quaver.planner.physical.PhysicalSetOp;
import dev.quaver.planner.physical.PhysicalSort;
import dev.quaver.planner.physical.PhysicalTableScan;
import dev.quaver.planner.physical.PhysicalValues;
import dev.quaver.storage.catalog.TableDef;
import dev.quaver.storage.stats.TableStatistics;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.List;

/**
 * Gives every operator of a single-partition physical plan (as {@code RelConverter} makes it) its
 * distribution, inserting {@link PhysicalExchange}s where rows must move: a filter directly on a
 * scan is pushed into it (zone-map pruning, costed by {@link ZoneMapPruning}); scans are
 * hash-partitioned by their table's distribution key over its partitions; filters and
 * projections keep their input's distribution; each join is distributed as
 * {@link JoinDistributionChooser} decides and each aggregation as
 * {@link AggregationPhaseChooser} decides (two phases become a PARTIAL aggregate, an exchange
 * and a FINAL aggregate whose calls merge the partial results); sorts, limits, set operations and
 * correlates gather their inputs into one partition, and so does the root. Nodes it does not know
 * keep their subtree as converted (single partition). Costs and decisions come back with the
 * plan as {@link PlanAnnotations}, for EXPLAIN.
 *
 * <p>Thread safety: confined to one planning thread.
 */
public final class DistributionPlanner {
  private final StatisticsLookup stats;
  private final String joinDistribution;
  private final String aggregationPhases;
  private final long memoryLimit;
  /** Cumulative cost and decision per node, by identity; frozen into {@link PlanAnnotations} at the end. */
  private final IdentityHashMap<PhysicalNode, Double> costs = new IdentityHashMap<>();
  private final IdentityHashMap<PhysicalNode, String> decisions = new IdentityHashMap<>();

  private DistributionPlanner(StatisticsLookup stats, SessionSettings settings) {
    this.stats = stats;
    this.joinDistribution = settings.get(Settings.JOIN_DISTRIBUTION);
    this.aggregationPhases = settings.get(Settings.AGGREGATION_PHASES);
    this.memoryLimit = settings.get(Settings.QUERY_MEMORY_LIMIT);
  }

  /** The distributed plan of {@code root} (its output is in one partition), with its costs and decisions. */
  public static DistributedPlan plan(PhysicalNode root, StatisticsLookup stats, SessionSettings settings) {
    DistributionPlanner planner = new DistributionPlanner(stats, settings);
    Placed placed = planner.gather(planner.visit(root));
    return new DistributedPlan(placed.node(), new PlanAnnotations(planner.costs, planner.decisions));
  }

  /** A distributed node, where its output lives, and its subtree's cumulative cost. */
  private record Placed(PhysicalNode node, Placement placement, double cost) {
    Distribution distribution() {
      return placement.distribution();
    }

    double rows() {
      return placement.rows();
    }
  }

  private Placed visit(PhysicalNode node) {
    Placed placed;
    if (node instanceof PhysicalTableScan scan) {
      placed = scan(scan, scan.filter(), scan.estimatedRows());
    } else if (node instanceof PhysicalFilter filter && filter.input() instanceof PhysicalTableScan scan
        && scan.filter() == null && !scan.withRowKey()) {
      // Push the filter into the scan: the storage skips row groups by their zone maps (#5, #7).
      placed = scan(scan, filter.condition(), filter.estimatedRows());
    } else if (node instanceof PhysicalFilter filter) {
      Placed in = visit(filter.input());
      placed = derived(new PhysicalFilter(in.node(), filter.condition(), in.placement().distribution(),
          filter.estimatedRows()), in, in.distribution(), CostModel.expressions(in.rows(), 1));
    } else if (node instanceof PhysicalProject project) {
      Placed in = visit(project.input());
      Distribution distribution = ProjectDistribution.map(in.distribution(), project.expressions());
      placed = derived(new PhysicalProject(in.node(), project.expressions(), project.fields(), distribution,
          project.estimatedRows()), in, distribution, CostModel.expressions(in.rows(), project.expressions().size()));
    } else if (node instanceof PhysicalHashJoin join) {
      placed = hashJoin(join);
    } else if (node instanceof PhysicalNestedLoopJoin join) {
      placed = nestedLoopJoin(join);
    } else if (node instanceof PhysicalHashAggregate aggregate && aggregate.phase() == AggregatePhase.SINGLE) {
      placed = aggregate(aggregate);
    } else if (node instanceof PhysicalSort sort) {
      Placed in = gather(visit(sort.input()));
      placed = single(new PhysicalSort(in.node(), sort.keys(), sort.offset(), sort.fetch(), Distribution.single(),
          sort.estimatedRows()), in.cost() + CostModel.sort(in.rows(), sort.fetch() < 0 ? -1 : sort.offset() + sort.fetch()),
          in.placement().unknown());
    } else if (node instanceof PhysicalLimit limit) {
      Placed in = gather(visit(limit.input()));
      placed = single(new PhysicalLimit(in.node(), limit.offset(), limit.fetch(), limit.offsetParameter(),
          limit.fetchParameter(), Distribution.single(), limit.estimatedRows()), in.cost(), in.placement().unknown());
    } else if (node instanceof PhysicalSetOp setOp) {
      List<PhysicalNode> inputs = new ArrayList<>();
      double cost = 0;
      boolean unknown = false;
      for (PhysicalNode input : setOp.inputs()) {
        Placed in = gather(visit(input));
        inputs.add(in.node());
        cost += in.cost() + in.rows() * CostModel.HASH_PROBE_ROW;
        unknown |= in.placement().unknown();
      }
      placed = single(new PhysicalSetOp(inputs, setOp.kind(), setOp.all(), setOp.fields(), Distribution.single(),
          setOp.estimatedRows()), cost, unknown);
    } else if (node instanceof PhysicalCorrelate correlate) {
      // The right side runs once per left row with the outer values: all of it in one partition.
      Placed left = gather(visit(correlate.left()));
      placed = single(new PhysicalCorrelate(left.node(), correlate.right(), correlate.joinType(),
          correlate.correlationId(), correlate.fields(), Distribution.single(), correlate.estimatedRows()),
          left.cost() + left.rows() * correlate.right().estimatedRows() * CostModel.OUTPUT_ROW, true);
    } else if (node instanceof dev.quaver.planner.physical.PhysicalIndexScan index) {
      // a key read of the row store (issue #7): one partition, its own cost; a point get's size is known
      placed = single(index, index.cost(), stats.table(index.table()) == null
          && index.access() != dev.quaver.planner.physical.IndexAccess.PRIMARY_KEY_POINT);
    } else if (node instanceof PhysicalValues values) {
      placed = single(values, values.estimatedRows() * CostModel.OUTPUT_ROW, false);
    } else {
      placed = single(node, node.estimatedRows() * CostModel.OUTPUT_ROW, true);
    }
    costs.put(placed.node(), placed.cost());
    return placed;
  }

  /**
   * A scan with {@code filter} pushed down (null: none) producing {@code outputRows}: it reads the
   * row groups zone-map pruning keeps (ZoneMapPruning) and evaluates the filter on their rows.
   */
  private Placed scan(PhysicalTableScan scan, PhysicalExpr filter, double outputRows) {
    TableDef table = scan.table();
    double tableRows = scan.estimatedRows();
    double rowBytes = CostModel.rowBytes(scan.fields());
    TableStatistics tableStats = stats.table(table);
    boolean unknown = tableStats == null;
    Distribution distribution = Distribution.single();
    int partitions = 1;
    if (table.id() >= 0 && table.partitions() > 1) {
      partitions = table.partitions();
      distribution = Distribution.any();
      List<Integer> keys = new ArrayList<>();
      for (int key : table.distributionKey()) {
        int position = scan.columns().indexOf(key);
        if (position < 0) {
          keys = null;
          break;
        }
        keys.add(position);
      }
      if (keys != null && !keys.isEmpty()) {
        distribution = Distribution.hash(keys);
      }
    }
    double cost;
    double kept = 1;
    if (filter == null) {
      cost = CostModel.scan(tableRows, tableRows * rowBytes);
    } else {
      kept = ZoneMapPruning.keptFraction(filter, table, scan.columns(), tableStats, tableRows,
          Math.max(1, table.partitions()));
      double read = tableRows * kept;
      cost = CostModel.scan(read, read * rowBytes) + CostModel.expressions(read, 1);
    }
    PhysicalTableScan distributed = new PhysicalTableScan(table, scan.columns(), scan.withRowKey(), filter,
        scan.fields(), distribution, outputRows);
    if (kept < 0.995) {
      decisions.put(distributed, String.format(Locale.ROOT, "zone maps keep %.1f%% of %.0f row groups", kept * 100,
          ZoneMapPruning.groupsPerPartition(tableRows, Math.max(1, table.partitions()))
              * Math.max(1, table.partitions())));
    }
    return new Placed(distributed, new Placement(distribution, partitions, outputRows, rowBytes, unknown), cost);
  }

  private Placed hashJoin(PhysicalHashJoin join) {
    Placed left = visit(join.left());
    Placed right = visit(join.right());
    JoinDistributionChooser.Decision decision = JoinDistributionChooser.choose(left.placement(), right.placement(),
        join.joinType(), join.leftKeys(), join.rightKeys(), join.left().fields().size(), memoryLimit,
        joinDistribution);
    JoinDistributionChooser.Option option = decision.chosen();
    Placed newLeft = exchange(left, option.leftExchange(), option.partitions());
    Placed newRight = exchange(right, option.rightExchange(), option.partitions());
    PhysicalHashJoin distributed = new PhysicalHashJoin(newLeft.node(), newRight.node(), join.joinType(),
        join.leftKeys(), join.rightKeys(), join.residual(), join.fields(), trimmed(option.output(), join),
        join.estimatedRows(), join.rightOutput());
    decisions.put(distributed, decision.describe());
    return joined(distributed, left, right, option);
  }

  private Placed nestedLoopJoin(PhysicalNestedLoopJoin join) {
    Placed left = visit(join.left());
    Placed right = visit(join.right());
    JoinDistributionChooser.Decision decision = JoinDistributionChooser.choose(left.placement(), right.placement(),
        join.joinType(), List.of(), List.of(), join.left().fields().size(), memoryLimit, joinDistribution);
    JoinDistributionChooser.Option option = decision.chosen();
    Placed newLeft = exchange(left, option.leftExchange(), option.partitions());
    Placed newRight = exchange(right, option.rightExchange(), option.partitions());
    PhysicalNestedLoopJoin distributed = new PhysicalNestedLoopJoin(newLeft.node(), newRight.node(), join.joinType(),
        join.condition(), join.fields(), option.output(), join.estimatedRows());
    decisions.put(distributed, decision.describe());
    return joined(distributed, left, right, option);
  }

  private Placed joined(PhysicalNode join, Placed left, Placed right, JoinDistributionChooser.Option option) {
    double rows = join.estimatedRows();
    Placement placement = new Placement(join.distribution(), option.partitions(), rows, CostModel.rowBytes(join.fields()),
        left.placement().unknown() || right.placement().unknown());
    return new Placed(join, placement, left.cost() + right.cost() + option.cost() + rows * CostModel.OUTPUT_ROW);
  }

  /**
   * {@code natural} (over the join's left then all right columns) as a distribution of the join's
   * output, which may leave right columns out (PhysicalHashJoin.rightOutput): hashed on a column
   * it drops, the output is only known to be spread somehow.
   */
  private static Distribution trimmed(Distribution natural, PhysicalHashJoin join) {
    if (natural.kind() != Distribution.Kind.HASH) {
      return natural;
    }
    List<Integer> keys = new ArrayList<>(natural.keys().size());
    for (int key : natural.keys()) {
      int column = join.outputColumn(key);
      if (column < 0) {
        return Distribution.any();
      }
      keys.add(column);
    }
    return Distribution.hash(keys);
  }

  private Placed aggregate(PhysicalHashAggregate aggregate) {
    Placed in = visit(aggregate.input());
    List<Integer> groupKeys = aggregate.groupKeys();
    double groupBytes = CostModel.rowBytes(aggregate.fields());
    AggregationPhaseChooser.Decision decision = AggregationPhaseChooser.choose(in.placement(), groupKeys,
        aggregate.calls(), aggregate.estimatedRows(), groupBytes, aggregationPhases);
    AggregationPhaseChooser.Option option = decision.chosen();
    int k = groupKeys.size();
    Distribution byGroup = k == 0 ? Distribution.single() : Distribution.hash(range(k));
    int partitions = k == 0 ? 1 : Math.max(CostModel.DEFAULT_PARTITIONS, in.placement().partitions());
    PhysicalHashAggregate result;
    Placement placement;
    switch (option.strategy()) {
      case LOCAL -> {
        Distribution output = in.placement().isSingle() ? Distribution.single()
            : Distribution.hash(in.distribution().keys().stream().map(groupKeys::indexOf).toList());
        result = new PhysicalHashAggregate(in.node(), groupKeys, aggregate.calls(), AggregatePhase.SINGLE,
            aggregate.fields(), output, aggregate.estimatedRows());
        placement = new Placement(output, in.placement().partitions(), aggregate.estimatedRows(), groupBytes,
            in.placement().unknown());
      }
      case SHUFFLE -> {
        Placed moved = exchange(in, k == 0 ? Distribution.single() : Distribution.hash(groupKeys), partitions);
        result = new PhysicalHashAggregate(moved.node(), groupKeys, aggregate.calls(), AggregatePhase.SINGLE,
            aggregate.fields(), byGroup, aggregate.estimatedRows());
        placement = new Placement(byGroup, partitions, aggregate.estimatedRows(), groupBytes, in.placement().unknown());
      }
      default -> {
        PhysicalHashAggregate partial = new PhysicalHashAggregate(in.node(), groupKeys, aggregate.calls(),
            AggregatePhase.PARTIAL, aggregate.fields(), in.distribution(), option.partialRows());
        costs.put(partial, in.cost() + CostModel.aggregate(in.rows(), option.partialRows(),
            option.partialRows() * groupBytes));
        Placed partialPlaced = new Placed(partial, new Placement(in.distribution(), in.placement().partitions(),
            option.partialRows(), groupBytes, in.placement().unknown()), costs.get(partial));
        Placed moved = exchange(partialPlaced, byGroup, partitions);
        result = new PhysicalHashAggregate(moved.node(), range(k), finalCalls(aggregate.calls(), k),
            AggregatePhase.FINAL, aggregate.fields(), byGroup, aggregate.estimatedRows());
        placement = new Placement(byGroup, partitions, aggregate.estimatedRows(), groupBytes, in.placement().unknown());
      }
    }
    decisions.put(result, decision.describe());
    return new Placed(result, placement, in.cost() + option.cost());
  }

  /** The calls of a FINAL aggregate that merge the partial results (at columns k, k+1, ...). */
  static List<AggregateCall> finalCalls(List<AggregateCall> calls, int k) {
    List<AggregateCall> merged = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      AggregateCall call = calls.get(i);
      AggregateFunction function = switch (call.function()) {
        case COUNT, COUNT_STAR, SUM0 -> AggregateFunction.SUM0;
        default -> call.function();
      };
      merged.add(new AggregateCall(function, List.of(k + i), false, -1, call.type(), call.nullable(), null,
          call.name()));
    }
    return merged;
  }

  /** Moves a placed node to {@code target} (null: stays); broadcast copies to {@code partitions} receivers. */
  private Placed exchange(Placed placed, Distribution target, int partitions) {
    if (target == null || target.equals(placed.distribution()) && target.kind() != Distribution.Kind.BROADCAST) {
      return placed;
    }
    int copies = target.kind() == Distribution.Kind.BROADCAST ? Math.max(1, partitions) : 1;
    PhysicalExchange exchange = new PhysicalExchange(placed.node(), target, placed.rows());
    double cost = placed.cost() + CostModel.exchange(placed.rows(), placed.placement().bytes(), copies);
    costs.put(exchange, cost);
    int targetPartitions = target.kind() == Distribution.Kind.SINGLE ? 1 : partitions;
    return new Placed(exchange, new Placement(target, targetPartitions, placed.rows(), placed.placement().rowBytes(),
        placed.placement().unknown()), cost);
  }

  private Placed gather(Placed placed) {
    return placed.placement().isSingle() ? placed : exchange(placed, Distribution.single(), 1);
  }

  private Placed derived(PhysicalNode node, Placed input, Distribution distribution, double cost) {
    Placement in = input.placement();
    return new Placed(node, new Placement(distribution, in.partitions(), node.estimatedRows(),
        CostModel.rowBytes(node.fields()), in.unknown()), input.cost() + cost);
  }

  private static Placed single(PhysicalNode node, double cost, boolean unknown) {
    return new Placed(node, new Placement(Distribution.single(), 1, node.estimatedRows(),
        CostModel.rowBytes(node.fields()), unknown), cost);
  }

  private static List<Integer> range(int k) {
    List<Integer> range = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      range.add(i);
    }
    return range;
  }
}
