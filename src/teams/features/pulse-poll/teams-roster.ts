import { Installation, TeamMember, TeamRoster } from '../../../domain/pulse-poll/ports';
import type { Logger } from '../../../log/logger';
import { TeamsRateLimiter } from '../../../outbox/rate-limiter';
import { TransportResponse } from '../../../outbox/transport';
import { BotConnectorClient } from '../../connector/bot-connector.client';

const MAX_MEMBERS = 10_000;

type Team = Pick<Installation, 'teamId' | 'serviceUrl' | 'tenantId'>;

/**
 * A team's members and channels from the Bot Connector (TeamsInfo.getPagedTeamMembers and
 * getTeamChannels, as plain calls). Each call counts against the tenant's rate limit like every
 * other request; a 429 waits for Retry-After, up to three times.
 */
export class TeamsRoster implements TeamRoster {
  constructor(private readonly client: BotConnectorClient, private readonly limiter: TeamsRateLimiter, private readonly logger: Logger) {}

  private async call<T>(team: Team, what: string, request: () => Promise<TransportResponse<T>>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.limiter.acquire(team.tenantId);
      await this.limiter.depart(team.tenantId);
      const res = await request();
      if (res.ok) return res;
      const retry = (res.status === 429 || res.status >= 500) && attempt < 4;
      this.logger.warn({ what, status: res.status, attempt, retry }, 'team roster request failed');
      if (!retry) throw Object.assign(new Error(`${what} answered ${res.status}`), res.status === 403 || res.status === 404 ? { teamOutOfReach: true } : {});
      await new Promise((r) => setTimeout(r, Math.min(30_000, res.retryAfterMs ?? 1000 * attempt)));
    }
  }

  async members(team: Team): Promise<TeamMember[]> {
    const out: TeamMember[] = [];
    let token: string | undefined;
    do {
      const page = await this.call(team, 'team members', () => this.client.teamMembersPage(team.serviceUrl, team.teamId, token));
      for (const m of page.members) out.push({ platformId: m.id, userId: m.aadObjectId || m.id });
      token = page.continuationToken;
    } while (token && out.length < MAX_MEMBERS);
    return out;
  }

  async channels(team: Team): Promise<{ id: string; name?: string }[]> {
    return (await this.call(team, 'team channels', () => this.client.teamChannels(team.serviceUrl, team.teamId))).channels;
  }

  /** The team's name and Entra group, when an activity did not carry them. */
  async details(team: Team): Promise<{ name?: string; aadGroupId?: string } | undefined> {
    try {
      return await this.call(team, 'team details', () => this.client.teamDetails(team.serviceUrl, team.teamId));
    } catch {
      return undefined;
    }
  }
}
