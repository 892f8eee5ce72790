#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server (15 or the newest installed) for tests and benchmarks, and prints
# the exports to use it: eval "$(.ci/pg-up.sh)". Stop it with .ci/pg-down.sh. fsync is off: never for real data.
# Commits are asynchronous unless PG_SYNCHRONOUS_COMMIT=on (crash tests: a kill must not lose an acknowledged commit).
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PGBIN/initdb" ] || { echo "no PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }
# A free port unless one is given, so several throwaway servers can run side by side.
PGPORT=${PGPORT:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
PGTMP=$(mktemp -d /tmp/binhxet-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd -r -M -s /usr/sbin/nologin postgres
  chown postgres: "$PGTMP"
fi
as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGTMP/initdb.log" 2>&1
as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 start -o \
  "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGTMP -c fsync=off -c synchronous_commit=${PG_SYNCHRONOUS_COMMIT:-off} -c full_page_writes=off -c jit=off -c max_connections=200" >/dev/null
as_pg "$PGBIN/createdb" -h "$PGTMP" -p "$PGPORT" -U postgres binhxet_test
echo "export PGTMP=$PGTMP PGBIN=$PGBIN PGPORT=$PGPORT"
echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/binhxet_test"
