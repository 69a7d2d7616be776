/**
 * Planner benchmarks: join-ordering and planning time for many-table joins, and the calibration
 * of the cost model's constants (docs/cost-model.md).
 */
package dev.quaver.bench.planner;
