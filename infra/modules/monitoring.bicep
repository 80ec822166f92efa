// Log Analytics workspace and a workspace-based Application Insights component, and the alert on
// messages the app could not deliver (the outbox's `messageNotDelivered` business event).

param baseName string
param location string
param tags object

@description('Days the workspace keeps logs.')
@minValue(30)
param retentionInDays int = 30

@description('Who is mailed when the app gives up on delivering a message (after a day of retries, or refused for good). Empty: no alert.')
param alertEmail string = ''

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${baseName}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    RetentionInDays: retentionInDays
  }
}

resource operations 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: 'ag-${baseName}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'lerendwerk'
    enabled: true
    emailReceivers: [
      {
        name: 'operations'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// A prep card, session card or poll card that never arrived is only a log line otherwise. A 404 (the
// chat was deleted) is left out: Teams tells the app of that itself, and nothing can be done.
resource notDelivered 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = if (!empty(alertEmail)) {
  name: 'alert-${baseName}-not-delivered'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Lerend Werken: messages not delivered'
    description: 'The outbox stopped trying to deliver one or more messages. customDimensions.reason says why (outOfTime, attempts, failed, unconfirmed, senderStopped); the App Service log has the job ids.'
    severity: 2
    enabled: true
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    scopes: [
      appInsights.id
    ]
    criteria: {
      allOf: [
        {
          query: 'customEvents | where name == "messageNotDelivered" | extend reason = tostring(customDimensions.reason), status = toint(customDimensions.status) | where not(reason == "failed" and status == 404)'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [
        operations.id
      ]
    }
  }
}

output logAnalyticsWorkspaceId string = workspace.id
output applicationInsightsConnectionString string = appInsights.properties.ConnectionString
