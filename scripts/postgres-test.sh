#!/usr/bin/env bash
# postgres-test.sh: start a throw-away PostgreSQL server on loopback for the
# cayleystore test suite and print the line that points the suite at it.
#
#   eval "$(scripts/postgres-test.sh)"
#   go test ./graph/cayleystore/...
#
# It installs PostgreSQL from the Debian packages if no server binaries are
# found, creates a cluster of its own (not the distribution's default one) in
# $CLAIMGRAPH_PG_DIR (default /var/tmp/claimgraph-pg), listening on 127.0.0.1
# only, on $CLAIMGRAPH_PG_PORT or the first free port from 5432, and creates
# the role and database claimgraph_test with a password. Running it again
# reuses a running server. Progress goes to stderr; stdout carries only the
# export line. Stop the server with:
#
#   su postgres -c "$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)")/pg_ctl -D /var/tmp/claimgraph-pg/data stop"
set -euo pipefail

log() { echo "postgres-test: $*" >&2; }

dir=${CLAIMGRAPH_PG_DIR:-/var/tmp/claimgraph-pg}
db=claimgraph_test
user=claimgraph_test
password=claimgraph_test

find_bin() {
	ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

bin=$(find_bin)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		log "PostgreSQL is not installed and installing it needs root"
		exit 1
	fi
	log "installing PostgreSQL from the Debian packages"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update >&2
	apt-get install -y postgresql >&2
	bin=$(find_bin)
fi
log "using $bin"

# Run a command as the postgres system user when we are root, as ourselves
# otherwise (the cluster then belongs to whoever runs the script).
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
	else
		"$@"
	fi
}

mkdir -p "$dir"
if [ "$(id -u)" -eq 0 ]; then
	chown postgres:postgres "$dir"
fi
data=$dir/data

if [ ! -f "$data/PG_VERSION" ]; then
	log "initialising a cluster in $data"
	as_owner "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >&2
fi

port_in_use() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
	port=$(sed -n 4p "$data/postmaster.pid")
	log "server already running on port $port"
else
	port=${CLAIMGRAPH_PG_PORT:-}
	if [ -z "$port" ]; then
		port=5432
		while port_in_use "$port"; do
			port=$((port + 1))
		done
	fi
	log "starting the server on 127.0.0.1:$port"
	as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w \
		-o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" start >&2
fi

psql_admin() {
	as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
}

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$user'")" != 1 ]; then
	log "creating role $user"
	psql_admin -c "CREATE ROLE $user LOGIN PASSWORD '$password'" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
	log "creating database $db"
	psql_admin -c "CREATE DATABASE $db OWNER $user" >&2
fi

echo "export CLAIMGRAPH_TEST_POSTGRES='postgres://$user:$password@127.0.0.1:$port/$db?sslmode=disable'"
