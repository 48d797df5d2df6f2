// The Function App (Linux, .NET isolated worker) and its plan: Flex Consumption (FC1, the default) or Elastic
// Premium (EP1-EP3). App settings are applied separately (appSettings.bicep), after the identity's role
// assignments, so the host starts with access to its storage and Key Vault references resolve.

@description('Azure region of the resources.')
param location string

@description('Tags put on every resource (the site also gets azd-service-name).')
param tags object

@description('Name of the service in azure.yaml: azd finds the site by the azd-service-name tag.')
param azdServiceName string

@description('Plan name.')
param planName string

@description('Function App name (also its default host name).')
param name string

@description('FC1 (Flex Consumption) or EP1/EP2/EP3 (Elastic Premium).')
@allowed([ 'FC1', 'EP1', 'EP2', 'EP3' ])
param planSku string

@description('.NET version of the isolated worker.')
param dotnetVersion string

@description('Blob endpoint of the host storage account (https://<account>.blob.<suffix>/).')
param storageBlobEndpoint string

@description('Container of the deployment package.')
param deploymentContainerName string

@description('Flex Consumption: most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param flexMaximumInstanceCount int

@description('Flex Consumption: memory per instance in MB.')
@allowed([ 512, 2048, 4096 ])
param flexInstanceMemoryMB int

@description('Instances kept warm: Flex Consumption always-ready HTTP instances (0 = pay per use), Elastic Premium minimum instances (at least 1).')
@minValue(0)
@maxValue(20)
param alwaysReadyInstances int

@description('Elastic Premium: most instances the plan scales out to.')
@minValue(1)
@maxValue(100)
param premiumMaximumInstanceCount int

var isFlex = planSku == 'FC1'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: isFlex ? 'functionapp' : 'elastic'
  sku: isFlex
    ? {
        name: 'FC1'
        tier: 'FlexConsumption'
      }
    : {
        name: planSku
        tier: 'ElasticPremium'
      }
  properties: {
    reserved: true // Linux
    maximumElasticWorkerCount: isFlex ? null : premiumMaximumInstanceCount
  }
}

// Flex Consumption: runtime, scale and the deployment container live in functionAppConfig, and the platform reads
// the package with the app's identity. FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION are not allowed there.
var flexFunctionAppConfig = {
  deployment: {
    storage: {
      type: 'blobContainer'
      value: '${storageBlobEndpoint}${deploymentContainerName}'
      authentication: { type: 'SystemAssignedIdentity' }
    }
  }
  scaleAndConcurrency: {
    maximumInstanceCount: flexMaximumInstanceCount
    instanceMemoryMB: flexInstanceMemoryMB
    alwaysReady: alwaysReadyInstances > 0 ? [ { name: 'http', instanceCount: alwaysReadyInstances } ] : []
  }
  runtime: {
    name: 'dotnet-isolated'
    version: dotnetVersion
  }
}

var commonSiteConfig = {
  ftpsState: 'Disabled'
  minTlsVersion: '1.2'
  http20Enabled: true
}

// Elastic Premium: the runtime comes from linuxFxVersion; always-ready instances are the plan's minimum.
var premiumSiteConfig = union(commonSiteConfig, {
  linuxFxVersion: 'DOTNET-ISOLATED|${dotnetVersion}'
  minimumElasticInstanceCount: max(alwaysReadyInstances, 1)
  functionAppScaleLimit: premiumMaximumInstanceCount
})

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': azdServiceName })
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    functionAppConfig: isFlex ? flexFunctionAppConfig : null
    siteConfig: isFlex ? commonSiteConfig : premiumSiteConfig
  }
}

// Deployments authenticate with Entra (azd, az); basic publishing credentials stay off.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
