#!/usr/bin/env bash
# Starts the whole system with the Aspire dashboard: the gateway on http://localhost:5080, the dashboard on http://localhost:15080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/prerequisites.sh
source eng/direct-launch/enable.sh
exec dotnet run --project AppHost "$@"
