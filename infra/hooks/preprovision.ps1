# azd preprovision hook (Windows): the same as preprovision.sh. Makes sure Webhooks:ProtectionKey and
# Webhooks:SignatureSecret exist in Key Vault, created ONCE and never rotated by a later provision:
#   - present           -> the parameter is left empty, so main.bicep does not write the secret;
#   - absent / no vault -> a value is generated into the azd environment (once) and main.bicep writes it;
#   - cannot tell       -> the parameter is left empty (never overwrite blindly) and a warning says why.
# Values are never printed.
$ErrorActionPreference = 'Stop'

function Get-AzdValue([string] $Name) {
    $value = azd env get-value $Name 2>$null
    if ($LASTEXITCODE -ne 0) { $global:LASTEXITCODE = 0; return '' }
    return "$value".Trim()
}

$vaultUri = Get-AzdValue 'KEY_VAULT_URI'
$token = ''
if ($vaultUri) {
    $json = azd auth token --scope https://vault.azure.net/.default --output json 2>$null
    if ($LASTEXITCODE -eq 0) { $token = ($json | ConvertFrom-Json).token } else { $global:LASTEXITCODE = 0 }
}

function Get-SecretState([string] $Secret) {
    if (-not $vaultUri) { return 'missing' }
    if (-not $token) { return 'unknown' }
    try {
        $response = Invoke-WebRequest -Uri "$($vaultUri.TrimEnd('/'))/secrets/$($Secret)?api-version=7.4" `
            -Headers @{ Authorization = "Bearer $token" } -SkipHttpErrorCheck -UseBasicParsing
    }
    catch [System.Net.Http.HttpRequestException] {
        # The vault's host does not resolve: it is gone. Anything else: cannot tell.
        if ($_.Exception.InnerException -is [System.Net.Sockets.SocketException]) { return 'missing' }
        return 'unknown'
    }
    switch ($response.StatusCode) {
        200 { return 'exists' }
        404 { return 'missing' }
        default { return 'unknown' }
    }
}

function New-ProtectionKey { [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32)) }
function New-SignatureSecret { [Convert]::ToHexString([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32)).ToLowerInvariant() }

function Confirm-Secret([string] $Variable, [string] $Secret, [scriptblock] $Generate) {
    switch (Get-SecretState $Secret) {
        'exists' {
            azd env set $Variable '' | Out-Null
            Write-Host "${Secret}: in Key Vault already, left as it is."
        }
        'missing' {
            if (-not (Get-AzdValue $Variable)) {
                azd env set $Variable (& $Generate) | Out-Null
                Write-Host "${Secret}: generated; this provision writes it to Key Vault."
            }
            else {
                Write-Host "${Secret}: generated earlier, not yet in Key Vault; this provision writes it."
            }
        }
        default {
            azd env set $Variable '' | Out-Null
            Write-Warning "${Secret}: cannot read $vaultUri (need Key Vault Secrets Officer, or run 'azd auth login'); the secret is left untouched."
        }
    }
}

Confirm-Secret 'WEBHOOK_PROTECTION_KEY' 'webhook-protection-key' { New-ProtectionKey }
Confirm-Secret 'WEBHOOK_SIGNATURE_SECRET' 'webhook-signature-secret' { New-SignatureSecret }
