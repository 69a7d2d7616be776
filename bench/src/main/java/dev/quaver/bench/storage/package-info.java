/**
 * Benchmarks of the storage engine's background and per-row write costs (issue #4):
 * {@link dev.quaver.bench.storage.BatchLoadBench} loads a table in batches of 1000 rows with the
 * ETL and its statistics refresh, old and new refresh alternating in one run;
 * {@link dev.quaver.bench.storage.BatchInsertAb} runs 1000-row JDBC-shaped batches through planner,
 * executor and storage (row path vs column path, memtable variants), with CPU per row by thread
 * group including GC ({@link dev.quaver.bench.storage.ThreadGroupsCpu}). Results:
 * {@code docs/storage-bench.md}.
 */
package dev.quaver.bench.storage;
