#!/usr/bin/env bash
# Platform canary: sends WEIGHT% of an app's traffic to its newest revision and the rest to the one before it.
# Only apps in multiple-revision mode (gateway, catalog-v1, catalog-v2) can split. The in-app canary of the catalog
# (gateway weights between catalog-v1 and catalog-v2) is separate: docs/traffic-split.md.
#   eng/deploy/canary.sh APP WEIGHT [--resource-group RG] [--dry-run]
set -euo pipefail
source "$(dirname "$0")/common.sh"

usage() { echo "usage: $0 APP WEIGHT [--resource-group RG] [--dry-run]" >&2; exit 2; }

positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --resource-group|-g) resource_group="${2:?}"; shift ;;
    --dry-run) dry_run=true ;;
    -*) usage ;;
    *) positional+=("$1") ;;
  esac
  shift
done
[ ${#positional[@]} -eq 2 ] || usage
app="${positional[0]}"
weight="${positional[1]}"
if ! [[ "$weight" =~ ^[0-9]+$ ]] || [ "$weight" -gt 100 ]; then
  echo "WEIGHT must be a whole number from 0 to 100, not '$weight'." >&2
  exit 2
fi
require_resource_group

mode=$(az_read containerapp show --name "$app" --resource-group "$resource_group" \
  --query properties.configuration.activeRevisionsMode --output tsv)
if [ "${mode,,}" != "multiple" ]; then
  echo "$app runs in single-revision mode: its traffic cannot be split (see activeRevisionsMode in AppHost/infra/$app.tmpl.yaml)." >&2
  exit 1
fi

revisions=$(revisions_newest_first "$app")
if [ "$(jq 'length' <<<"$revisions")" -lt 2 ]; then
  echo "$app has fewer than two revisions: deploy the new one first." >&2
  exit 1
fi
newest=$(jq -r '.[0].name' <<<"$revisions")
previous=$(jq -r '.[1].name' <<<"$revisions")
for revision in "$newest" "$previous"; do
  if [ "$(jq -r --arg r "$revision" '.[] | select(.name == $r) | .properties.active' <<<"$revisions")" != "true" ]; then
    az_change containerapp revision activate --name "$app" --resource-group "$resource_group" --revision "$revision"
  fi
done

echo "$app: $weight% to $newest, $((100 - weight))% to $previous"
az_change containerapp ingress traffic set --name "$app" --resource-group "$resource_group" \
  --revision-weight "$newest=$weight" "$previous=$((100 - weight))"
