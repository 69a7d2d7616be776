package dev.quaver.planner.cost;

import dev.quaver.planner.physical.PhysicalNode;
import java.util.Objects;

/**
 * The result of {@link DistributionPlanner}: the distributed plan and, for EXPLAIN, the estimated
 * cost of each of its nodes and the decision taken at each join and aggregation. Immutable.
 */
public record DistributedPlan(PhysicalNode root, PlanAnnotations annotations) {
  public DistributedPlan {
    Objects.requireNonNull(root, "root is null");
    Objects.requireNonNull(annotations, "annotations is null");
  }
}
