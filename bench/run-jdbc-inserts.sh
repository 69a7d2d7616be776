#!/usr/bin/env bash
# JDBC write benchmarks of issue #4 (item 8): Quaver vs PostgreSQL 15 on this machine, same run.
# Starts a throwaway PostgreSQL (initdb into a temp dir, 127.0.0.1 on a free port, unix socket in
# the temp dir, synchronous_commit=on), runs dev.quaver.bench.jdbc.JdbcInsertRunner against both
# engines, then stops PostgreSQL by pg_ctl and deletes the temp dir. About 3 minutes.
# Shorter smoke run: JAVA_OPTS="-Dbench.warmup=0.5 -Dbench.seconds=1 -Dbench.batchWarmup=0.5 -Dbench.batchSeconds=1"
# Build first: mvn -B -q -pl bench -am package -DskipTests
# CP_PREFIX: class directories put before the jar (measure freshly compiled modules without rebuilding it).
# Output: stdout; Quaver thread samples of the 64-connection cell in $OUT_DIR/jdbc-threads.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=bench/target/benchmarks.jar
[ -f "$JAR" ] || { echo "missing $JAR: build the bench module first" >&2; exit 1; }
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
OUT_DIR=${OUT_DIR:-bench/target}
WORK=$(mktemp -d /tmp/quaver-jdbc-bench.XXXXXX)
PGDATA="$WORK/pgdata"

# PostgreSQL refuses to run as root: run it as an unprivileged user that owns the temp dir.
as_pg() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  PGUSER_OS=${PGUSER_OS:-postgres}
  chown "$PGUSER_OS" "$WORK"
  as_pg() { runuser -u "$PGUSER_OS" -- "$@"; }
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

cleanup() {
  if [ -f "$PGDATA/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-locale >/dev/null
cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$WORK'
max_connections = 100
fsync = on
synchronous_commit = on
CONF
as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$WORK/postgres.log" -w start >/dev/null
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT, data $PGDATA"
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$WORK/quaver"
java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx2g \
  -Dpg.url="jdbc:postgresql://127.0.0.1:$PORT/postgres" -Dpg.user=postgres \
  -Dbench.dir="$WORK/quaver" -Dbench.dump="$OUT_DIR/jdbc-threads.txt" \
  ${JAVA_OPTS:-} -cp "${CP_PREFIX:+$CP_PREFIX:}$JAR" dev.quaver.bench.jdbc.JdbcInsertRunner "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
