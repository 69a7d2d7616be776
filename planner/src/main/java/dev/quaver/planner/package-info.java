/**
 * The planner's entry point: {@link dev.quaver.planner.Planner#prepare} turns SQL text into an
 * immutable {@link dev.quaver.planner.PreparedPlan} (a physical plan, a DDL command or EXPLAIN
 * text), caching plans by statement text and catalog version. Calcite stays inside this module:
 * what leaves it is Quaver's own physical plan.
 */
package dev.quaver.planner;
