#!/usr/bin/env bash
# Source-quality pre-checks, the same locally, in .ci/run and in GitHub's CI (docs/operations.md, "Pipeline"):
#   1. format: dotnet format's whitespace check over the sources (--folder: no solution load, seconds instead of a minute);
#   2. build: the solution with analyzers and code style as errors (Directory.Build.props: TreatWarningsAsErrors,
#      AnalysisLevel, EnforceCodeStyleInBuild). The build reports every style and analyzer finding `dotnet format`'s
#      other two passes would, at the same severities, so running those passes as well would analyze everything twice;
#   3. manifest: the AppHost publishes the Aspire manifest azd deploys, and it equals the approved snapshot
#      (infra/aspire-manifest.snapshot.json; UPDATE_SNAPSHOTS=1 approves a change).
# Usage: eng/prechecks.sh [--no-build]   (--no-build: the solution is built already; reuse it)
# TRX results of step 3 go to $TEST_RESULTS_DIRECTORY (default TestResults/).
set -euo pipefail
cd "$(dirname "$0")/.."

build=true
for argument in "$@"; do
  case "$argument" in
    --no-build) build=false ;;
    *) echo "usage: $0 [--no-build]" >&2; exit 2 ;;
  esac
done
results="${TEST_RESULTS_DIRECTORY:-TestResults}"

step() {
  local name="$1"; shift
  local started=$SECONDS
  echo "== pre-check: $name"
  if "$@"; then
    echo "== pre-check: $name passed ($((SECONDS - started)) s)"
  else
    echo "== pre-check: $name FAILED ($((SECONDS - started)) s)" >&2
    exit 1
  fi
}

if $build; then
  step "restore" dotnet restore AspireMsa.sln --verbosity quiet
fi
step "format (dotnet format whitespace --verify-no-changes)" \
  dotnet format whitespace --folder --verify-no-changes --exclude '**/bin/**' '**/obj/**' -- .
if $build; then
  step "build with analyzers as errors" dotnet build AspireMsa.sln --no-restore --nologo --verbosity quiet
fi
step "manifest publish and snapshot" dotnet test Tests/AspireMsa.DeploymentTests --no-build --nologo \
  --filter "FullyQualifiedName~ManifestSnapshotTests" --logger "trx;LogFilePrefix=prechecks" --results-directory "$results"
