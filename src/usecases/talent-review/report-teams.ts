import { Installation, TeamRoster } from '../../domain/pulse-poll/ports';
import { TeamOfPerson, TeamsOfPerson } from '../../domain/talent-review/ports';
import { TalentReviewDeps } from './deps';

/** Bounds that keep a prep card quick in a large tenant: the teams looked at, and rosters read at once. */
export const ROSTER_SCAN = { maxTeams: 200, concurrency: 4 } as const;

/**
 * The teams a person is in, from the rosters of the teams the app is installed in (the pulse
 * polls' installation registry and the chat platform's roster). Works without any directory link
 * from a person to a team, as in Azure with Microsoft Graph. A team whose roster cannot be read
 * is left out rather than failing the card.
 */
export function teamsFromRosters(installations: { listInstalled(tenantId: string): Promise<Installation[]> }, roster: Pick<TeamRoster, 'members'>): TeamsOfPerson {
  return {
    async teamsOf(tenantId, userId) {
      const teams = (await installations.listInstalled(tenantId)).slice(0, ROSTER_SCAN.maxTeams);
      const found: TeamOfPerson[] = [];
      for (let i = 0; i < teams.length; i += ROSTER_SCAN.concurrency) {
        const batch = await Promise.all(
          teams.slice(i, i + ROSTER_SCAN.concurrency).map(async (team) => {
            const members = await roster.members(team).catch(() => []);
            return members.some((m) => m.userId === userId) ? { teamId: team.teamId, name: team.name } : undefined;
          }),
        );
        for (const t of batch) if (t) found.push(t);
      }
      return found.sort((a, b) => (a.name ?? a.teamId).localeCompare(b.name ?? b.teamId));
    },
  };
}

/**
 * The report's teams for their prep card: a team the directory names (the local directory file
 * can), else every installed team whose roster lists them; several teams are all returned.
 */
export async function teamsOfReport(deps: TalentReviewDeps, reportId: string, tenantId: string | undefined): Promise<TeamOfPerson[]> {
  const named = await deps.directory.teamOf(reportId);
  if (named) return [{ teamId: named }];
  if (!tenantId || !deps.teams) return [];
  return deps.teams.teamsOf(tenantId, reportId);
}
