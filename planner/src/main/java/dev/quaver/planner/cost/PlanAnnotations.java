package dev.quaver.planner.cost;

import dev.quaver.planner.physical.PhysicalNode;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the cost-based planning of one statement knows about each physical node beyond the node
 * itself, for EXPLAIN: its estimated cost (cumulative, in the units of {@link CostModel}) and, for
 * joins and aggregations, the distribution decision with the rejected alternative. Keyed by node
 * identity (records compare by value). The latest annotations of each planning thread are kept
 * ({@link #latest()}) so that EXPLAIN, which prints the plan the same thread just made, finds
 * them without widening the plan records.
 *
 * <p>Thread safety: an instance is confined to the thread that planned it.
 */
public final class PlanAnnotations {
  private static final ThreadLocal<PlanAnnotations> LATEST = new ThreadLocal<>();

  private final Map<PhysicalNode, Double> costs = new IdentityHashMap<>();
  private final Map<PhysicalNode, String> decisions = new IdentityHashMap<>();

  /** The annotations of the latest plan made on this thread (empty if none). */
  public static PlanAnnotations latest() {
    PlanAnnotations latest = LATEST.get();
    return latest == null ? new PlanAnnotations() : latest;
  }

  void publish() {
    LATEST.set(this);
  }

  void cost(PhysicalNode node, double cost) {
    costs.put(node, cost);
  }

  void decision(PhysicalNode node, String decision) {
    decisions.put(node, decision);
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
