#!/usr/bin/env bash
# Starts a PostgreSQL server on loopback for the storage tests (installing the Debian package when missing) and
# prints the connection string for CODEGEN_TEST_POSTGRES on stdout. The role it creates may create databases:
# each test makes its own database and drops it. Needs root (apt-get, pg_ctlcluster). Local use:
#   export CODEGEN_TEST_POSTGRES="$(sudo scripts/postgres-test-server.sh)"
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')

# Debian's cluster listens on localhost only and asks TCP clients for a password (scram-sha-256).
pg_ctlcluster "$version" main start >&2 2>/dev/null || pg_ctlcluster "$version" main status >/dev/null
for _ in $(seq 1 30); do
  runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done

password=codegen-test
runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'codegen_test') THEN
    CREATE ROLE codegen_test LOGIN CREATEDB PASSWORD '$password';
  ELSE
    ALTER ROLE codegen_test LOGIN CREATEDB PASSWORD '$password';
  END IF;
END \$\$;
-- The tests drop their databases WITH (FORCE), which ends the backends still connected to them. One of another role
-- (an autovacuum worker, it seems) made the drop fail now and then: "must be a member of the role whose process is
-- being terminated or member of pg_signal_backend".
GRANT pg_signal_backend TO codegen_test;
SQL

echo "Host=127.0.0.1;Port=$port;Username=codegen_test;Password=$password;Database=postgres"
