/**
 * Quaver's physical plan: immutable {@code PhysicalX} records, one per operator the executor
 * builds, each with its output fields, distribution and estimated rows. This package is the
 * contract between planner and executor; the planner's converters live in
 * {@code dev.quaver.planner.convert}.
 */
package dev.quaver.planner.physical;
