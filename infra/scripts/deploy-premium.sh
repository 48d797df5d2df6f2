#!/usr/bin/env bash
# Deploys the Function App on an Elastic Premium plan (AZURE_FUNCTIONS_PLAN=EP1..EP3). Such an app has no key-based
# Azure Files content share, so it runs from a package blob (WEBSITE_RUN_FROM_PACKAGE), fetched with its own
# identity; azd's zip deploy does not apply to it. This script publishes, uploads the package with your Entra
# identity (Storage Blob Data Contributor on the container, granted to AZURE_PRINCIPAL_ID by main.bicep), restarts
# the app and syncs its triggers. Needs: azd (an environment after `azd provision`), az (signed in), dotnet, zip.
set -euo pipefail
cd "$(dirname "$0")/../.."

value() { azd env get-value "$1"; }
resource_group="$(value AZURE_RESOURCE_GROUP)"
app="$(value FUNCTION_APP_NAME)"
account="$(value STORAGE_ACCOUNT_NAME)"
container="$(value PACKAGE_CONTAINER)"
blob="$(value PACKAGE_BLOB)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet publish CoupaFunctions/CoupaFunctions.csproj -c Release -o "$work/app"
(cd "$work/app" && zip -qr "$work/package.zip" .)

az storage blob upload --auth-mode login --account-name "$account" --container-name "$container" \
  --name "$blob" --file "$work/package.zip" --overwrite --only-show-errors
az functionapp restart --resource-group "$resource_group" --name "$app"
az resource invoke-action --action syncfunctiontriggers --resource-group "$resource_group" --name "$app" \
  --resource-type Microsoft.Web/sites --only-show-errors >/dev/null
echo "Deployed to https://$(az functionapp show --resource-group "$resource_group" --name "$app" --query defaultHostName -o tsv)"
