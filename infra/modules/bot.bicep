// Azure Bot registration with the Microsoft Teams channel. SingleTenant or UserAssignedMSI only:
// new MultiTenant bots can no longer be created.

param botName string
param location string
param tags object
param sku string
param displayName string
param messagingEndpoint string

@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param msaAppType string

@description('Client id of the managed identity (UserAssignedMSI) or of the Entra app registration (SingleTenant).')
param msaAppId string

param msaAppTenantId string

@description('Resource id of the user-assigned managed identity; only for UserAssignedMSI.')
param msaAppMsiResourceId string = ''

var baseProperties = {
  displayName: displayName
  endpoint: messagingEndpoint
  msaAppType: msaAppType
  msaAppId: msaAppId
  msaAppTenantId: msaAppTenantId
}
var msiProperties = {
  msaAppMSIResourceId: msaAppMsiResourceId
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: location
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: msaAppType == 'UserAssignedMSI' ? union(baseProperties, msiProperties) : baseProperties
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: location
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

output name string = bot.name
output id string = bot.id
