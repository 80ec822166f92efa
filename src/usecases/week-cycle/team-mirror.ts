import { TeamMirror } from '../../domain/week-cycle/group';
import { WeekCycleDeps } from './deps';
import { groupIdFor } from './set-up-group';

/**
 * A team's B3 mirror came back: each Vitale Weekcyclus group set up in one of the team's channels
 * (found by the team its setup stored, or by the channel the poll used, or the team's General
 * channel for groups set up before teams were stored) keeps which poll it was, so its sessions in
 * the weeks after point to it. Idempotent: a poll already noted, or a newer one, is left as it is.
 * A group chat made of team members is not a channel of the team and is not told.
 */
export async function noteTeamMirror(deps: Pick<WeekCycleDeps, 'groups'>, team: { teamId: string; channelId: string; teamName: string }, mirror: { pollId: string; closedAt: string }): Promise<number> {
  const ids = new Set([...(await deps.groups.idsInTeam(team.teamId)), groupIdFor(team.channelId), groupIdFor(team.teamId)]);
  const noted: TeamMirror = { pollId: mirror.pollId, teamName: team.teamName, closedAt: mirror.closedAt };
  let told = 0;
  for (const id of ids) {
    const group = await deps.groups.get(id);
    if (!group) continue;
    await deps.groups.update(id, (g) => (g.teamMirror && g.teamMirror.closedAt >= noted.closedAt ? g : { ...g, teamMirror: noted }));
    told++;
  }
  return told;
}
