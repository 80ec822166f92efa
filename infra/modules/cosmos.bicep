// Cosmos DB for NoSQL: account, the lerendwerken database, its containers, and a data-plane role
// assignment (Cosmos DB Built-in Data Contributor) for the app's managed identity.
//
// The containers are created here, not by the app: with local (key) auth disabled, an Entra identity
// can read and write items but cannot create databases or containers (control plane). The app's
// createIfNotExists calls then only read. A new container must be added here before the app uses it.

param accountName string
param location string
param tags object

@allowed([
  'Serverless'
  'Provisioned'
])
param capacityMode string

@description('Provisioned only: autoscale maximum RU/s for the database (shared by its containers).')
param autoscaleMaxThroughput int

param disableLocalAuth bool
param databaseName string

@description('Retention, in days after a document\'s last change (the app\'s RETENTION_*_DAYS, which apply the same rules to the embedded store).')
param retentionGroupDays int
param retentionPersonalDays int
param retentionReviewDays int
param retentionPollDays int
param retentionOutboxDays int

@description('Principal (object) id that gets Cosmos DB Built-in Data Contributor on the database.')
param dataContributorPrincipalId string

// Partition keys follow the access patterns (src/store/containers.ts); retention as in
// src/store/retention.ts (the README's retention table).
// ttl: {} = TTL off; defaultTtl -1 = TTL on, items live until they set their own "ttl";
// defaultTtl n = items expire n seconds after their last write unless they set their own "ttl".
var ttlOff = {}
var day = 86400
var containers = [
  {
    // Emptied at start-up when data moved into the group partition; nothing is written here any more.
    name: 'groups'
    partitionKey: '/id'
    ttl: ttlOff
  }
  {
    // Everything of one group: the group, its plan, cycles, sessions, contributions, check-ins,
    // presence, judgements and proposals.
    name: 'sessions'
    partitionKey: '/groupId'
    ttl: {
      defaultTtl: retentionGroupDays * day
    }
  }
  {
    // Emptied at start-up (proposals moved into the group partition).
    name: 'proposals'
    partitionKey: '/groupId'
    ttl: ttlOff
  }
  {
    // Everything of one professional in one partition, so export and erasure stay in one place.
    // Their membership index sets "ttl": -1 (it is how their history is found; erasure removes it).
    name: 'personal'
    partitionKey: '/userId'
    ttl: {
      defaultTtl: retentionPersonalDays * day
    }
  }
  {
    // -1, not a fixed retention: pending jobs can be due months ahead (prep cards, later cycles) and
    // must not expire; the scheduler sets "ttl" on jobs when they are done or cancelled.
    name: 'jobs'
    partitionKey: '/id'
    ttl: {
      defaultTtl: -1
    }
  }
  {
    name: 'polls'
    partitionKey: '/pollId'
    ttl: {
      defaultTtl: retentionPollDays * day
    }
  }
  {
    // The tallies: kept as long as the trend against earlier polls needs them.
    name: 'pollAnswers'
    partitionKey: '/pollId'
    ttl: {
      defaultTtl: retentionPollDays * day
    }
  }
  {
    name: 'outbox'
    partitionKey: '/id'
    ttl: {
      defaultTtl: retentionOutboxDays * day
    }
  }
  {
    // Planned talentontwikkelgesprekken, per manager.
    name: 'reviews'
    partitionKey: '/managerId'
    ttl: {
      defaultTtl: retentionReviewDays * day
    }
  }
  {
    // The teams the app is installed in, per tenant: where a poll for "alle teams" goes.
    name: 'installations'
    partitionKey: '/tenantId'
    ttl: ttlOff
  }
  {
    // Learning needs passed on to L&O: anonymous weekly batches, no person in them; kept as long
    // as the B3-spiegel's tallies, for the half-yearly report and its trend.
    name: 'learningNeeds'
    partitionKey: '/id'
    ttl: {
      defaultTtl: retentionPollDays * day
    }
  }
]

var indexingPolicy = {
  indexingMode: 'consistent'
  automatic: true
  includedPaths: [
    {
      path: '/*'
    }
  ]
  excludedPaths: [
    {
      path: '/"_etag"/?'
    }
  ]
}

var containerResources = [for c in containers: {
  id: c.name
  partitionKey: {
    paths: [
      c.partitionKey
    ]
    kind: 'Hash'
    version: 2
  }
  indexingPolicy: indexingPolicy
}]

var serverless = capacityMode == 'Serverless'
var serverlessCapabilities = [
  {
    name: 'EnableServerless'
  }
]
var provisionedDatabaseOptions = {
  autoscaleSettings: {
    maxThroughput: autoscaleMaxThroughput
  }
}

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: serverless ? serverlessCapabilities : []
    disableLocalAuth: disableLocalAuth
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    enableAutomaticFailover: false
    enableMultipleWriteLocations: false
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    // Serverless accounts take no throughput settings at all.
    options: serverless ? {} : provisionedDatabaseOptions
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [for (c, i) in containers: {
  parent: database
  name: c.name
  properties: {
    resource: union(containerResources[i], c.ttl)
  }
}]

// Cosmos DB Built-in Data Contributor: read and write items, read metadata. Scoped to the database.
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions@2024-11-15' existing = {
  parent: account
  name: '00000000-0000-0000-0000-000000000002'
}

resource dataContributorAssignment 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, dataContributorPrincipalId, dataContributor.id)
  properties: {
    roleDefinitionId: dataContributor.id
    principalId: dataContributorPrincipalId
    scope: '${account.id}/dbs/${databaseName}'
  }
  dependsOn: [
    database
  ]
}

output endpoint string = account.properties.documentEndpoint
output accountName string = account.name
