/**
 * Sorting: a stable multi-key sort with NULLS FIRST/LAST and DESC that spills sorted runs to disk
 * and merges them when the buffered rows pass the operator's memory share (external merge sort),
 * and a bounded in-memory top-N when the plan has a small fetch.
 */
package dev.quaver.executor.operator.sort;
