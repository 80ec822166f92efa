import { B3History } from '../../domain/hr-report/ports';
import { Poll } from '../../domain/pulse-poll/poll';
import { TeamPulse, TeamPulseSource } from '../../domain/talent-review/ports';
import { PulsePollDeps } from './deps';
import { closedResults } from './poll-results';

/** The team cuts of a closed poll, exactly as its results card and each team's channel show them. */
async function teamResults(deps: PulsePollDeps, poll: Poll) {
  return (await closedResults(deps, poll, false)).teams;
}

/**
 * B3-spiegel results for other features (the HR report, the prep card), always the same team
 * cuts as the results card: only closed polls, and a team below the minimum has no scores, only
 * its count. No other cut (such as all teams together) leaves this feature.
 */
export function b3History(deps: PulsePollDeps): B3History & TeamPulseSource {
  const closed = async (tenantId: string) => (await deps.polls.listForTenant(tenantId)).filter((p) => p.status === 'closed' && p.closedOn);
  return {
    async closedPolls(tenantId, fromDate, toDate) {
      const polls = (await closed(tenantId)).filter((p) => p.closedOn! >= fromDate && p.closedOn! <= toDate);
      const rows = await Promise.all(
        polls.map(async (poll) =>
          (await teamResults(deps, poll)).map((t) => {
            // The team's Teams id: two teams of one name are two teams in the report.
            const teamId = poll.targets.find((target) => target.id === t.targetId)?.teamId;
            return { team: t.teamName, ...(teamId ? { teamId } : {}), closedOn: poll.closedOn!, respondents: t.respondents, ...(t.figures ? { scores: t.figures.bs } : {}) };
          }),
        ),
      );
      return rows.flat();
    },
    async latest(tenantId, teamId): Promise<TeamPulse> {
      const poll = (await closed(tenantId)).filter((p) => p.targets.some((t) => t.teamId === teamId)).sort((a, b) => b.closedOn!.localeCompare(a.closedOn!))[0];
      if (!poll) return { status: 'none' };
      const target = poll.targets.find((t) => t.teamId === teamId)!;
      const team = (await teamResults(deps, poll)).find((t) => t.targetId === target.id);
      if (!team?.figures) return { status: 'tooFew', closedOn: poll.closedOn! };
      return { status: 'ok', closedOn: poll.closedOn!, respondents: team.respondents, scores: team.figures.bs };
    },
  };
}
