/**
 * Issue #5's columnar storage benchmarks ({@link dev.quaver.bench.columnar.ColumnarBenchRunner}):
 * scan + SUM of one INT column against this machine's memory read bandwidth, ETL rows/s per core
 * with and without the external sort spilling, and a scan with a 1% delta against none, all as
 * ratios measured in the same run. Script {@code bench/run-columnar.sh}; results
 * {@code docs/columnar.md}.
 */
package dev.quaver.bench.columnar;
