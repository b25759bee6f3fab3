#!/usr/bin/env bash
# Stops the cluster start-cluster.sh started and deletes $GALERA_BASE. Only processes whose command line names a
# path under $GALERA_BASE (mariadbd, its state-copy scripts, rsync) are signalled, each by its PID.
set -uo pipefail
BASE=${GALERA_BASE:-/tmp/covet-galera}
case "$BASE" in /?*/*|/tmp*) ;; *) echo "galera: refusing GALERA_BASE=$BASE" >&2; exit 1;; esac
belongs() {
  local name
  read -r name 2>/dev/null < "/proc/$1/comm" || return 1
  case "$name" in mariadbd|rsync|wsrep_sst_*) ;; *) return 1;; esac
  tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null | grep -qF "$BASE/"
}
stop_pid() {
  local pid=$1
  belongs "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  echo "galera: $pid did not stop in 30 s; SIGKILL" >&2
  kill -KILL "$pid" 2>/dev/null
}
for n in 3 2 1; do                       # the bootstrap node last, so the others leave a live cluster
  for f in "$BASE/node$n/mysqld.pid" "$BASE/node$n/launcher.pid"; do
    [ -r "$f" ] && stop_pid "$(cat "$f")"
  done
done
for p in /proc/[0-9]*; do                # whatever is left: a crashed node's state-copy helpers
  pid=${p#/proc/}
  if belongs "$pid"; then kill -KILL "$pid" 2>/dev/null; fi
done
rm -rf "$BASE"
echo "galera: stopped, $BASE removed" >&2
