#!/usr/bin/env bash
# Starts (or stops) throwaway PostgreSQL 15 and MariaDB 10.11 servers on loopback for the tests.
#
#   scripts/db-servers.sh start   # installs what is missing, starts both, prints `export ...` lines
#   scripts/db-servers.sh env     # prints the `export ...` lines of the running servers
#   scripts/db-servers.sh stop    # stops both (by the pids this script started, never by name)
#
# Data lives in a temporary directory (fsync off: these servers hold test data only). State (pids,
# ports, data directory) is kept in .servers/ at the repository root. Needs root: the PostgreSQL
# server runs as the `postgres` user (initdb refuses root), MariaDB as `mysql`, and a missing
# MariaDB is installed with apt-get. Only MIG_TEST_SERVERS=postgres or =mysql starts one of them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.servers"
ENV_FILE="$STATE/env"
WANT="${MIG_TEST_SERVERS:-postgres mysql}"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"

log() { printf '[db-servers] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# The first free TCP port from $1 upwards on 127.0.0.1 (ports may be taken by other processes).
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

need_root() { [ "$(id -u)" -eq 0 ] || die "run as root (the servers run as the postgres and mysql users)"; }

apt_ready=""
apt_install() {
  if [ -z "$apt_ready" ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    apt_ready=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

start_postgres() {
  if [ -f "$STATE/pg.pid" ] && alive "$(cat "$STATE/pg.pid")"; then log "PostgreSQL already running"; return; fi
  if [ ! -x "$PGBIN/initdb" ]; then
    # Prefer the image's PostgreSQL 15; install it only where it is missing.
    apt_install postgresql-15 || die "PostgreSQL 15 is not installed and could not be installed"
  fi
  id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  local dir port
  dir="$(mktemp -d /tmp/mig-pg.XXXXXX)"; chown postgres:postgres "$dir"
  port="$(free_port 55432)"
  (cd / && runuser -u postgres -- "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1) \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  (cd / && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null) \
    || { cat "$dir/log" >&2; die "PostgreSQL did not start"; }
  head -1 "$dir/data/postmaster.pid" >"$STATE/pg.pid"
  echo "$dir" >"$STATE/pg.dir"
  echo "$port" >"$STATE/pg.port"
  log "PostgreSQL on 127.0.0.1:$port (data in $dir)"
}

start_mysql() {
  if [ -f "$STATE/my.pid" ] && alive "$(cat "$STATE/my.pid")"; then log "MariaDB already running"; return; fi
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || apt_install mariadb-server-core mariadb-client-core \
    || die "MariaDB could not be installed"
  id -u mysql >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin mysql
  local dir port
  dir="$(mktemp -d /tmp/mig-my.XXXXXX)"; chown mysql:mysql "$dir"
  port="$(free_port 53306)"
  mariadb-install-db --no-defaults --user=mysql --datadir="$dir/data" --skip-test-db \
    --auth-root-authentication-method=socket >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; die "mariadb-install-db failed"; }
  # Without the charset flags MariaDB defaults to latin1.
  setsid /usr/sbin/mariadbd --no-defaults --user=mysql --datadir="$dir/data" --socket="$dir/sock" --pid-file="$dir/pid" \
    --port="$port" --bind-address=127.0.0.1 --skip-name-resolve --max-connections=300 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --skip-log-bin \
    --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --sync-binlog=0 \
    >"$dir/log" 2>&1 </dev/null &
  echo $! >"$STATE/my.pid"
  echo "$dir" >"$STATE/my.dir"
  echo "$port" >"$STATE/my.port"
  local i
  for i in $(seq 1 120); do
    [ -S "$dir/sock" ] && mariadb --no-defaults --socket="$dir/sock" -uroot -e "SELECT 1" >/dev/null 2>&1 && break
    alive "$(cat "$STATE/my.pid")" || { cat "$dir/log" >&2; die "MariaDB exited during start-up"; }
    sleep 0.25
  done
  # With --skip-name-resolve a TCP login from 127.0.0.1 does not match root@localhost.
  mariadb --no-defaults --socket="$dir/sock" -uroot -e "
    CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY 'root';
    GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
    CREATE DATABASE IF NOT EXISTS mig_test;" || { cat "$dir/log" >&2; die "MariaDB did not accept the setup SQL"; }
  log "MariaDB on 127.0.0.1:$port (data in $dir)"
}

write_env() {
  : >"$ENV_FILE"
  if [ -f "$STATE/pg.port" ] && alive "$(cat "$STATE/pg.pid" 2>/dev/null)"; then
    echo "export MIG_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$(cat "$STATE/pg.port")/postgres" >>"$ENV_FILE"
  fi
  if [ -f "$STATE/my.port" ] && alive "$(cat "$STATE/my.pid" 2>/dev/null)"; then
    echo "export MIG_TEST_MYSQL_URL=mysql://root:root@127.0.0.1:$(cat "$STATE/my.port")/mig_test" >>"$ENV_FILE"
  fi
  cat "$ENV_FILE"
}

stop_one() { # name pidfile dirfile signal
  local pid dir
  pid="$(cat "$STATE/$2" 2>/dev/null || true)"; dir="$(cat "$STATE/$3" 2>/dev/null || true)"
  if alive "$pid"; then
    kill "-$4" "$pid" 2>/dev/null || true
    for _ in $(seq 1 80); do alive "$pid" || break; sleep 0.25; done
    alive "$pid" && kill -9 "$pid" 2>/dev/null || true
    log "$1 stopped"
  fi
  [ -n "$dir" ] && case "$dir" in /tmp/mig-*) rm -rf "$dir" ;; esac
  rm -f "$STATE/$2" "$STATE/$3" "$STATE/${2%.pid}.port"
}

case "${1:-}" in
  start)
    need_root; mkdir -p "$STATE"
    case " $WANT " in *" postgres "*) start_postgres ;; esac
    case " $WANT " in *" mysql "*) start_mysql ;; esac
    write_env ;;
  env) [ -f "$ENV_FILE" ] && cat "$ENV_FILE" ;;
  stop)
    # SIGINT is PostgreSQL's "fast" shutdown (SIGTERM would wait for every client to disconnect).
    stop_one PostgreSQL pg.pid pg.dir INT
    stop_one MariaDB my.pid my.dir TERM
    rm -f "$ENV_FILE" ;;
  *) echo "usage: $0 start|env|stop" >&2; exit 2 ;;
esac
