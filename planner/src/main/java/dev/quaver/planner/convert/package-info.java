/**
 * Conversion of the optimized Calcite plan into Quaver's physical plan: one converter for
 * relational nodes ({@link dev.quaver.planner.convert.RelConverter}), one for row expressions
 * ({@link dev.quaver.planner.convert.RexConverter}, which also inserts the casts that give
 * operands one common type), one for aggregate calls, the type mapping, DML assembly and the
 * EXPLAIN printer.
 */
package dev.quaver.planner.convert;
