/**
 * Embedded put benchmarks of Quaver's LSM store against RocksDB with equal settings
 * ({@link dev.quaver.bench.lsm.LsmBenchRunner} for a side-by-side run with ratios,
 * {@link dev.quaver.bench.lsm.LsmPutBenchmark} for JMH), and a write/space amplification
 * measurement after a random-key load. Results: {@code docs/storage-bench.md}.
 */
package dev.quaver.bench.lsm;
