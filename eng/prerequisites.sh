#!/usr/bin/env bash
# Makes the machine ready to run AspireMsa: with a container engine only promtool (the alert rules' unit tests) is
# needed; without one, PostgreSQL, Redis, RabbitMQ, Prometheus and Alertmanager run as local processes from the OS
# packages. This script installs what is missing.
set -euo pipefail

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK (10.0) is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

# The deployment scripts (eng/deploy/*.sh) read az's JSON with jq; their tests run everywhere.
if ! command -v jq >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  echo "Installing jq for eng/deploy/*.sh"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq; } >/dev/null
fi

container_runtime_answers() {
  local runtime
  for runtime in ${ASPIRE_CONTAINER_RUNTIME:-docker podman}; do
    if command -v "$runtime" >/dev/null 2>&1 && "$runtime" container ls -n 1 >/dev/null 2>&1; then
      return 0
    fi
  done
  return 1
}

mode="${BackingServices__Mode:-Auto}"
containers=false
if [ "$mode" = "Containers" ] || { [ "$mode" = "Auto" ] && container_runtime_answers; }; then
  containers=true
fi

missing=()
if $containers; then
  # The servers run as containers; only promtool, which unit-tests the alert rules, comes from the OS (Debian's
  # prometheus package, whose server is kept from starting below).
  command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
else
  compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || command -v initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  { [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || command -v rabbitmq-server >/dev/null 2>&1; } || missing+=(rabbitmq-server)
  command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
  { command -v prometheus-alertmanager >/dev/null 2>&1 || command -v alertmanager >/dev/null 2>&1; } || missing+=(prometheus-alertmanager)
fi

if [ ${#missing[@]} -eq 0 ]; then
  if $containers; then
    echo "Backing services: containers."
  else
    echo "Backing services: local processes (PostgreSQL, Redis, RabbitMQ, Prometheus and Alertmanager are installed)."
  fi
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "These packages are missing: ${missing[*]}." >&2
  echo "Install them with your package manager (or start Docker/Podman) and run this again." >&2
  exit 1
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi

# The packages' install scripts start their servers as system daemons; the AppHost runs its own instances instead, so
# a policy-rc.d that refuses every start (Debian's documented switch) keeps them from starting, unless one exists.
policy=/usr/sbin/policy-rc.d
added_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\n# Added by AspireMsa eng/prerequisites.sh while installing packages; removed right after.\nexit 101\n' \
    | "${sudo_cmd[@]}" tee "$policy" >/dev/null
  "${sudo_cmd[@]}" chmod 755 "$policy"
  added_policy=true
fi
remove_policy() { if [ "$added_policy" = true ]; then "${sudo_cmd[@]}" rm -f "$policy"; fi; }
trap remove_policy EXIT

if $containers; then
  echo "Installing ${missing[*]} (for promtool)..."
else
  echo "Installing ${missing[*]} (no container engine answers, so they run as local processes)..."
fi
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

# Under systemd the new units are still enabled for the next boot: disable them (and stop any that started anyway), so
# only the AppHost's own instances run. Each package's unit has the package's name; units installed before are left alone.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  for unit in "${missing[@]}"; do
    "${sudo_cmd[@]}" systemctl disable --now "$unit" >/dev/null 2>&1 || true
  done
fi
if $containers; then
  echo "Backing services: containers."
else
  echo "Backing services: local processes."
fi
