// Who may do what, by Entra role only (no keys): the Function App's managed identity on its storage and Key Vault,
// and optionally the deploying principal (azd's AZURE_PRINCIPAL_ID) on Key Vault and the package container.

@description('Storage account of the host and Durable Functions.')
param storageAccountName string

@description('Container of the deployment package.')
param deploymentContainerName string

@description('Key Vault of the app.')
param keyVaultName string

@description('Function App name: seeds the role assignment names, which must be known before the app exists.')
param appName string

@description('Object id of the Function App\'s system-assigned identity.')
param appPrincipalId string

@description('Object id of the deploying user or service principal; empty grants nothing.')
param deployerPrincipalId string

@description('Elastic Premium only: the deployer uploads the package the app runs from, so it writes to the package container.')
param deployerWritesPackage bool

// Built-in role definitions (ids are the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
}

// The host keeps keys, leases and timer state in blobs (Owner, as the Functions documentation asks for an
// identity-based AzureWebJobsStorage); Durable Functions' task hub uses queues, tables and blobs.
var appStorageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deploymentContainer 'containers' existing = {
      name: deploymentContainerName
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource appOnStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in appStorageRoles: {
    name: guid(storage.id, appName, role)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource appOnVault 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appName, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The operator adds the Coupa client secrets and Rossum tokens; the preprovision hook checks whether the generated
// secrets exist. principalType is left out: the deployer may be a user (azd up) or a service principal (CI).
resource deployerOnVault 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(vault.id, deployerPrincipalId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: deployerPrincipalId
  }
}

resource deployerOnPackage 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId) && deployerWritesPackage) {
  name: guid(storage::blobService::deploymentContainer.id, deployerPrincipalId, roles.storageBlobDataContributor)
  scope: storage::blobService::deploymentContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: deployerPrincipalId
  }
}
