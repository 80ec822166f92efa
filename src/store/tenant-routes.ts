import { TenantRoute, TenantRoutes } from '../domain/learning-needs/weekly-to-lo';
import { CosmosConnection } from './cosmos-connection';
import { GROUP_PARTITION_CONTAINER } from './group-partition';

/**
 * Where a tenant is reached from a scheduled job: the service URL (and bot id) of a conversation the
 * app keeps of that tenant. A team it is installed in first (one partition: the tenant's), else a
 * group set up there (its tenant read as the HR report reads it: `tenantId`, else the conversation's).
 * For scheduled jobs only: the group read crosses partitions, never asked in a member's turn.
 */
export class CosmosTenantRoutes implements TenantRoutes {
  constructor(private readonly conn: CosmosConnection) {}

  async routeOf(tenantId: string): Promise<TenantRoute | undefined> {
    const { resources: teams } = await this.conn
      .container('installations')
      .items.query<{ serviceUrl?: string; botId?: string }>(
        { query: "SELECT c.serviceUrl, c.botId FROM c WHERE c.type = 'installation' AND c.tenantId = @tenantId AND c.installed = true", parameters: [{ name: '@tenantId', value: tenantId }] },
        { partitionKey: tenantId },
      )
      .fetchAll();
    const team = teams.find((t) => typeof t.serviceUrl === 'string' && t.serviceUrl);
    if (team) return { serviceUrl: team.serviceUrl!, ...(team.botId ? { botId: team.botId } : {}) };
    const { resources: groups } = await this.conn
      .container(GROUP_PARTITION_CONTAINER)
      .items.query<{ serviceUrl?: string; botId?: string }>({
        query:
          "SELECT c.conversationRef.serviceUrl, c.conversationRef.bot.id AS botId FROM c WHERE c.type = 'group' AND " +
          '(c.tenantId = @tenantId OR (NOT IS_DEFINED(c.tenantId) AND c.conversationRef.conversation.tenantId = @tenantId))',
        parameters: [{ name: '@tenantId', value: tenantId }],
      })
      .fetchAll();
    const group = groups.find((g) => typeof g.serviceUrl === 'string' && g.serviceUrl);
    return group ? { serviceUrl: group.serviceUrl!, ...(group.botId ? { botId: group.botId } : {}) } : undefined;
  }
}
