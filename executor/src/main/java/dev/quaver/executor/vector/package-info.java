/**
 * Helpers for Arrow batches that every operator shares: reading and writing the Java value of a
 * cell whatever the vector type (row keys included), building batches from rows, copying
 * selected rows, and value keys with SQL grouping equality (NULLs equal) and SQL ordering.
 */
package dev.quaver.executor.vector;
