#!/usr/bin/env bash
# Installs (when missing) and starts a local PostgreSQL for the `postgres` source tests, and creates the role and
# database `kontor`. Safe to run again: it only installs, creates and starts what is missing.
# No systemd needed: the cluster is started with pg_ctlcluster (Debian/Ubuntu's postgresql-common).
#
#   scripts/postgres.sh            # prints the URL the tests use (KONTOR_TEST_POSTGRES_URL's default)
#   KONTOR_PG_PORT=5433 scripts/postgres.sh
set -euo pipefail

port="${KONTOR_PG_PORT:-5432}"
password="${KONTOR_PG_PASSWORD:-kontor-test}"

sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"

# Runs a command as the `postgres` system user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    sudo -u postgres "$@"
  fi
}

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq postgresql
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -1)"

# A cluster for this version: the one the package created, or a new one on $port.
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
  $sudo_cmd pg_createcluster "$version" main --port "$port" >/dev/null
fi
cluster_port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')"
status="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $4 }')"

if [ "$status" != "online" ]; then
  # Without systemd pg_ctlcluster starts the server itself; its systemd hint on stderr is harmless.
  $sudo_cmd pg_ctlcluster "$version" main start 2> >(grep -v -i systemd >&2 || true)
fi

for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p "$cluster_port" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$cluster_port" || {
  echo "postgres.sh: PostgreSQL $version did not become ready on 127.0.0.1:$cluster_port" >&2
  exit 1
}

# The role (its password is (re)set every time, so the URL below always works) and the database.
as_postgres psql -q -p "$cluster_port" -v ON_ERROR_STOP=1 -v pw="$password" >/dev/null <<'SQL'
SELECT format('CREATE ROLE kontor LOGIN PASSWORD %L', :'pw') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kontor')
\gexec
SELECT format('ALTER ROLE kontor LOGIN PASSWORD %L', :'pw')
\gexec
SELECT 'CREATE DATABASE kontor OWNER kontor' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'kontor')
\gexec
SQL

echo "postgres://kontor:${password}@127.0.0.1:${cluster_port}/kontor"
