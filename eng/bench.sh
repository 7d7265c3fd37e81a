#!/usr/bin/env bash
# Runs the benchmark suite (docs/benchmarks.md) against the whole system with its backing services as local processes:
#   bash eng/bench.sh           full run (about 10 minutes after the build)
#   bash eng/bench.sh --quick   about 2 minutes after start-up, rough figures
# Writes bench/results/latest.json and bench/results/latest.md. Benchmarks are not tests: nothing here asserts a timing.
set -euo pipefail
cd "$(dirname "$0")/.."

export BackingServices__Mode=LocalProcesses
bash eng/prerequisites.sh

# wrk drives the load and nginx is the baseline reverse proxy; both from the distribution's packages.
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
{ command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "The benchmark needs ${missing[*]}: install them with your package manager and run this again." >&2
    exit 1
  fi
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  echo "Installing ${missing[*]} for the benchmark..."
  # The benchmark starts its own nginx in the foreground: keep the package from starting a system-wide one.
  policy_added=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee /usr/sbin/policy-rc.d >/dev/null
    "${sudo_cmd[@]}" chmod +x /usr/sbin/policy-rc.d
    policy_added=yes
  fi
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ -n "$policy_added" ] && "${sudo_cmd[@]}" rm -f /usr/sbin/policy-rc.d
fi
export PATH="$PATH:/usr/sbin"

# Recorded before the build, which keeps the cores busy for a while: it tells whether other work was running.
load_before_build=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)

# Release build: the AppHost starts every service in its own build configuration.
dotnet build Benchmarks/AspireMsa.Benchmarks/AspireMsa.Benchmarks.csproj -c Release -nologo -v quiet

server_names=(postgres redis-server beam.smp epmd dcp prometheus alertmanager prometheus-aler nginx wrk Identity.Api Catalog.Api Ordering.Api Inventory.Api Gateway)
server_pids() { for name in "${server_names[@]}"; do pgrep -x "$name" || true; done | sort; }
servers_before=$(server_pids)
# A process the run left behind has lost its parent (DCP or this benchmark) and hangs from PID 1; others' runs keep theirs.
orphaned() { comm -13 <(echo "$servers_before") <(server_pids) | xargs -r ps -o pid=,ppid=,args= -p 2>/dev/null | awk '$2 == 1' || true; }

work=$(mktemp -d "${TMPDIR:-/tmp}/aspiremsa-bench.XXXXXX")
cleanup() {
  # Only if the benchmark itself was killed: DCP stops the system's processes, this ends the ones the benchmark started.
  for pid_file in "$work"/nginx/nginx.pid "$work"/wrk.pid; do
    [ -f "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

status=0
dotnet Benchmarks/AspireMsa.Benchmarks/bin/Release/net10.0/AspireMsa.Benchmarks.dll \
  --work-dir "$work" --output bench/results --load-before-build "$load_before_build" "$@" || status=$?

# Process hygiene: nothing the run started may outlive it (DCP needs a moment to stop the servers).
orphans=""
for _ in $(seq 1 30); do
  orphans=$(orphaned)
  [ -z "$orphans" ] && break
  sleep 1
done
if [ -n "$orphans" ]; then
  echo "Processes left behind by the benchmark:"; echo "$orphans"
  status=1
fi
exit $status
