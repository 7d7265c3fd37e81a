# Sourced by eng/run.sh and eng/test.sh: puts eng/direct-launch/dotnet first on PATH, so the orchestrator starts each
# built project directly instead of through a resident `dotnet run` (see that script for why and what it saves).
# ASPIREMSA_DIRECT_LAUNCH=0 keeps `dotnet run`.
if [ "${ASPIREMSA_DIRECT_LAUNCH:-1}" != 0 ] && [ -z "${ASPIREMSA_REAL_DOTNET:-}" ]; then
  ASPIREMSA_REAL_DOTNET="$(command -v dotnet)"
  export ASPIREMSA_REAL_DOTNET
  PATH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd):$PATH"
  export PATH
fi
