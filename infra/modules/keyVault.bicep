// Key Vault in RBAC mode: the app's fallback secrets (Coupa client secrets, Rossum tokens) and the two secrets the
// deployment generates once (see infra/README.md, "Generated secrets").

@description('Azure region of the resources.')
param location string

@description('Tags put on every resource.')
param tags object

@description('Key Vault name (3-24 letters, digits and dashes).')
@minLength(3)
@maxLength(24)
param name string

@description('Name of the secret behind Webhooks:ProtectionKey.')
param protectionKeySecretName string

@description('Name of the secret behind Webhooks:SignatureSecret (the name `coupa rossum install` reads and writes).')
param signatureSecretName string

@description('Webhooks:ProtectionKey (base64 of 32 random bytes). Written only when given: empty leaves the vault\'s secret as it is.')
@secure()
param webhookProtectionKey string = ''

@description('Webhooks:SignatureSecret (the Rossum hooks\' config.secret). Written only when given: empty leaves the vault\'s secret as it is.')
@secure()
param webhookSignatureSecret string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Enabled'
  }
}

// The two generated secrets: created by the first provision (the preprovision hook passes them), never touched
// again, because a changed protection key would break runs in flight and every status link handed out.
resource protectionKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(webhookProtectionKey)) {
  parent: vault
  name: protectionKeySecretName
  properties: {
    value: webhookProtectionKey
    contentType: 'base64 of 32 random bytes (Webhooks:ProtectionKey)'
  }
}

resource signatureSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(webhookSignatureSecret)) {
  parent: vault
  name: signatureSecretName
  properties: {
    value: webhookSignatureSecret
    contentType: 'Rossum hook config.secret (Webhooks:SignatureSecret)'
  }
}

output uri string = vault.properties.vaultUri
