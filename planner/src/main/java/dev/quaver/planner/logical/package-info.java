/**
 * The logical half of planning: Calcite validation against the catalog schema, SqlToRel
 * conversion with view expansion, Quaver's type system, the ordered {@link
 * dev.quaver.planner.logical.PlannerPhases} of rewrites (subquery removal, decorrelation,
 * simplification, join ordering, field trimming), and the translation of Calcite's errors into
 * SQLSTATE-coded QuaverExceptions.
 */
package dev.quaver.planner.logical;
