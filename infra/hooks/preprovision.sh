#!/bin/sh
# azd preprovision hook: makes sure Webhooks:ProtectionKey and Webhooks:SignatureSecret exist in Key Vault, created
# ONCE and never rotated by a later provision. A changed protection key breaks runs in flight and every status link
# handed out; a changed signature secret breaks every Rossum hook (and `coupa rossum install` may have set it).
#
# For each secret the hook asks the vault of a previous provision (KEY_VAULT_URI, an output of main.bicep):
#   - present          -> the parameter is left empty, so main.bicep does not write the secret;
#   - absent / no vault -> a value is generated into the azd environment (once) and main.bicep writes it;
#   - cannot tell       -> the parameter is left empty (never overwrite blindly) and a warning says why.
# Values are never printed.
set -eu

vault_uri="$(azd env get-value KEY_VAULT_URI 2>/dev/null)" || vault_uri=""
token=""
if [ -n "$vault_uri" ]; then
  token="$(azd auth token --scope https://vault.azure.net/.default --output json 2>/dev/null \
    | sed -n 's/.*"token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')" || token=""
fi

# exists | missing | unknown
secret_state() {
  if [ -z "$vault_uri" ]; then echo missing; return; fi
  if [ -z "$token" ]; then echo unknown; return; fi
  rc=0
  code="$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
    "${vault_uri%/}/secrets/$1?api-version=7.4" 2>/dev/null)" || rc=$?
  if [ "$rc" -eq 6 ]; then echo missing; return; fi # the vault's host does not resolve: it is gone
  case "$code" in
    200) echo exists ;;
    404) echo missing ;;
    *) echo unknown ;;
  esac
}

new_protection_key() { head -c 32 /dev/urandom | base64 | tr -d '\n'; }
new_signature_secret() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

ensure() { # $1 azd variable, $2 Key Vault secret, $3 generator
  state="$(secret_state "$2")"
  case "$state" in
    exists)
      azd env set "$1" "" >/dev/null
      echo "$2: in Key Vault already, left as it is."
      ;;
    missing)
      current="$(azd env get-value "$1" 2>/dev/null)" || current=""
      if [ -z "$current" ]; then
        azd env set "$1" "$($3)" >/dev/null
        echo "$2: generated; this provision writes it to Key Vault."
      else
        echo "$2: generated earlier, not yet in Key Vault; this provision writes it."
      fi
      ;;
    *)
      azd env set "$1" "" >/dev/null
      echo "warning: $2: cannot read $vault_uri (need Key Vault Secrets Officer, or run 'azd auth login'); the secret is left untouched." >&2
      ;;
  esac
}

ensure WEBHOOK_PROTECTION_KEY webhook-protection-key new_protection_key
ensure WEBHOOK_SIGNATURE_SECRET webhook-signature-secret new_signature_secret
