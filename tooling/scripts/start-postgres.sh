#!/usr/bin/env bash
# Starts (or reuses) a local Debian PostgreSQL cluster for integration tests and exports
# YBPLAN_TEST_DATABASE_URL. Sourced by .ci/run; safe to run again.
set -euo pipefail
PGPORT="${YBPLAN_TEST_PGPORT:-54329}"
PGVER="$(ls /usr/lib/postgresql | sort -n | tail -1)"
PGBIN="/usr/lib/postgresql/$PGVER/bin"
PGDATA="${YBPLAN_TEST_PGDATA:-/tmp/ybplan-pg-$PGPORT}"
RUNAS=()
if [ "$(id -u)" = "0" ]; then RUNAS=(runuser -u postgres --); fi
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$PGDATA"; fi
  "${RUNAS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
    -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
fi
export YBPLAN_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
echo "PostgreSQL $PGVER on port $PGPORT ($PGDATA)"
