#!/usr/bin/env bash
# Issue #5's columnar storage benchmarks (docs/columnar.md, "Benchmarks"): memory read bandwidth
# (plain Java sum over a long[]), scan + SUM of one INT column over 10M rows through the columnar
# read path, ETL rows/s per core with and without the external sort spilling, a scan with a 1%
# delta against none, and single-row commits with the ETL forced against disabled. One JVM, one
# thread measuring; rates per CPU-second of that thread (per core) and per wall second.
# Build first: mvn -B -q -pl bench -am package -DskipTests  (or CP=<class path> as in run-olap.sh)
# Smaller: JAVA_OPTS="-Dbench.rows=2000000 -Dbench.etlRows=500000" bench/run-columnar.sh
# Only the 1% delta cell at 10M rows (~5 min on a quiet machine):
#   JAVA_OPTS="-Dbench.etlRows=0 -Dbench.forcedCommits=0 -Dbench.deltaRounds=3" bench/run-columnar.sh
# Properties: bench.rows (10000000), bench.etlRows (2000000), bench.reps (5), bench.deltaFraction
# (0.01), bench.spillBudgetBytes (16 MiB), bench.bandwidthLongs (64Mi = 512 MiB), bench.forcedCommits
# (300; 0 skips), bench.forcedSync (COMMIT), bench.deltaRounds (3: burst, first scan, steady
# scans, ETL), bench.codecRows (0 skips; e.g. 2000000) with bench.codecs (NONE,LZ4_FRAME,ZSTD),
# bench.dir (java.io.tmpdir); segment shape by
# -Dquaver.segment.codec=ZSTD|LZ4_FRAME|NONE and -Dquaver.segment.rowGroupRows=16384.
set -euo pipefail
cd "$(dirname "$0")/.."
CP=${CP:-bench/target/benchmarks.jar}
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx${XMX:-6g} ${JAVA_OPTS:-} -cp "$CP" \
  dev.quaver.bench.columnar.ColumnarBenchRunner "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
