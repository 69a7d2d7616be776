package dev.quaver.executor.fragment;

import dev.quaver.planner.cost.CostModel;
import dev.quaver.planner.distribution.Distribution;
import dev.quaver.planner.physical.PhysicalCorrelate;
import dev.quaver.planner.physical.PhysicalDelete;
import dev.quaver.planner.physical.PhysicalExchange;
import dev.quaver.planner.physical.PhysicalHashJoin;
import dev.quaver.planner.physical.PhysicalInsert;
import dev.quaver.planner.physical.PhysicalNode;
import dev.quaver.planner.physical.PhysicalSort;
import dev.quaver.planner.physical.PhysicalTableScan;
import dev.quaver.planner.physical.PhysicalUpdate;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a distributed physical plan at its exchanges into fragments (the top one first) and
 * gives each its instance count, following the partitioning the planner assumed:
 * <ul>
 *   <li>a fragment that scans partitioned tables runs once per table partition (instance i reads
 *       partition i; tables scanned together are co-located, so their partition counts agree);
 *   <li>else a fragment fed by hash exchanges runs {@code max(CostModel.DEFAULT_PARTITIONS,
 *       producers' instances)} times, the count the planner's shuffles use;
 *   <li>else (gathered inputs, values, unpartitioned tables) once.
 * </ul>
 * A sort right above a gather of a partitioned fragment becomes an ordered merge-gather: each
 * instance sorts its own rows and the gather merges them ({@link Fragment#mergeSort}).
 * A plan it cannot run in parallel exactly (no exchange at all, partition counts that disagree,
 * an unpartitioned leaf in a partitioned fragment, join keys of different types that would hash
 * differently, an exchange inside a correlate's per-row side) gives empty: the statement then
 * runs serially, as if there were no exchanges. Stateless.
 */
public final class PlanFragmenter {
  private PlanFragmenter() {}

  /** The fragments of {@code root}, the top one (one instance) first; empty: run serially. */
  public static Optional<List<Fragment>> cut(PhysicalNode root) {
    if (root instanceof PhysicalInsert || root instanceof PhysicalUpdate || root instanceof PhysicalDelete) {
      return Optional.empty(); // DML reads and writes in the statement's thread
    }
    List<Fragment> fragments = new ArrayList<>();
    try {
      fragments.add(null); // the top fragment's slot
      Fragment top = build(root, null, null, fragments);
      if (top.instances() != 1 || fragments.size() == 1) {
        return Optional.empty();
      }
      fragments.set(0, top);
      return Optional.of(List.copyOf(fragments));
    } catch (Unsupported e) {
      return Optional.empty();
    }
  }

  /** Builds the fragment rooted at {@code root} (and, recursively, those feeding it). */
  private static Fragment build(PhysicalNode root, PhysicalExchange output, PhysicalSort mergeSort,
      List<Fragment> fragments) {
    Shape shape = new Shape();
    walk(root, shape, fragments);
    int instances;
    if (!shape.scanPartitions.isEmpty()) {
      if (shape.scanPartitions.stream().distinct().count() > 1 || !shape.singleInputs.isEmpty()) {
        throw new Unsupported();
      }
      instances = shape.scanPartitions.get(0);
    } else if (!shape.hashInputInstances.isEmpty()) {
      if (!shape.singleInputs.isEmpty()) {
        throw new Unsupported();
      }
      instances = CostModel.DEFAULT_PARTITIONS;
      for (int producers : shape.hashInputInstances) {
        instances = Math.max(instances, producers);
      }
    } else {
      instances = 1;
    }
    if (instances > 1 && (shape.unpartitionedLeaf || shape.keyTypesDiffer)) {
      throw new Unsupported();
    }
    Fragment fragment = new Fragment(output == null ? 0 : fragments.size(), root, instances, output, shape.inputs,
        instances > 1 ? mergeSort : null);
    if (output != null) {
      fragments.add(fragment);
    }
    return fragment;
  }

  private static void walk(PhysicalNode node, Shape shape, List<Fragment> fragments) {
    if (node instanceof PhysicalSort sort && sort.input() instanceof PhysicalExchange exchange
        && exchange.distribution().kind() == Distribution.Kind.SINGLE) {
      build(exchange.input(), exchange, sort, fragments); // an ordered merge-gather when partitioned
      shape.inputs.add(exchange);
      shape.singleInputs.add(exchange);
      return;
    }
    if (node instanceof PhysicalExchange exchange) {
      Fragment producer = build(exchange.input(), exchange, null, fragments);
      shape.inputs.add(exchange);
      switch (exchange.distribution().kind()) {
        case HASH -> shape.hashInputInstances.add(producer.instances());
        case SINGLE -> shape.singleInputs.add(exchange);
        case BROADCAST -> { }
        case ANY -> throw new Unsupported();
      }
      return;
    }
    if (node instanceof PhysicalCorrelate correlate) {
      if (containsExchange(correlate.right())) {
        throw new Unsupported();
      }
      walk(correlate.left(), shape, fragments);
      shape.unpartitionedLeaf = true; // the per-row side reads whole tables
      return;
    }
    if (node instanceof PhysicalTableScan scan) {
      if (scan.withRowKey() || scan.distribution().kind() == Distribution.Kind.SINGLE
          || scan.table().partitions() < 2) {
        shape.unpartitionedLeaf = true;
      } else {
        shape.scanPartitions.add(scan.table().partitions());
      }
      return;
    }
    if (node instanceof PhysicalHashJoin join && !keyTypesMatch(join)) {
      shape.keyTypesDiffer = true;
    }
    if (node.inputs().isEmpty()) {
      shape.unpartitionedLeaf = true; // values, index scans: all of their rows in each instance
    }
    for (PhysicalNode input : node.inputs()) {
      walk(input, shape, fragments);
    }
  }

  /** Whether each key pair has one SQL type (and scale, and CHAR length): equal values then hash alike. */
  private static boolean keyTypesMatch(PhysicalHashJoin join) {
    for (int i = 0; i < join.leftKeys().size(); i++) {
      ColumnType left = join.left().fields().get(join.leftKeys().get(i)).type();
      ColumnType right = join.right().fields().get(join.rightKeys().get(i)).type();
      if (left.type() != right.type() || left.scale() != right.scale()) {
        return false;
      }
      if (left.type() == dev.quaver.type.SqlType.CHAR && left.precision() != right.precision()) {
        return false; // equal values padded to different lengths would hash apart
      }
    }
    return true;
  }

  private static boolean containsExchange(PhysicalNode node) {
    if (node instanceof PhysicalExchange) {
      return true;
    }
    for (PhysicalNode input : node.inputs()) {
      if (containsExchange(input)) {
        return true;
      }
    }
    return false;
  }

  /** What one fragment's subtree holds. */
  private static final class Shape {
    final List<PhysicalExchange> inputs = new ArrayList<>();
    final List<Integer> scanPartitions = new ArrayList<>();
    final List<Integer> hashInputInstances = new ArrayList<>();
    final List<PhysicalExchange> singleInputs = new ArrayList<>();
    boolean unpartitionedLeaf;
    boolean keyTypesDiffer;
  }

  /** The plan has a shape this executor does not run in parallel. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }
}
