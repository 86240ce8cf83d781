# shellcheck shell=bash
# Install (Debian apt) and start a local PostgreSQL server for the history-store tests, then export
# SECSDLC_TEST_PG_URL. Meant to be sourced as root by .ci/run:  source .ci/postgres.sh
# Sourced, so it must not `exit` or `set -e` the caller's shell: every step returns on failure.

_secsdlc_pg_setup() {
    local db=secsdlc_test user=secsdlc password=secsdlc port=${SECSDLC_PG_PORT:-5432}
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
        echo "postgres.sh: installing postgresql (apt-get)" >&2
        DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 || return 1
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 || return 1
    fi
    local version
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
        pg_createcluster "$version" main --port "$port" >&2 || return 1
    fi
    if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
        pg_ctlcluster "$version" main start >&2 || return 1
    fi
    port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
    local i
    for i in $(seq 1 30); do
        pg_isready -q -h 127.0.0.1 -p "$port" && break
        sleep 1
    done
    pg_isready -q -h 127.0.0.1 -p "$port" || { echo "postgres.sh: server not ready" >&2; return 1; }
    # Idempotent: re-sourcing keeps the role and database.
    su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1" >&2 <<SQL || return 1
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$user') THEN
    CREATE ROLE $user LOGIN PASSWORD '$password' CREATEDB;
  END IF;
END \$\$;
SQL
    if ! su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname = '$db'\"" | grep -q 1; then
        su postgres -c "createdb -p $port -O $user $db" >&2 || return 1
    fi
    export SECSDLC_TEST_PG_URL="postgresql+psycopg://$user:$password@127.0.0.1:$port/$db"
    echo "SECSDLC_TEST_PG_URL=$SECSDLC_TEST_PG_URL"
}

_secsdlc_pg_setup || echo "postgres.sh: PostgreSQL setup FAILED" >&2
