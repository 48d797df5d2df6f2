// Every app setting of the Function App, in one place. The variables below are grouped so that a test
// (CoupaFunctions.Tests/Deployment) can read their names from the compiled template and compare them with the
// settings the code reads: hostSettings / premiumHostSettings are the Functions host's and platform's,
// deploymentSettings, tuningSettings and collectionSettings the app's own (Section__Property).

@description('The Function App.')
param siteName string

@description('FC1 (Flex Consumption) or EP1/EP2/EP3 (Elastic Premium).')
param planSku string

@description('Storage account of the host and Durable Functions, reached with the app\'s identity.')
param storageAccountName string

@description('Durable Functions task hub (host.json reads %TASKHUB_NAME%).')
param taskHubName string

@description('Application Insights connection string.')
@secure()
param appInsightsConnectionString string

@description('Key Vault of the app.')
param keyVaultName string

@description('Key Vault URI (Secrets:KeyVaultUri).')
param keyVaultUri string

@description('Secret behind Webhooks:ProtectionKey.')
param protectionKeySecretName string

@description('Secret behind Webhooks:SignatureSecret; per-function secrets are named <this>-<function>.')
param signatureSecretName string

@description('The site\'s default host name, the root of status links unless publicBaseUrl is given.')
param defaultHostName string

@description('StatusLinks:PublicBaseUrl when a gateway or custom domain fronts the app; empty = https://<default host name>.')
param publicBaseUrl string

@description('Elastic Premium: URL of the package blob the app runs from (read with its identity).')
param packageUrl string

@description('Local:DataHub, where scheduled jobs without RossumBaseUrl write.')
param localDataHub string

@description('Hosts added to Secrets:CoupaHostAllowList (the defaults stay).')
param coupaHostAllowList array

@description('Rossum hosts added to Secrets:RossumHostAllowList (the defaults stay).')
param rossumHostAllowList array

@description('Functions (import type, `import`, `export`) with their own signature secret, Key Vault secret <signatureSecretName>-<function>.')
param signatureSecretFunctions array

@description('ScheduledImports:Jobs: objects {Name, Type, Cron, RossumBaseUrl, Settings}; Settings may be an object (written as JSON).')
param scheduledImportJobs array

@description('App settings laid over everything above, e.g. {"Import__PageConcurrency": "8"}.')
param settingOverrides object

func keyVaultReference(vault string, secret string) string => '@Microsoft.KeyVault(VaultName=${vault};SecretName=${secret})'

func indexed(prefix string, values array) object =>
  toObject(range(0, length(values)), i => '${prefix}__${i}', i => string(values[i]))

func jobSettings(index int, job object) object =>
  toObject(items(job), p => 'ScheduledImports__Jobs__${index}__${p.key}', p => string(p.value))

// The Functions host and the platform.
var hostSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  TASKHUB_NAME: taskHubName
}

// Elastic Premium only (Flex Consumption refuses them: runtime and package come from functionAppConfig). Without a
// key-based Azure Files content share, the app runs from a package URL, fetched with its own identity.
var premiumHostSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
  WEBSITE_RUN_FROM_PACKAGE: packageUrl
  WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID: 'SystemAssigned'
}

// The app's settings whose values come from this deployment.
var deploymentSettings = {
  Secrets__KeyVaultUri: keyVaultUri
  StatusLinks__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${defaultHostName}' : publicBaseUrl
  Webhooks__ProtectionKey: keyVaultReference(keyVaultName, protectionKeySecretName)
  Webhooks__SignatureSecret: keyVaultReference(keyVaultName, signatureSecretName)
  Local__DataHub: localDataHub
}

// The app's tuning settings at the code's defaults, so they show (and can be changed) in the portal; a test keeps
// them equal to the options classes. Change them through settingOverrides: a redeploy resets portal edits.
var tuningSettings = {
  Coupa__RequestsPerSecond: '24'
  Coupa__RateLimitBurst: '10'
  Coupa__MaxRetryAttempts: '8'
  Coupa__RetryBaseDelaySeconds: '1'
  Coupa__RetryMaxDelaySeconds: '60'
  Coupa__AttemptTimeoutSeconds: '120'
  Coupa__TokenRefreshMarginSeconds: '300'
  Import__PageConcurrency: '16'
  Import__BatchSize: '500'
  Import__ProgressIntervalSeconds: '2'
  RossumDataStorage__MaxRetryAttempts: '6'
  RossumDataStorage__RetryBaseDelaySeconds: '1'
  RossumDataStorage__RetryMaxDelaySeconds: '30'
  RossumDataStorage__AttemptTimeoutSeconds: '150'
  RossumDataStorage__OperationPollIntervalSeconds: '1'
  RossumDataStorage__OperationTimeoutSeconds: '600'
  RossumDataStorage__MaxDocumentsPerRequest: '5000'
  RossumDataStorage__ReadPageSize: '2500'
  RossumDataStorage__StateCollection: 'coupa_functions_state'
  Export__TimeoutSeconds: '25'
  Export__CreateAttemptTimeoutSeconds: '10'
  Export__StepAttempts: '3'
  Export__DuplicateCheckTimeoutSeconds: '8'
  Export__RetryDelaySeconds: '0.5'
  Export__AnnotationLinkFormat: '{base_url}/document/{annotation_id}'
  Secrets__CoupaClientSecretName: 'coupa-client-secret-{clientId}'
  Secrets__RossumApiTokenName: 'rossum-api-token-{host}'
  Durable__SliceSeconds: '240'
  Durable__SliceAttempts: '4'
  Durable__SliceRetrySeconds: '30'
  ScheduledImports__TimerSchedule: '0 */5 * * * *'
}

// Lists and dictionaries: one app setting per entry under the key (Section__Property__0, __<key>).
var collectionSettings = {
  Secrets__CoupaHostAllowList: indexed('Secrets__CoupaHostAllowList', coupaHostAllowList)
  Secrets__RossumHostAllowList: indexed('Secrets__RossumHostAllowList', rossumHostAllowList)
  Webhooks__SignatureSecrets: toObject(
    signatureSecretFunctions,
    f => 'Webhooks__SignatureSecrets__${f}',
    f => keyVaultReference(keyVaultName, '${signatureSecretName}-${replace(f, '_', '-')}')
  )
  ScheduledImports__Jobs: reduce(
    range(0, length(scheduledImportJobs)),
    {},
    (all, i) => union(all, jobSettings(i, scheduledImportJobs[i]))
  )
}

var appSettings = union(
  hostSettings,
  planSku == 'FC1' ? {} : premiumHostSettings,
  deploymentSettings,
  tuningSettings,
  reduce(items(collectionSettings), {}, (all, c) => union(all, c.value)),
  settingOverrides
)

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: siteName
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: appSettings
}
