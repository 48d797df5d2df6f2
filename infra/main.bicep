// CoupaFunctions in one resource group: Function App (Flex Consumption or Elastic Premium, Linux, .NET isolated),
// storage without shared keys, Key Vault in RBAC mode, Application Insights. `azd up` deploys it; see README.md.
targetScope = 'subscription'

@description('azd environment name: names the resource group and seeds the resource names.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region of every resource.')
param location string

@description('Object id of the deploying user or service principal (azd sets AZURE_PRINCIPAL_ID); gets Key Vault Secrets Officer. Empty grants nothing.')
param principalId string = ''

@description('Resource group to create or update; empty = rg-<environmentName>.')
param resourceGroupName string = ''

@description('FC1 = Flex Consumption (pay per use, deploys with azd); EP1/EP2/EP3 = Elastic Premium (always-ready instances, no cold start). See README.md.')
@allowed([ 'FC1', 'EP1', 'EP2', 'EP3' ])
param planSku string = 'FC1'

@description('Instances kept warm: Flex Consumption always-ready HTTP instances (0 = none), Elastic Premium minimum instances (at least 1).')
@minValue(0)
@maxValue(20)
param alwaysReadyInstances int = 0

@description('Flex Consumption: most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param flexMaximumInstanceCount int = 40

@description('Flex Consumption: memory per instance in MB.')
@allowed([ 512, 2048, 4096 ])
param flexInstanceMemoryMB int = 2048

@description('Elastic Premium: most instances the plan scales out to.')
@minValue(1)
@maxValue(100)
param premiumMaximumInstanceCount int = 10

@description('Durable Functions task hub: letters and digits, starting with a letter.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'CoupaFunctions'

@description('StatusLinks:PublicBaseUrl when a gateway or custom domain fronts the app; empty = the app\'s own https://<name>.azurewebsites.net.')
param publicBaseUrl string = ''

@description('Hosts added to Secrets:CoupaHostAllowList, e.g. ["coupa.acme.com"] (the Coupa defaults stay).')
param coupaHostAllowList array = []

@description('Hosts added to Secrets:RossumHostAllowList (the Rossum defaults stay).')
param rossumHostAllowList array = []

@description('Functions with their own signature secret (import types, "import", "export"): Key Vault secret webhook-signature-secret-<function>, which you create.')
param signatureSecretFunctions array = []

@description('ScheduledImports:Jobs, e.g. [{"Name": "po-nightly", "Type": "purchase_orders", "Cron": "0 2 * * *", "RossumBaseUrl": "https://acme.rossum.app", "Settings": {…}}].')
param scheduledImportJobs array = []

@description('App settings laid over the defaults, e.g. {"Import__PageConcurrency": "8"}.')
param appSettingOverrides object = {}

@description('Local:DataHub in Azure: per-instance temporary storage, for scheduled jobs without RossumBaseUrl only.')
param localDataHub string = 'sqlite:/tmp/coupa/scheduled.db'

@description('Webhooks:ProtectionKey, written to Key Vault only when given (the preprovision hook passes it on the first provision only).')
@secure()
param webhookProtectionKey string = ''

@description('Webhooks:SignatureSecret, written to Key Vault only when given (the preprovision hook passes it on the first provision only).')
@secure()
param webhookSignatureSecret string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var dotnetVersion = '10.0'
var deploymentContainerName = 'app-package'
var packageBlobName = 'coupafunctions.zip'
var storageAccountName = 'st${resourceToken}'
var functionAppName = 'func-${resourceToken}'
var keyVaultName = 'kv-${resourceToken}'
var appInsightsName = 'appi-${resourceToken}'
var protectionKeySecretName = 'webhook-protection-key'
var signatureSecretName = 'webhook-signature-secret'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-${resourceToken}'
    appInsightsName: appInsightsName
  }
}

module storage 'modules/storage.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    name: storageAccountName
    deploymentContainerName: deploymentContainerName
  }
}

module keyVault 'modules/keyVault.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    name: keyVaultName
    protectionKeySecretName: protectionKeySecretName
    signatureSecretName: signatureSecretName
    webhookProtectionKey: webhookProtectionKey
    webhookSignatureSecret: webhookSignatureSecret
  }
}

module functionApp 'modules/functionApp.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    azdServiceName: 'functions'
    planName: 'plan-${resourceToken}'
    name: functionAppName
    planSku: planSku
    dotnetVersion: dotnetVersion
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    flexMaximumInstanceCount: flexMaximumInstanceCount
    flexInstanceMemoryMB: flexInstanceMemoryMB
    alwaysReadyInstances: alwaysReadyInstances
    premiumMaximumInstanceCount: premiumMaximumInstanceCount
  }
}

module access 'modules/access.bicep' = {
  scope: rg
  params: {
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    keyVaultName: keyVaultName
    appName: functionAppName
    appPrincipalId: functionApp.outputs.principalId
    deployerPrincipalId: principalId
    deployerWritesPackage: planSku != 'FC1'
  }
  dependsOn: [ keyVault ]
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  scope: rg
  name: appInsightsName
}

// Applied after the role assignments, so the host starts with access to its storage and the Key Vault references
// resolve.
module appSettings 'modules/appSettings.bicep' = {
  scope: rg
  params: {
    siteName: functionAppName
    planSku: planSku
    storageAccountName: storageAccountName
    taskHubName: taskHubName
    appInsightsConnectionString: appInsights.properties.ConnectionString
    keyVaultName: keyVaultName
    keyVaultUri: keyVault.outputs.uri
    protectionKeySecretName: protectionKeySecretName
    signatureSecretName: signatureSecretName
    defaultHostName: functionApp.outputs.defaultHostName
    publicBaseUrl: publicBaseUrl
    packageUrl: '${storage.outputs.blobEndpoint}${deploymentContainerName}/${packageBlobName}'
    localDataHub: localDataHub
    coupaHostAllowList: coupaHostAllowList
    rossumHostAllowList: rossumHostAllowList
    signatureSecretFunctions: signatureSecretFunctions
    scheduledImportJobs: scheduledImportJobs
    settingOverrides: appSettingOverrides
  }
  dependsOn: [ access, monitoring ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output KEY_VAULT_NAME string = keyVaultName
output KEY_VAULT_URI string = keyVault.outputs.uri
output STORAGE_ACCOUNT_NAME string = storageAccountName
output AZURE_FUNCTIONS_PLAN string = planSku
output PACKAGE_CONTAINER string = deploymentContainerName
output PACKAGE_BLOB string = packageBlobName
