#!/usr/bin/env bash
# Covet's test cluster: three MariaDB Galera nodes on 127.0.0.1, each with its own data folder, socket, pid file
# and ports under $GALERA_BASE, configured by --defaults-file only (nothing from /etc/mysql), so the system
# server on 3306 is never touched. Prints one JDBC URL per node (jdbc:mysql://127.0.0.1:PORT/?user=root).
# Env: GALERA_BASE (/tmp/covet-galera), GALERA_PORT (4306: SQL ports PORT..PORT+2; group communication +261..,
#      IST +271.., SST +138..), JOIN_TIMEOUT (240 s per node), GALERA_INSTALL=1 installs galera-4/rsync when missing.
# Exit 0 with three Synced nodes, 1 otherwise (and whatever was started is stopped again).
set -euo pipefail
BASE=${GALERA_BASE:-/tmp/covet-galera}
PORT=${GALERA_PORT:-4306}
JOIN_TIMEOUT=${JOIN_TIMEOUT:-240}
PROVIDER=/usr/lib/galera/libgalera_smm.so
HERE=$(cd "$(dirname "$0")" && pwd)
sql_port() { echo $((PORT + $1 - 1)); }
gcomm_port() { echo $((PORT + 261 + $1 - 1)); }
ist_port() { echo $((PORT + 271 + $1 - 1)); }
sst_port() { echo $((PORT + 138 + $1 - 1)); }

say() { echo "galera: $*" >&2; }
refuse() { say "$*"; exit 1; }                     # nothing started yet
abandon() { say "$*"; GALERA_BASE=$BASE "$HERE/stop-cluster.sh" >&2 || true; exit 1; }

if [ "${GALERA_INSTALL:-0}" = 1 ] && { [ ! -r "$PROVIDER" ] || ! command -v rsync >/dev/null; }; then
  say "installing galera-4 and rsync"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq galera-4 rsync >/dev/null \
    || refuse "apt-get install galera-4 rsync failed"
fi
[ -r "$PROVIDER" ] || refuse "no Galera provider at $PROVIDER (apt-get install galera-4)"
for tool in /usr/sbin/mariadbd mariadb mariadb-install-db rsync wsrep_sst_rsync ss; do
  command -v "$tool" >/dev/null || refuse "$tool not found (apt-get install mariadb-server galera-4 rsync)"
done
[ -e "$BASE" ] && refuse "$BASE exists: a cluster is running or was left behind; run stop-cluster.sh"
for n in 1 2 3; do
  for p in $(sql_port $n) $(gcomm_port $n) $(ist_port $n) $(sst_port $n); do
    if ss -Hltn "sport = :$p" | grep -q .; then refuse "port $p is taken (set GALERA_PORT)"; fi
  done
done

# As root, mariadbd runs as mysql, which must be able to reach the data folders.
if [ "$(id -u)" = 0 ]; then OWNER=mysql; USER_OPTION="user=mysql"; else OWNER=$(id -un); USER_OPTION=""; fi
MEMBERS="gcomm://127.0.0.1:$(gcomm_port 1),127.0.0.1:$(gcomm_port 2),127.0.0.1:$(gcomm_port 3)"
mkdir -p "$BASE"
chmod 755 "$BASE"
for n in 1 2 3; do
  dir=$BASE/node$n
  mkdir -p "$dir/data"
  cat > "$dir/my.cnf" <<CNF
[mysqld]
$USER_OPTION
datadir=$dir/data
socket=$dir/mysqld.sock
pid-file=$dir/mysqld.pid
log-error=$dir/error.log
port=$(sql_port $n)
bind-address=127.0.0.1
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_general_ci
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=64M
innodb_log_file_size=16M
innodb_flush_log_at_trx_commit=0
max_connections=200
wsrep_on=ON
wsrep_provider=$PROVIDER
wsrep_cluster_name=covet_test
wsrep_cluster_address=$MEMBERS
wsrep_node_name=node$n
wsrep_node_address=127.0.0.1:$(gcomm_port $n)
wsrep_node_incoming_address=127.0.0.1:$(sql_port $n)
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$(sst_port $n)
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(gcomm_port $n);ist.recv_addr=127.0.0.1:$(ist_port $n);gcache.size=32M"
CNF
done
chown -R "$OWNER" "$BASE"

# A fresh system schema on the first node only: the others receive a full copy (SST by rsync) when they join.
mariadb-install-db --no-defaults --user="$OWNER" --datadir="$BASE/node1/data" --skip-test-db \
  --auth-root-authentication-method=normal > "$BASE/install-db.log" 2>&1 \
  || abandon "mariadb-install-db failed; see $BASE/install-db.log"

status() { mariadb --no-defaults --protocol=TCP -h127.0.0.1 -P"$(sql_port "$1")" -uroot -N -B \
  -e "SHOW STATUS LIKE '$2'" 2>/dev/null | cut -f2; }
launch() {
  local n=$1; shift
  setsid nohup /usr/sbin/mariadbd --defaults-file="$BASE/node$n/my.cnf" "$@" \
    > "$BASE/node$n/stdout.log" 2>&1 < /dev/null &
  echo $! > "$BASE/node$n/launcher.pid"
}
await_synced() {
  local n=$1 began=$SECONDS
  until [ "$(status "$n" wsrep_local_state_comment)" = Synced ]; do
    if ! kill -0 "$(cat "$BASE/node$n/launcher.pid")" 2>/dev/null; then
      tail -20 "$BASE/node$n/error.log" >&2; abandon "node$n exited while joining"
    fi
    if [ $((SECONDS - began)) -ge "$JOIN_TIMEOUT" ]; then
      tail -20 "$BASE/node$n/error.log" >&2; abandon "node$n not Synced within ${JOIN_TIMEOUT}s"
    fi
    sleep 0.5
  done
  say "node$n Synced after $((SECONDS - began))s"
}

launch 1 --wsrep-new-cluster
await_synced 1
# One joiner at a time: each takes a full state copy from a donor, and two at once double the load.
launch 2; await_synced 2
launch 3; await_synced 3
for n in 1 2 3; do
  [ "$(status "$n" wsrep_cluster_size)" = 3 ] || abandon "node$n does not see 3 members"
done
say "3 nodes Synced in ${SECONDS}s under $BASE"
for n in 1 2 3; do echo "jdbc:mysql://127.0.0.1:$(sql_port $n)/?user=root"; done
