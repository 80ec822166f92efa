// Lerend Werken: everything the Teams app needs in one resource group.
//
// Deployed by the Agents Toolkit (`arm/deploy` in m365agents.yml) with infra/main.parameters.json,
// or by hand: az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.json
// (fill the ${{...}} values first when deploying by hand).
//
// Identity first: one user-assigned managed identity is the app's identity for Cosmos DB, Azure
// OpenAI and (by default) the bot itself, so no keys or client secrets are needed in Azure.
// Defaults suit a Dutch organisation: West Europe, EU data zone for the model, serverless Cosmos DB.

targetScope = 'resourceGroup'

// ---- naming and placement ----------------------------------------------------------------------

@description('Short environment name (TEAMSFX_ENV), e.g. dev, test, prod. Part of every resource name.')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Azure region for all regional resources.')
param location string = 'westeurope'

@description('Tags added to every resource.')
param tags object = {
  app: 'lerend-werken'
  environment: environmentName
}

var token = substring(uniqueString(subscription().id, resourceGroup().id, environmentName), 0, 6)
var baseName = 'lw-${toLower(environmentName)}-${token}'

// ---- bot -----------------------------------------------------------------------------------------

@description('How the bot authenticates to the Bot Framework. UserAssignedMSI uses the app\'s managed identity (no secret). SingleTenant uses an Entra app registration and its client secret. MultiTenant is deprecated and not offered.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botMsaAppType string = 'UserAssignedMSI'

@description('SingleTenant only: client id of the bot\'s Entra app registration.')
param botAadAppClientId string = ''

@description('SingleTenant only: client secret of the bot\'s Entra app registration.')
@secure()
param botAadAppClientSecret string = ''

@description('SingleTenant only: tenant of the bot\'s Entra app registration (defaults to this subscription\'s tenant).')
param botAadAppTenantId string = ''

@description('Display name of the Azure Bot resource.')
@maxLength(42)
param botDisplayName string = 'Lerend Werken'

@description('Azure Bot location: global, or westeurope for the EU regional bot service.')
@allowed([
  'global'
  'westeurope'
])
param botLocation string = 'global'

@description('Azure Bot SKU. The Teams channel is a standard channel, free on F0.')
@allowed([
  'F0'
  'S1'
])
param botServiceSku string = 'F0'

// ---- web app -------------------------------------------------------------------------------------

@description('App Service plan SKU (Linux). B1 or higher: Always On is needed for the scheduler.')
param appServicePlanSku string = 'B1'

@description('Tenant ids whose users may use the app (comma separated). Empty: only this subscription\'s tenant.')
param allowedTenantIds string = ''

@description('Log level of the app.')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

@description('Language for new groups and users.')
@allowed([
  'nl'
  'en'
])
param defaultLanguage string = 'nl'

@description('The organisation\'s IANA time zone (ORG_TIME_ZONE): default for new groups, polls, reports and dates on cards.')
param orgTimeZone string = 'Europe/Amsterdam'

@description('Client id of the SSO app registration for the personal tab (aadApp/create writes AAD_APP_CLIENT_ID).')
param tabAadClientId string = ''

@description('Tenant of that app registration; empty: the bot\'s tenant.')
param tabAadTenantId string = ''

@description('Days before a planned talentontwikkelgesprek that the manager gets the prep card.')
@minValue(0)
@maxValue(30)
param prepDaysBefore int = 3

@description('Signs the HR report download links. A fresh random value per deployment by default (links live minutes).')
@secure()
param reportLinkSecret string = '${newGuid()}${newGuid()}'

// ---- Cosmos DB -----------------------------------------------------------------------------------

@description('Serverless (pay per request, default) or Provisioned (autoscale throughput shared by the database).')
@allowed([
  'Serverless'
  'Provisioned'
])
param cosmosCapacityMode string = 'Serverless'

@description('Provisioned only: autoscale maximum RU/s shared by all containers.')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Disable key (local) authentication, so only Entra ID identities with a data-plane role get in.')
param cosmosDisableLocalAuth bool = true

@description('Cosmos DB database name (COSMOS_DATABASE).')
param cosmosDatabaseName string = 'lerendwerken'

@description('Retention in days after the last change of a group\'s data: sessions, contributions, proposals, plans (24 months).')
@minValue(1)
@maxValue(3650)
param retentionGroupDays int = 730
@description('Retention in days after the last change of a professional\'s own records: verantwoording, notes, personal answers (24 months).')
@minValue(1)
@maxValue(3650)
param retentionPersonalDays int = 730
@description('Retention in days after the last change of a talentontwikkelgesprek (24 months).')
@minValue(1)
@maxValue(3650)
param retentionReviewDays int = 730
@description('Retention in days of B3-spiegel polls and their anonymous tallies (36 months, for the trend).')
@minValue(1)
@maxValue(3650)
param retentionPollDays int = 1095
@description('Retention in days of unsent outbox messages, remembered 1:1 chats and leases (30 days); a sent message expires after 7 days on its own.')
@minValue(1)
@maxValue(3650)
param retentionOutboxDays int = 30

// ---- Azure OpenAI --------------------------------------------------------------------------------

@description('Region of the Azure OpenAI account; model availability differs per region.')
param openAiLocation string = location

@description('Model to deploy.')
param openAiModelName string = 'gpt-4o-mini'

@description('Model version.')
param openAiModelVersion string = '2024-07-18'

@description('Deployment name the app calls (AZURE_OPENAI_DEPLOYMENT).')
param openAiDeploymentName string = openAiModelName

@description('Deployment type. DataZoneStandard keeps processing inside the EU data zone for an EU resource.')
@allowed([
  'Standard'
  'DataZoneStandard'
  'GlobalStandard'
])
param openAiDeploymentSku string = 'DataZoneStandard'

@description('Deployment capacity, in thousands of tokens per minute.')
@minValue(1)
param openAiCapacity int = 30

@description('Azure OpenAI data-plane API version the app uses (AZURE_OPENAI_API_VERSION).')
param openAiApiVersion string = '2024-10-21'

// ---- B3-spiegel pulse polls ----------------------------------------------------------------------

@description('Entra object ids of HR/L&O people who may run B3-spiegel polls (comma separated).')
param hrUserIds string = ''

@description('Entra group whose members are HR/L&O; checked through Microsoft Graph (grant the app identity GroupMember.Read.All).')
param hrGroupId string = ''

@description('Key of the keyed hashes that record who answered a poll. Generate once (openssl rand -base64 32) and keep it stable.')
@secure()
@minLength(32)
param pollHashKey string

@description('No B3-spiegel figures below this many respondents (never below 3).')
@minValue(3)
param b3MinRespondents int = 5

// ---- operations ------------------------------------------------------------------------------------

@description('Who is mailed when the app gives up on delivering a message (after a day of retries, or refused for good). Empty: no alert.')
param alertEmail string = ''

// ---- resources -----------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${baseName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    baseName: baseName
    location: location
    tags: tags
    alertEmail: alertEmail
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: 'cosmos-${baseName}'
    location: location
    tags: tags
    capacityMode: cosmosCapacityMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    disableLocalAuth: cosmosDisableLocalAuth
    databaseName: cosmosDatabaseName
    retentionGroupDays: retentionGroupDays
    retentionPersonalDays: retentionPersonalDays
    retentionReviewDays: retentionReviewDays
    retentionPollDays: retentionPollDays
    retentionOutboxDays: retentionOutboxDays
    dataContributorPrincipalId: identity.properties.principalId
  }
}

