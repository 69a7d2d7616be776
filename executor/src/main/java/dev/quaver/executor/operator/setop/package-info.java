/**
 * Set operations: UNION, INTERSECT and EXCEPT with and without ALL over two or more inputs,
 * with NULLs comparing equal. UNION ALL streams; the others count rows per distinct value in a
 * heap hash table accounted against the query memory limit.
 */
package dev.quaver.executor.operator.setop;
