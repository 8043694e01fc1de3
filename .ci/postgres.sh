#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the engine tests and prints the connection URL that
# the tests read from KPIC_TEST_POSTGRES. Debian's server refuses to run as root, so the cluster
# belongs to an unprivileged user made for the purpose; it lives in a temporary folder, listens on
# 127.0.0.1 only and trusts local connections (it holds nothing but test data).
#   usage: eval "$(bash .ci/postgres.sh start)"   …   bash .ci/postgres.sh stop "$KPIC_PG_DIR"
set -euo pipefail
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$BIN" ]; then echo "PostgreSQL server binaries not found: apt-get install -y postgresql" >&2; exit 1; fi
RUN_AS=kpic-pg
case "${1:-}" in
  start)
    PORT="${KPIC_PG_PORT:-54329}"
    id -u "$RUN_AS" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_AS"
    DIR="$(mktemp -d /tmp/kpic-pg.XXXXXX)"
    chown "$RUN_AS" "$DIR"
    as() { if [ "$(id -u)" = 0 ]; then runuser -u "$RUN_AS" -- "$@"; else "$@"; fi; }
    as "$BIN/initdb" -D "$DIR/data" -U kpic --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1
    as "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    as "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U kpic kpic
    echo "export KPIC_PG_DIR=$DIR"
    echo "export KPIC_TEST_POSTGRES=postgres://kpic@127.0.0.1:$PORT/kpic"
    ;;
  stop)
    DIR="${2:?the cluster folder}"
    if [ "$(id -u)" = 0 ]; then runuser -u "$RUN_AS" -- "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null || true
    else "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null || true; fi
    rm -rf "$DIR"
    ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
