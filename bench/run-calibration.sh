#!/usr/bin/env bash
# Issue #7: calibrates the cost model's per-row constants against Quaver's own operators in one command
# (dev.quaver.bench.planner.OperatorCalibration: an in-process server, a table of ROWS rows, queries that
# each add one operator, process CPU time per input row). Prints the raw figures and a Markdown table of
# each derived constant next to the value in planner CostModel (docs/cost-model.md §2). The server's data
# directory lives in a temp directory deleted on exit.
#
#   bench/run-calibration.sh                  # builds the bench jar (offline), 1M rows, 5 reps: ~5 min quiet
#   SKIP_BUILD=1 bench/run-calibration.sh 200000 3     # quick run with the jar as it is
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-bench/target/benchmarks.jar}
ROWS=${1:-1000000}
REPS=${2:-5}
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building the bench jar (mvn -o -pl bench -am package -DskipTests) ..."
  mvn -B -q -o -pl bench -am package -DskipTests >/tmp/run-calibration-build.$$.log 2>&1 \
    || { tail -40 /tmp/run-calibration-build.$$.log >&2; rm -f /tmp/run-calibration-build.$$.log; exit 2; }
  rm -f /tmp/run-calibration-build.$$.log
fi
if [ -n "${JAR##*:*}" ] && [ ! -f "$JAR" ]; then echo "missing $JAR: build the bench module first" >&2; exit 2; fi # JAR may be a class path (a:b)
WORK=$(mktemp -d /tmp/quaver-calibration.XXXXXX)
JPID=""
cleanup() {
  if [ -n "$JPID" ] && kill -0 "$JPID" 2>/dev/null; then kill "$JPID" 2>/dev/null || true; wait "$JPID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg); git $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
START=$(date +%s)
set +e
java --add-opens=java.base/java.nio=ALL-UNNAMED -Duser.timezone=UTC -Xmx"${XMX:-4g}" -Dbench.dir="$WORK" \
  -cp "$JAR" dev.quaver.bench.planner.OperatorCalibration "$ROWS" "$REPS" &
JPID=$!
wait "$JPID"
RC=$?
JPID=""
set -e
echo "wall time $(( $(date +%s) - START )) s; load after: $(cut -d' ' -f1-3 /proc/loadavg); exit status $RC"
exit "$RC"
