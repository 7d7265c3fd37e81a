#!/usr/bin/env bash
# Runs every test: unit tests and integration tests against the real AppHost (PostgreSQL, Redis, RabbitMQ and all services).
# TRX results go to TestResults/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/prerequisites.sh
exec dotnet test AspireMsa.sln --logger "trx" --logger "console;verbosity=normal" --results-directory TestResults "$@"
