package dev.quaver.planner.physical;

/**
 * Where an aggregation stands in a two-phase plan. SINGLE computes the final result in one step;
 * PARTIAL emits per-partition intermediate states; FINAL merges states. Issue #2 plans SINGLE only.
 */
public enum AggregatePhase {
  SINGLE,
  PARTIAL,
  FINAL
}
