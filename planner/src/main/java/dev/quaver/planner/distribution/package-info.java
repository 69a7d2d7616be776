/**
 * How an operator's rows are spread over partitions. Issue #2 plans everything
 * {@code Distribution.single()}; the distribution-aware planner (#7) chooses broadcast or
 * shuffle joins and two-phase aggregation here.
 */
package dev.quaver.planner.distribution;
