#!/usr/bin/env bash
# Issue #7 item 8 in one command: the music dashboard at two scales of dim_artists, on either side of
# the cost model's broadcast/shuffle flip, each forced choice timed against the model's choice, rows
# checked equal (dev.quaver.bench.olap.MusicScales). Prints a Markdown table and a verdict per scale;
# exits 1 when a variant fails or returns other rows. Each scale runs on a fresh in-process server whose
# data directory lives under a temp directory that is deleted on exit (also on Ctrl-C / failure).
#
#   bench/run-music-scales.sh                  # builds the bench jar (offline), then ~10 min quiet
#   SKIP_BUILD=1 bench/run-music-scales.sh     # use bench/target/benchmarks.jar (or $JAR) as it is
#   SCALES=small=50:100000,large=20000:100000 REPS=3 bench/run-music-scales.sh   # quick smoke run
#
# Settings (environment): SCALES (name=artists:plays,... default small=500:2000000,large=200000:2000000),
# REPS (interleaved rounds, 7), WARMUP (2), LOADERS (connections loading plays, 2), VARIANTS
# (|-separated forced settings), XMX (JVM heap, 6g), TIMEOUT (seconds per run, 120), CALIBRATE=1 to
# also run the operator calibration afterwards (bench/run-calibration.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-bench/target/benchmarks.jar}
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building the bench jar (mvn -o -pl bench -am package -DskipTests) ..."
  mvn -B -q -o -pl bench -am package -DskipTests >/tmp/run-music-scales-build.$$.log 2>&1 \
    || { tail -40 /tmp/run-music-scales-build.$$.log >&2; rm -f /tmp/run-music-scales-build.$$.log; exit 2; }
  rm -f /tmp/run-music-scales-build.$$.log
fi
if [ -n "${JAR##*:*}" ] && [ ! -f "$JAR" ]; then echo "missing $JAR: build the bench module first" >&2; exit 2; fi # JAR may be a class path (a:b)
WORK=$(mktemp -d /tmp/quaver-music-scales.XXXXXX)
JPID=""
cleanup() {
  if [ -n "$JPID" ] && kill -0 "$JPID" 2>/dev/null; then kill "$JPID" 2>/dev/null || true; wait "$JPID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg); git $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
START=$(date +%s)
PROPS=(-Dbench.dir="$WORK" -Dmusic.reps="${REPS:-7}" -Dmusic.warmup="${WARMUP:-2}" -Dmusic.loaders="${LOADERS:-2}"
  -Dmusic.timeoutSeconds="${TIMEOUT:-120}")
[ -n "${SCALES:-}" ] && PROPS+=(-Dmusic.scales="$SCALES")
[ -n "${VARIANTS:-}" ] && PROPS+=(-Dmusic.variants="$VARIANTS")
set +e
java --add-opens=java.base/java.nio=ALL-UNNAMED -Duser.timezone=UTC -Xmx"${XMX:-6g}" "${PROPS[@]}" \
  -cp "$JAR" dev.quaver.bench.olap.MusicScales &
JPID=$!
wait "$JPID"
RC=$?
JPID=""
set -e
echo "wall time $(( $(date +%s) - START )) s; load after: $(cut -d' ' -f1-3 /proc/loadavg); exit status $RC"
if [ -n "${CALIBRATE:-}" ] && [ "$RC" = 0 ]; then
  SKIP_BUILD=1 bench/run-calibration.sh || RC=$?
fi
exit "$RC"
