#!/usr/bin/env bash
# Starts (or reuses) a throwaway PostgreSQL for the relational-store tests and prints the
# environment they read, for `eval "$(bash .ci/postgres.sh)"`:
#   export EIMAS_TEST_PG_URL=jdbc:postgresql://127.0.0.1:PORT/eimas_test
#   export EIMAS_TEST_PG_USER=eimas
#   export EIMAS_TEST_PG_PASSWORD=...
# Idempotent: installs Debian's postgresql package when missing (needs root and apt), creates a
# cluster under $EIMAS_PG_DIR (default /tmp/eimas-pg) owned by the postgres user, listening on
# 127.0.0.1 only on a free port, and a database and role for the tests. A second run finds the
# running server and prints the same lines. Everything else goes to stderr.
set -euo pipefail
log() { echo "postgres.sh: $*" >&2; }

dir="${EIMAS_PG_DIR:-/tmp/eimas-pg}"
db=eimas_test
role=eimas

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/pg_ctl" ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    log "PostgreSQL is not installed and cannot be installed here (needs root and apt-get)"
    exit 1
  fi
  log "installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi

# run a command as the postgres user (the server refuses to run as root)
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  log "no postgres user on this machine"
  exit 1
fi

mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres: "$dir"
chmod 700 "$dir"

if [ ! -f "$dir/data/PG_VERSION" ]; then
  log "creating a cluster in $dir/data"
  as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 >&2
fi

if [ ! -s "$dir/password" ]; then
  ( umask 077; head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$dir/password" )
  [ "$(id -u)" = 0 ] && chown postgres: "$dir/password"
fi
password="$(cat "$dir/password")"

if ! as_pg "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  echo "$port" > "$dir/port"
  log "starting the server on 127.0.0.1:$port"
  as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir" start >&2
fi
port="$(cat "$dir/port")"

psql_pg() { as_pg "$bindir/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_pg -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != 1 ]; then
  psql_pg -c "CREATE ROLE $role LOGIN PASSWORD '$password'" >&2
else
  psql_pg -c "ALTER ROLE $role PASSWORD '$password'" >&2
fi
if [ "$(psql_pg -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
  psql_pg -c "CREATE DATABASE $db OWNER $role" >&2
fi

echo "export EIMAS_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$port/$db"
echo "export EIMAS_TEST_PG_USER=$role"
echo "export EIMAS_TEST_PG_PASSWORD=$password"