module openAi 'modules/openai.bicep' = {
  name: 'openai'
  params: {
    accountName: 'oai-${baseName}'
    location: openAiLocation
    tags: tags
    deploymentName: openAiDeploymentName
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    deploymentSku: openAiDeploymentSku
    capacity: openAiCapacity
    userPrincipalId: identity.properties.principalId
  }
}

var isMsiBot = botMsaAppType == 'UserAssignedMSI'
var botAppId = isMsiBot ? identity.properties.clientId : botAadAppClientId
var botTenantId = isMsiBot ? identity.properties.tenantId : (empty(botAadAppTenantId) ? subscription().tenantId : botAadAppTenantId)

module webApp 'modules/web-app.bicep' = {
  name: 'web-app'
  params: {
    planName: 'asp-${baseName}'
    siteName: 'app-${baseName}'
    location: location
    tags: tags
    planSku: appServicePlanSku
    identityId: identity.id
    identityClientId: identity.properties.clientId
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    botMsaAppType: botMsaAppType
    botAppId: botAppId
    botTenantId: botTenantId
    botAppPassword: botAadAppClientSecret
    allowedTenantIds: empty(allowedTenantIds) ? subscription().tenantId : allowedTenantIds
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmosDatabaseName
    openAiEndpoint: openAi.outputs.endpoint
    openAiDeploymentName: openAi.outputs.deploymentName
    openAiApiVersion: openAiApiVersion
    logLevel: logLevel
    defaultLanguage: defaultLanguage
    orgTimeZone: orgTimeZone
    tabAadClientId: tabAadClientId
    tabAadTenantId: tabAadTenantId
    prepDaysBefore: prepDaysBefore
    reportLinkSecret: reportLinkSecret
    hrUserIds: hrUserIds
    hrGroupId: hrGroupId
    pollHashKey: pollHashKey
    b3MinRespondents: b3MinRespondents
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: 'bot-${baseName}'
    location: botLocation
    tags: tags
    sku: botServiceSku
    displayName: botDisplayName
    messagingEndpoint: 'https://${webApp.outputs.defaultHostName}/api/messages'
    msaAppType: botMsaAppType
    msaAppId: botAppId
    msaAppTenantId: botTenantId
    msaAppMsiResourceId: isMsiBot ? identity.id : ''
  }
}

// ---- outputs: the Agents Toolkit writes these into env/.env.<env> ------------------------------

output BOT_ID string = botAppId
output BOT_DOMAIN string = webApp.outputs.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.outputs.defaultHostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.outputs.siteId
output BOT_SERVICE_NAME string = bot.outputs.name
output APP_IDENTITY_CLIENT_ID string = identity.properties.clientId
output APP_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output COSMOS_DATABASE string = cosmosDatabaseName
output AZURE_OPENAI_ENDPOINT string = openAi.outputs.endpoint
output AZURE_OPENAI_DEPLOYMENT string = openAi.outputs.deploymentName
