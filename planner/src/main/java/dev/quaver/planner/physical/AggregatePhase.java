package dev.quaver.planner.physical;

/**
 * Where an aggregation stands in a two-phase plan. SINGLE computes the final result in one step;
 * PARTIAL aggregates the rows of one partition; FINAL merges the partial results. The planner
 * (issue #7) splits the calls so that every phase computes its calls exactly as SINGLE would over
 * its own input: a FINAL aggregate's calls read the partial results (COUNT becomes SUM0 of the
 * partial counts, SUM stays SUM, MIN/MAX stay MIN/MAX); only such decomposable calls are split.
 */
public enum AggregatePhase {
  SINGLE,
  PARTIAL,
  FINAL
}
