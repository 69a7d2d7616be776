/**
 * Quaver's cost model and the cost-based decisions (issue #7): cardinality estimates from the
 * storage statistics ({@link dev.quaver.planner.cost.CostMetadataQuery}), the cost formulas and
 * constants ({@link dev.quaver.planner.cost.CostModel}, docs/cost-model.md), join order by
 * dynamic programming or greedily ({@link dev.quaver.planner.cost.JoinEnumerator}), and the
 * distribution of every physical operator: the join-distribution and aggregation-phase choices
 * ({@link dev.quaver.planner.cost.JoinDistributionChooser},
 * {@link dev.quaver.planner.cost.AggregationPhaseChooser}) applied by
 * {@link dev.quaver.planner.cost.DistributionPlanner}.
 */
package dev.quaver.planner.cost;
