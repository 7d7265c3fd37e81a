#!/usr/bin/env bash
# Runs every test: unit tests and integration tests against the real AppHost (PostgreSQL, Redis, RabbitMQ and all services).
# TRX results go to TestResults/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/prerequisites.sh
source eng/direct-launch/enable.sh
# The storefront's browser tests drive the OS's Chromium through Playwright (offline: no browser download).
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing chromium for the storefront's browser tests"
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  { "${sudo_cmd[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq chromium; } >/dev/null
fi
# Tiered PGO instruments every method's early calls so that long-lived processes get faster code later. A test run's
# processes (the test host and each system's services, which inherit this variable) live for minutes: measured here, one
# system's start took 64 s of CPU instead of 86 s, and 48 s instead of 55 s.
export DOTNET_TieredPGO=0
exec dotnet test AspireMsa.sln --logger "trx" --logger "console;verbosity=normal" --results-directory TestResults "$@"
