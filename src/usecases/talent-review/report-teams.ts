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
    async teamsOf(tenantId, userId, alsoOf) {
      const teams = (await installations.listInstalled(tenantId)).slice(0, ROSTER_SCAN.maxTeams);
      const found: TeamOfPerson[] = [];
      for (let i = 0; i < teams.length; i += ROSTER_SCAN.concurrency) {
        const batch = await Promise.all(
          teams.slice(i, i + ROSTER_SCAN.concurrency).map(async (team) => {
            const members = await roster.members(team).catch(() => []);
            if (!members.some((m) => m.userId === userId)) return undefined;
            // The other person is looked for in the roster already read, by the same id (the Entra object id).
            const withOther = alsoOf !== undefined && alsoOf !== userId && members.some((m) => m.userId === alsoOf);
            return { teamId: team.teamId, name: team.name, ...(withOther ? { withOther: true as const } : {}) };
          }),
        );
        for (const t of batch) if (t) found.push(t);
      }
      return found.sort((a, b) => (a.name ?? a.teamId).localeCompare(b.name ?? b.teamId));
    },
  };
}

/** A team of the report, and whether the prep card shows it by default (prep-teams.ts). */
export type TeamOfReport = TeamOfPerson & { byDefault: boolean; fromDirectory?: true };

/**
 * The report's teams for their prep card: a team the directory names (the local directory file
 * can), else every installed team whose roster lists them; several teams are all returned. By
 * default the card shows a team whose roster lists the manager too, and the team the directory
 * names for the person's prep card; the report's own choices decide the rest (prep-teams.ts).
 */
export async function teamsOfReport(deps: TalentReviewDeps, reportId: string, managerId: string, tenantId: string | undefined): Promise<TeamOfReport[]> {
  const named = await deps.directory.teamOf(reportId);
  if (named) return [{ teamId: named, byDefault: true, fromDirectory: true }];
  if (!tenantId || !deps.teams) return [];
  return (await deps.teams.teamsOf(tenantId, reportId, managerId)).map((team) => ({ ...team, byDefault: team.withOther === true }));
}
