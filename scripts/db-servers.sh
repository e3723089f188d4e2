#!/usr/bin/env bash
# Starts (or stops) throwaway PostgreSQL 15 and MariaDB 10.11 servers on loopback for the tests.
#
#   scripts/db-servers.sh start   # installs what is missing, starts both, prints `export ...` lines
#   scripts/db-servers.sh env     # prints the `export ...` lines of the running servers
#   scripts/db-servers.sh stop    # stops both (by the pids this script started, never by name)
#                                 # (and the cluster when MIG_TEST_SERVERS names galera)
#   scripts/db-servers.sh start-galera   # a 3-node MariaDB Galera cluster (MIG_TEST_GALERA_URLS)
#   scripts/db-servers.sh stop-galera
#   scripts/db-servers.sh galera-node kill|start N   # kill -9 / restart node N (1-3) of that cluster
#
# Data lives in a temporary directory (fsync off: these servers hold test data only). State (pids,
# ports, data directory) is kept in .servers/ at the repository root. Needs root: the PostgreSQL
# server runs as the `postgres` user (initdb refuses root), MariaDB as `mysql`, and a missing
# MariaDB is installed with apt-get. Only MIG_TEST_SERVERS=postgres or =mysql starts one of them;
# `start` includes the Galera cluster when MIG_TEST_SERVERS names `galera` (e.g. "postgres mysql galera").
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

# --- MariaDB Galera: three nodes on 127.0.0.1, each with its own client, group (gmcast), IST and
# SST port. Node 1 bootstraps the cluster (--wsrep-new-cluster) from a fresh data directory; nodes
# 2 and 3 start from copies of it and join with a full state transfer by rsync (wsrep_sst_rsync
# comes with the mariadb-server package; `--wsrep-sst-method=skip` does not work with Galera 4:
# the joiner then waits forever for an IST the donor never sends). A node restarted after a kill
# catches up by IST. Short group timeouts, so that a killed node leaves the cluster within ~3 s.
GALERA_NODES="1 2 3"

galera_install() {
  [ -x /usr/sbin/mariadbd ] || apt_install mariadb-server-core mariadb-client-core || die "MariaDB could not be installed"
  [ -f /usr/lib/galera/libgalera_smm.so ] || apt_install galera-4 || die "galera-4 could not be installed"
  if ! command -v wsrep_sst_rsync >/dev/null 2>&1 || ! command -v rsync >/dev/null 2>&1; then
    apt_install mariadb-server rsync || die "mariadb-server (SST scripts) and rsync could not be installed"
  fi
}

galera_node_alive() { alive "$(cat "$STATE/galera$1.pid" 2>/dev/null)"; }

galera_sql() { # node sql
  mariadb --no-defaults --socket="$(cat "$STATE/galera.dir")/n$1.sock" -uroot -N -e "$2"
}

galera_start_node() { # node [--wsrep-new-cluster]
  local node=$1 dir ports port gport ist sst peers=""
  dir="$(cat "$STATE/galera.dir")"
  read -r port gport ist sst < <(sed -n "${node}p" "$STATE/galera.ports")
  while read -r _ g _ _; do peers="${peers:+$peers,}127.0.0.1:$g"; done <"$STATE/galera.ports"
  # The state transfer runs the rsync script with mariadbd's arguments; it finds its tools on PATH.
  setsid /usr/sbin/mariadbd --no-defaults --user=mysql --datadir="$dir/n$node" --socket="$dir/n$node.sock" \
    --pid-file="$dir/n$node.pid" --port="$port" --bind-address=127.0.0.1 --skip-name-resolve --max-connections=300 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --skip-log-bin \
    --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --innodb-log-file-size=8M --innodb-buffer-pool-size=32M \
    --binlog-format=ROW --innodb-autoinc-lock-mode=2 --default-storage-engine=InnoDB \
    --wsrep-on=ON --wsrep-provider=/usr/lib/galera/libgalera_smm.so --wsrep-cluster-name=mig-test \
    --wsrep-cluster-address="gcomm://$peers" --wsrep-node-name="node$node" --wsrep-node-address=127.0.0.1 \
    --wsrep-node-incoming-address="127.0.0.1:$port" --wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:$sst" \
    --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$gport;ist.recv_addr=127.0.0.1:$ist;gcache.size=16M;evs.suspect_timeout=PT2S;evs.inactive_timeout=PT3S;evs.install_timeout=PT3S;evs.keepalive_period=PT0.5S;evs.inactive_check_period=PT0.5S" \
    ${2:-} >>"$dir/n$node.log" 2>&1 </dev/null &
  echo $! >"$STATE/galera$node.pid"
}

galera_wait_synced() { # node
  local i
  for i in $(seq 1 1200); do
    [ "$(galera_sql "$1" "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2)" = Synced ] && return 0
    galera_node_alive "$1" || { tail -30 "$(cat "$STATE/galera.dir")/n$1.log" >&2; die "Galera node $1 exited during start-up"; }
    sleep 0.1
  done
  tail -30 "$(cat "$STATE/galera.dir")/n$1.log" >&2; die "Galera node $1 did not reach Synced in 120 s"
}

