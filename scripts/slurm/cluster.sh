#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for `make test-cluster` (scripts/slurm/test-cluster.sh).
#
#   cluster.sh install      install slurm-wlm and munge with apt-get when a command is missing
#   cluster.sh running      exit 0 when a cluster answers (SLURM_CONF, else /etc/slurm/slurm.conf)
#                           and has a node ready for jobs
#   cluster.sh start DIR    start munged, slurmctld and slurmd with everything (config, keys,
#                           sockets, state, logs, pid files) inside the new folder DIR; print
#                           the slurm.conf path; the clients find it with SLURM_CONF=DIR/slurm.conf
#   cluster.sh stop DIR     stop the daemons that `start DIR` started (their pid files only)
#
# The cluster is the smallest that runs job arrays: no accounting, ProctrackType=proctrack/pgid
# and TaskPlugin=task/none (no cgroups, so it runs in a container), select/cons_tres, the
# node line from `slurmd -C`, every daemon as root on 127.0.0.1, its own munged on its own
# socket so a munged of the machine is never touched.
set -euo pipefail

say() { echo "cluster: $*" >&2; }

install() {
  local missing=()
  for command in sbatch scontrol sinfo slurmctld slurmd munged; do
    command -v "$command" >/dev/null 2>&1 || missing+=("$command")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "missing ${missing[*]}: installing slurm-wlm and munge with apt-get"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get -o DPkg::Lock::Timeout=300 update -qq
  # No recommends: the daemons and clients are all a one-node cluster needs.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
    --no-install-recommends slurm-wlm munge >/dev/null
}

running() {
  command -v scontrol >/dev/null 2>&1 || return 1
  if [ -z "${SLURM_CONF:-}" ] && [ ! -f /etc/slurm/slurm.conf ]; then return 1; fi
  timeout 10 scontrol ping 2>/dev/null | grep -q 'is UP' || return 1
  # A node that can take a job: idle, mixed or allocated (busy but up).
  timeout 10 sinfo -h -o '%T' 2>/dev/null | grep -Eq '^(idle|mixed|allocated|completing)'
}

# A TCP port on 127.0.0.1 that nothing listens on, from $1 up.
free_port() {
  local port=$1
  while (: </dev/tcp/127.0.0.1/"$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

wait_for() { # SECONDS DESCRIPTION COMMAND…
  local seconds=$1 what=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      say "timed out after ${seconds}s waiting for $what"
      return 1
    fi
    sleep 0.5
  done
}

start() {
  local dir=$1
  [ -n "$dir" ] || { say "usage: cluster.sh start DIR"; return 2; }
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  chmod 700 "$dir"
  mkdir -p "$dir/munge" "$dir/state" "$dir/spool"
  chmod 700 "$dir/munge"

  # munge: a fresh key and a socket of our own.
  head -c 1024 /dev/urandom >"$dir/munge/munge.key"
  chmod 400 "$dir/munge/munge.key"
  munged --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" \
    --seed-file="$dir/munge/munged.seed" --force
  wait_for 15 "munged" test -S "$dir/munge/munge.socket"

  local host ctld_port slurmd_port node
  host=$(hostname -s)
  ctld_port=$(free_port 6817)
  slurmd_port=$(free_port $((ctld_port + 1)))
  # The node as slurmd sees the hardware: NodeName=… CPUs=… RealMemory=… (its first line).
  node=$(slurmd -C 2>/dev/null | head -n 1)
  case "$node" in NodeName=*) ;; *)
    say "slurmd -C printed no node line: $node"
    return 1
    ;;
  esac
  cat >"$dir/slurm.conf" <<EOF
# Written by scripts/slurm/cluster.sh: a one-node cluster for peaksim's test-cluster.
ClusterName=peaksim-ci
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/pgid
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
MinJobAge=600
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=ci Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld
  wait_for 30 "slurmctld" sh -c 'scontrol ping | grep -q "is UP"'
  slurmd
  if ! wait_for 60 "the node to be idle" sh -c "sinfo -h -o %T | grep -Eq '^(idle|mixed|allocated)'"; then
    sinfo >&2 || true
    tail -n 20 "$dir/slurmd.log" "$dir/slurmctld.log" >&2 || true
    return 1
  fi
  say "one-node cluster up (slurmctld port $ctld_port, slurmd port $slurmd_port, state in $dir)"
  echo "$dir/slurm.conf"
}

stop() {
  local dir=$1
  [ -n "$dir" ] || { say "usage: cluster.sh stop DIR"; return 2; }
  local file pid
  # slurmd first (it may still be ending job steps), then slurmctld, then munged.
  for file in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
    [ -f "$file" ] || continue
    pid=$(cat "$file")
    case "$pid" in '' | *[!0-9]*) continue ;; esac
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  done
}

case "${1:-}" in
install) install ;;
running) running ;;
start) start "${2:-}" ;;
stop) stop "${2:-}" ;;
*)
  echo "usage: cluster.sh install | running | start DIR | stop DIR" >&2
  exit 2
  ;;
esac
