#!/usr/bin/env bash
# Moves all traffic of a container app (or of every app of the environment) back to its previous healthy revision,
# then verifies the app is healthy again. docs/operations.md, "Rollback".
#   eng/deploy/rollback.sh APP|--all [--resource-group RG] [--dry-run] [--timeout SECONDS]
set -euo pipefail
source "$(dirname "$0")/common.sh"

usage() { echo "usage: $0 APP|--all [--resource-group RG] [--dry-run] [--timeout SECONDS]" >&2; exit 2; }

target=""
timeout_seconds=300
while [ $# -gt 0 ]; do
  case "$1" in
    --all) target="--all" ;;
    --resource-group|-g) resource_group="${2:?}"; shift ;;
    --dry-run) dry_run=true ;;
    --timeout) timeout_seconds="${2:?}"; shift ;;
    -*) usage ;;
    *) target="$1" ;;
  esac
  shift
done
[ -n "$target" ] || usage
require_resource_group

# The revision serving now is the one with the most traffic; the one to go back to is the newest revision created
# before it that provisioned and is not reported unhealthy (an inactive revision reports no health).
rollback_app() {
  local app="$1" revisions current previous mode
  # Called under `||` in the --all loop, where errexit is off: each read stops this app on failure itself.
  revisions=$(revisions_newest_first "$app") || return 1
  current=$(jq -r 'max_by(.properties.trafficWeight // 0) | .name' <<<"$revisions")
  previous=$(jq -r --arg current "$current" '
    (map(.name) | index($current)) as $at
    | .[$at + 1:]
    | map(select(.properties.provisioningState == "Provisioned" and .properties.healthState != "Unhealthy"))
    | first | .name // empty' <<<"$revisions")
  if [ -z "$previous" ]; then
    echo "$app: no healthy revision before $current; nothing to roll back to." >&2
    return 1
  fi
  echo "$app: moving 100% of traffic from $current to $previous"

  # Traffic can only be split in multiple-revision mode, and only to an active revision.
  mode=$(az_read containerapp show --name "$app" --resource-group "$resource_group" \
    --query properties.configuration.activeRevisionsMode --output tsv) || return 1
  if [ "${mode,,}" != "multiple" ]; then
    az_change containerapp revision set-mode --name "$app" --resource-group "$resource_group" --mode multiple || return 1
  fi
  if [ "$(jq -r --arg r "$previous" '.[] | select(.name == $r) | .properties.active' <<<"$revisions")" != "true" ]; then
    az_change containerapp revision activate --name "$app" --resource-group "$resource_group" --revision "$previous" || return 1
  fi

  # Every revision that has traffic now gets 0, so the weights add up to 100.
  local weights=("$previous=100") other
  for other in $(jq -r --arg p "$previous" '.[] | select(.name != $p and (.properties.trafficWeight // 0) > 0) | .name' <<<"$revisions"); do
    weights+=("$other=0")
  done
  az_change containerapp ingress traffic set --name "$app" --resource-group "$resource_group" --revision-weight "${weights[@]}" || return 1

  verify_health "$app" "$previous"
}

verify_health() {
  local app="$1" revision="$2"
  if $dry_run; then
    echo "would verify: revision $revision of $app reports Healthy, and its /health answers through the app's FQDN (external apps)"
    return 0
  fi
  local deadline=$((SECONDS + timeout_seconds)) state fqdn external
  until state=$(az_read containerapp revision show --name "$app" --resource-group "$resource_group" --revision "$revision" \
      --query properties.healthState --output tsv) && [ "$state" = "Healthy" ]; do
    if [ $SECONDS -ge $deadline ]; then
      echo "$app: revision $revision is $state after ${timeout_seconds}s" >&2
      return 1
    fi
    sleep 5
  done
  external=$(az_read containerapp show --name "$app" --resource-group "$resource_group" --query properties.configuration.ingress.external --output tsv)
  if [ "$external" = "true" ]; then
    fqdn=$(az_read containerapp show --name "$app" --resource-group "$resource_group" --query properties.configuration.ingress.fqdn --output tsv)
    until curl --fail --silent --show-error --max-time 10 "https://$fqdn/health" >/dev/null; do
      if [ $SECONDS -ge $deadline ]; then
        echo "$app: https://$fqdn/health does not answer healthy" >&2
        return 1
      fi
      sleep 5
    done
  fi
  echo "$app: $revision is healthy and serves 100% of traffic"
}

if [ "$target" = "--all" ]; then
  failed=0
  for app in $(az_read containerapp list --resource-group "$resource_group" --output json | jq -r '.[].name' | sort); do
    rollback_app "$app" || failed=1
  done
  exit $failed
fi
rollback_app "$target"
