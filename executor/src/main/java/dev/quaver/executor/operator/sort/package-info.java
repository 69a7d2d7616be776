/**
 * Sorting: a stable in-memory multi-key sort with NULLS FIRST/LAST and DESC, and a bounded top-N
 * when the plan has a fetch. The rows are accounted against the query memory limit; external
 * merge sort is TODO(#6).
 */
package dev.quaver.executor.operator.sort;
