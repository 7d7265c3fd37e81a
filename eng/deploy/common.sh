# Shared by rollback.sh and canary.sh: how az is called, and what --dry-run does.
# Reads (list, show) always run, so a dry run plans from the real state; changes are printed instead of run.

dry_run=false
resource_group="${AZURE_RESOURCE_GROUP:-${AZURE_ENV_NAME:+rg-$AZURE_ENV_NAME}}"

# Runs a read-only az command and prints its output.
az_read() {
  az "$@"
}

# Runs an az command that changes something, or prints it under --dry-run.
az_change() {
  if $dry_run; then
    printf 'would run: az'
    printf ' %q' "$@"
    printf '\n'
  else
    echo "+ az $*" >&2
    az "$@"
  fi
}

require_resource_group() {
  if [ -z "$resource_group" ]; then
    echo "No resource group: pass --resource-group RG, or set AZURE_RESOURCE_GROUP (azd env get-values prints it)." >&2
    exit 2
  fi
}

# Revisions of an app as JSON, newest first.
revisions_newest_first() {
  az_read containerapp revision list --name "$1" --resource-group "$resource_group" --all --output json \
    | jq 'sort_by(.properties.createdTime) | reverse'
}
