#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on a loopback port for the tests and prints its DATABASE_URL.
# Usage: .ci/postgres.sh start DIR PORT   |   .ci/postgres.sh stop DIR
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?a folder for the cluster}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
case "$cmd" in
  start)
    port=${3:-55432}
    mkdir -p "$dir"
    chown postgres "$dir"
    runuser -u postgres -- "$PGBIN/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=trust \
      --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" >/dev/null
    runuser -u postgres -- psql -h "$dir" -p "$port" -U postgres -q \
      -c "CREATE ROLE reunify LOGIN PASSWORD 'reunify'" -c "CREATE DATABASE reunify_test OWNER reunify" >/dev/null
    echo "postgres://reunify:reunify@127.0.0.1:$port/reunify_test"
    ;;
  stop)
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