start_galera() {
  if galera_node_alive 1 || galera_node_alive 2 || galera_node_alive 3; then log "Galera cluster already running"; return; fi
  stop_galera 2>/dev/null   # what a crashed run left behind
  galera_install
  id -u mysql >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin mysql
  # Below Linux's ephemeral range (32768-60999 by default): a node's IST port is bound only while it
  # rejoins, and in between any outgoing connection may take it as its source port (a restarted node
  # then cannot listen for its state transfer and aborts).
  local dir node port=23400
  dir="$(mktemp -d /tmp/mig-galera.XXXXXX)"; chown mysql:mysql "$dir"
  echo "$dir" >"$STATE/galera.dir"
  : >"$STATE/galera.ports"
  for node in $GALERA_NODES; do # client, gmcast, IST and SST ports, each the next free one
    local p1 p2 p3 p4
    p1="$(free_port "$port")"; p2="$(free_port $((p1 + 1)))"; p3="$(free_port $((p2 + 1)))"; p4="$(free_port $((p3 + 1)))"
    echo "$p1 $p2 $p3 $p4" >>"$STATE/galera.ports"; port=$((p4 + 1))
  done
  mariadb-install-db --no-defaults --user=mysql --datadir="$dir/n1" --skip-test-db --auth-root-authentication-method=socket \
    --innodb-log-file-size=8M >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; die "mariadb-install-db failed"; }
  cp -a "$dir/n1" "$dir/n2"; cp -a "$dir/n1" "$dir/n3"
  galera_start_node 1 --wsrep-new-cluster
  galera_wait_synced 1
  galera_sql 1 "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY 'root';
    GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; CREATE DATABASE IF NOT EXISTS mig_test;" || die "Galera node 1 did not accept the setup SQL"
  # One joiner at a time: two state transfers from one donor at once can leave the donor stuck in
  # Donor/Desynced (not ready for clients). Every node must be Synced before the cluster is used.
  galera_start_node 2; galera_wait_synced 2; galera_wait_synced 1
  galera_start_node 3; galera_wait_synced 3; galera_wait_synced 1; galera_wait_synced 2
  [ "$(galera_sql 1 "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2)" = 3 ] || die "the Galera cluster did not reach 3 nodes"
  log "Galera cluster on 127.0.0.1:$(cut -d' ' -f1 "$STATE/galera.ports" | paste -sd, -) (data in $dir)"
}

stop_galera() {
  local node pid
  for node in $GALERA_NODES; do
    pid="$(cat "$STATE/galera$node.pid" 2>/dev/null || true)"
    if alive "$pid"; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  for node in $GALERA_NODES; do
    pid="$(cat "$STATE/galera$node.pid" 2>/dev/null || true)"
    for _ in $(seq 1 80); do alive "$pid" || break; sleep 0.25; done
    alive "$pid" && kill -9 "$pid" 2>/dev/null || true
    rm -f "$STATE/galera$node.pid"
  done
  local dir; dir="$(cat "$STATE/galera.dir" 2>/dev/null || true)"
  [ -n "$dir" ] && case "$dir" in /tmp/mig-galera.*) rm -rf "$dir"; log "Galera cluster stopped" ;; esac
  rm -f "$STATE/galera.dir" "$STATE/galera.ports"
}

# For the tests: kill -9 a node (as a crash would), or start it again (it rejoins by IST or SST).
galera_node() { # kill|start node
  [ -f "$STATE/galera.dir" ] || die "no Galera cluster is running"
  case "$2" in 1|2|3) ;; *) die "galera-node: node must be 1, 2 or 3" ;; esac
  case "$1" in
    kill)
      local pid; pid="$(cat "$STATE/galera$2.pid" 2>/dev/null || true)"
      alive "$pid" && kill -9 "$pid"
      for _ in $(seq 1 40); do alive "$pid" || break; sleep 0.05; done
      log "Galera node $2 killed" ;;
    start)
      galera_node_alive "$2" && { log "Galera node $2 already running"; return; }
      galera_start_node "$2"; galera_wait_synced "$2"; log "Galera node $2 rejoined" ;;
    *) die "galera-node: kill or start" ;;
  esac
}

write_env() {
  : >"$ENV_FILE"
  if [ -f "$STATE/pg.port" ] && alive "$(cat "$STATE/pg.pid" 2>/dev/null)"; then
    echo "export MIG_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$(cat "$STATE/pg.port")/postgres" >>"$ENV_FILE"
  fi
  if [ -f "$STATE/my.port" ] && alive "$(cat "$STATE/my.pid" 2>/dev/null)"; then
    echo "export MIG_TEST_MYSQL_URL=mysql://root:root@127.0.0.1:$(cat "$STATE/my.port")/mig_test" >>"$ENV_FILE"
  fi
  if [ -f "$STATE/galera.ports" ]; then
    echo "export MIG_TEST_GALERA_URLS=$(cut -d' ' -f1 "$STATE/galera.ports" | sed 's|.*|mysql://root:root@127.0.0.1:&/mig_test|' | paste -sd, -)" >>"$ENV_FILE"
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
    case " $WANT " in *" galera "*) start_galera ;; esac
    write_env ;;
  start-galera) need_root; mkdir -p "$STATE"; start_galera; write_env ;;
  stop-galera) stop_galera; [ -d "$STATE" ] && write_env >/dev/null; true ;;
  galera-node) need_root; galera_node "${2:-}" "${3:-}" ;;
  env) [ -f "$ENV_FILE" ] && cat "$ENV_FILE" ;;
  stop)
    # SIGINT is PostgreSQL's "fast" shutdown (SIGTERM would wait for every client to disconnect).
    stop_one PostgreSQL pg.pid pg.dir INT
    stop_one MariaDB my.pid my.dir TERM
    case " $WANT " in *" galera "*) stop_galera ;; esac
    if [ -f "$STATE/galera.dir" ]; then write_env >/dev/null; else rm -f "$ENV_FILE"; fi ;;
  *) echo "usage: $0 start|env|stop|start-galera|stop-galera|galera-node kill|start N" >&2; exit 2 ;;
esac
