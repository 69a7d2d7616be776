package dev.quaver.planner.cost;

import dev.quaver.planner.physical.PhysicalNode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the cost-based planning of one statement knows about each physical node beyond the node
 * itself, for EXPLAIN: its estimated cost (cumulative, in the units of {@link CostModel}) and, for
 * joins and aggregations, the distribution decision with the rejected alternative. Keyed by node
 * identity (records compare by value, and two equal subtrees of one plan may carry different
 * decisions). Made by {@link DistributionPlanner} and handed back with the plan it describes
 * ({@link DistributedPlan}); it used to travel through a thread-local, which tied EXPLAIN to the
 * thread that planned last (#7).
 *
 * <p>Immutable (unmodifiable identity maps), so safe to share between threads and cached plans.
 */
public final class PlanAnnotations {
  /** No costs, no decisions: EXPLAIN then prints only distributions and rows. */
  public static final PlanAnnotations NONE = new PlanAnnotations(new IdentityHashMap<>(), new IdentityHashMap<>());

  private final Map<PhysicalNode, Double> costs;
  private final Map<PhysicalNode, String> decisions;

  PlanAnnotations(IdentityHashMap<PhysicalNode, Double> costs, IdentityHashMap<PhysicalNode, String> decisions) {
    this.costs = Collections.unmodifiableMap(new IdentityHashMap<>(costs));
    this.decisions = Collections.unmodifiableMap(new IdentityHashMap<>(decisions));
  }

  /** Cumulative estimated cost of the node's subtree, or null when unknown. */
  public Double cost(PhysicalNode node) {
    return costs.get(node);
  }

  /** The join or aggregation decision of the node, or null. */
  public String decision(PhysicalNode node) {
    return decisions.get(node);
  }
}
