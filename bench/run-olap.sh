#!/usr/bin/env bash
# Side-by-side analytical benchmark of issues #5 (item 6), #6 (item 7), #7 (item 8): the 13 SSB
# queries and the dashboard query "top artists by country" on Quaver (in-process server, JDBC),
# DuckDB, H2, SQLite and PostgreSQL 15, same generated data, results checked equal across engines.
# Starts a throwaway PostgreSQL (initdb into a temp dir, 127.0.0.1 on a free port), runs
# dev.quaver.bench.olap.OlapRunner, then stops PostgreSQL by pg_ctl and deletes the temp dir.
# Build first: mvn -B -q -pl bench -am package -DskipTests   (or -o -pl bench package if upstream is installed)
# Default: SSB SF 0.1 and 1M plays, ~4 min on a quiet machine (docs/bench-olap.md). Larger, e.g.:
#   JAVA_OPTS="-Dolap.sf=1 -Dolap.plays=10000000 -Dolap.timeoutSeconds=600" XMX=8g bench/run-olap.sh
# Other properties: -Dolap.engines=duckdb,quaver -Dolap.queries=Q1.1,dashboard -Dolap.reps=5
# -Dolap.warmup=1 -Dolap.workloads=ssb|music -Dolap.load.<engine>=batch|values|appender.
# Without PostgreSQL (no initdb needed): NO_PG=1 JAVA_OPTS="-Dolap.engines=duckdb,quaver" bench/run-olap.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=bench/target/benchmarks.jar
CP=${CP:-$JAR} # or a class path, e.g. bench/target/classes plus `mvn dependency:build-classpath`
[ -n "${CP##*:*}" ] && [ ! -f "$CP" ] && { echo "missing $CP: build the bench module first" >&2; exit 1; }
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
WORK=$(mktemp -d /tmp/quaver-olap-bench.XXXXXX)
PGDATA="$WORK/pgdata"
PG_URL=""

as_pg() { "$@"; }
if [ "$(id -u)" = 0 ]; then # PostgreSQL refuses to run as root
  PGUSER_OS=${PGUSER_OS:-postgres}
  chown "$PGUSER_OS" "$WORK"
  as_pg() { runuser -u "$PGUSER_OS" -- "$@"; }
fi

cleanup() {
  if [ -f "$PGDATA/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${NO_PG:-}" ]; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  # C collation (--no-locale) so string ORDER BY matches the other engines; a load-friendly
  # but durable configuration; parallel query up to the machine's cores.
  cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$WORK'
shared_buffers = 512MB
work_mem = 64MB
maintenance_work_mem = 256MB
max_wal_size = 4GB
synchronous_commit = off
max_parallel_workers_per_gather = $(nproc)
CONF
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$WORK/postgres.log" -w start >/dev/null
  PG_URL="jdbc:postgresql://127.0.0.1:$PORT/postgres"
  echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT, data $PGDATA"
fi
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$WORK/engines"
ENGINES_DEFAULT=duckdb,quaver,postgres,sqlite,h2
[ -n "${NO_PG:-}" ] && ENGINES_DEFAULT=duckdb,quaver,sqlite,h2
java --add-opens=java.base/java.nio=ALL-UNNAMED -Duser.timezone=UTC -Xmx${XMX:-3g} \
  -Dpg.url="$PG_URL" -Dpg.user=postgres -Dbench.dir="$WORK/engines" -Dolap.engines=$ENGINES_DEFAULT \
  ${JAVA_OPTS:-} -cp "$CP" dev.quaver.bench.olap.OlapRunner "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
