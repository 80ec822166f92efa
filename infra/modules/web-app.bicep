// Linux App Service plan and the Node 22 web app that hosts the bot, the message extension and the
// personal tab, running as the user-assigned managed identity.
//
// App settings: every variable of src/config/config.ts (CONFIG_VARIABLES) that makes sense in Azure is
// set here; tests/infra/app-settings.test.ts keeps this list and the app's config in step. Keep each
// setting in the `{ name: '...' value: ... }` form below so the test can read it.

param planName string
param siteName string
param location string
param tags object
param planSku string

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('Client id of that identity (AZURE_CLIENT_ID tells @azure/identity which identity to use).')
param identityClientId string

param logAnalyticsWorkspaceId string
param applicationInsightsConnectionString string

@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botMsaAppType string
param botAppId string
param botTenantId string

@description('SingleTenant only: client secret of the bot\'s app registration.')
@secure()
param botAppPassword string = ''

param allowedTenantIds string
param cosmosEndpoint string
param cosmosDatabaseName string
param openAiEndpoint string
param openAiDeploymentName string
param openAiApiVersion string
param logLevel string
param defaultLanguage string
param orgTimeZone string
param hrUserIds string
param hrGroupId string

@description('Key of the keyed hashes of poll respondents.')
@secure()
param pollHashKey string

param b3MinRespondents int

@description('Client id of the SSO app registration (Mijn verantwoording tab); empty disables SSO.')
param tabAadClientId string = ''

@description('Tenant of the SSO app registration; empty: the bot\'s tenant.')
param tabAadTenantId string = ''

param prepDaysBefore int

@secure()
param reportLinkSecret string

// The site's default host name; known before the site exists, so the settings can use it.
var hostName = '${siteName}.azurewebsites.net'

var appSettings = [
  // ---- platform ----
  {
    name: 'WEBSITE_RUN_FROM_PACKAGE'
    value: '1'
  }
  {
    // The Toolkit deploys a built package (npm install + build ran before zipDeploy): no Oryx build.
    name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
    value: 'false'
  }
  {
    name: 'AZURE_CLIENT_ID'
    value: identityClientId
  }
  // ---- the app (src/config/config.ts) ----
  {
    name: 'PUBLIC_BASE_URL'
    value: 'https://${hostName}'
  }
  {
    name: 'LOG_LEVEL'
    value: logLevel
  }
  {
    // A second guard beside MICROSOFT_APP_ID: the app refuses local mode and the embedded store.
    name: 'NODE_ENV'
    value: 'production'
  }
  {
    name: 'MICROSOFT_APP_ID'
    value: botAppId
  }
  {
    name: 'MICROSOFT_APP_TYPE'
    value: botMsaAppType
  }
  {
    name: 'MICROSOFT_APP_TENANT_ID'
    value: botTenantId
  }
  {
    name: 'ALLOWED_TENANT_IDS'
    value: allowedTenantIds
  }
  {
    name: 'COSMOS_ENDPOINT'
    value: cosmosEndpoint
  }
  {
    name: 'COSMOS_DATABASE'
    value: cosmosDatabaseName
  }
  {
    name: 'AZURE_OPENAI_ENDPOINT'
    value: openAiEndpoint
  }
  {
    name: 'AZURE_OPENAI_DEPLOYMENT'
    value: openAiDeploymentName
  }
  {
    name: 'AZURE_OPENAI_API_VERSION'
    value: openAiApiVersion
  }
  {
    name: 'DEFAULT_LANGUAGE'
    value: defaultLanguage
  }
  {
    name: 'ORG_TIME_ZONE'
    value: orgTimeZone
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: applicationInsightsConnectionString
  }
  {
    // Audience and tenant of the personal tab's SSO tokens (Mijn verantwoording).
    name: 'TAB_AAD_CLIENT_ID'
    value: tabAadClientId
  }
  {
    name: 'TAB_AAD_TENANT_ID'
    value: tabAadTenantId
  }
  {
    name: 'PREP_DAYS_BEFORE'
    value: string(prepDaysBefore)
  }
  {
    // Shared by every instance, so a link one instance signs works on all of them.
    name: 'REPORT_LINK_SECRET'
    value: reportLinkSecret
  }
  // ---- B3-spiegel pulse polls ----
  {
    name: 'HR_USER_IDS'
    value: hrUserIds
  }
  {
    name: 'HR_GROUP_ID'
    value: hrGroupId
  }
  {
    name: 'POLL_HASH_KEY'
    value: pollHashKey
  }
  {
    name: 'B3_MIN_RESPONDENTS'
    value: string(b3MinRespondents)
  }
]

// Only a SingleTenant bot has a secret; a UserAssignedMSI bot authenticates as the identity.
var singleTenantSettings = [
  {
    name: 'MICROSOFT_APP_PASSWORD'
    value: botAppPassword
  }
]

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // DEP0111 only: restify 11 loads spdy (unused), which reads process.binding('http_parser').
      appCommandLine: 'node --disable-warning=DEP0111 dist/src/index.js'
      alwaysOn: true
      // App Service pings this on every instance and replaces one that keeps failing.
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: botMsaAppType == 'SingleTenant' ? concat(appSettings, singleTenantSettings) : appSettings
    }
  }
}

// No basic-auth publishing credentials: Kudu shows every app setting (the keyed-hash and link
// secrets, a bot password) to whoever holds the publish profile. Deployments sign in with Entra ID
// (the Agents Toolkit's zipDeploy and `az webapp deploy` use the signed-in account's token).
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    // No AppServiceHTTPLogs: its CsUriQuery column keeps each query string as sent, and an HR report
    // link's whole authorisation is a signed token there (valid for REPORT_LINK_MINUTES). Requests
    // reach Application Insights with their query strings redacted (src/telemetry/redact-urls.ts).
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output siteId string = site.id
output siteName string = site.name
output defaultHostName string = site.properties.defaultHostName
