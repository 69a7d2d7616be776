/**
 * Benchmarks of the storage engine's background and per-row write costs (issue #4):
 * {@link dev.quaver.bench.storage.BatchLoadBench} loads a table in batches of 1000 rows with the
 * ETL and its statistics refresh, old and new refresh alternating in one run. Results:
 * {@code docs/storage-bench.md}.
 */
package dev.quaver.bench.storage;
