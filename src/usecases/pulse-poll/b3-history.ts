import { B3History } from '../../domain/hr-report/ports';
import { Poll } from '../../domain/pulse-poll/poll';
import { buildResults } from '../../domain/pulse-poll/results';
import { TeamPulse, TeamPulseSource } from '../../domain/talent-review/ports';
import { PulsePollDeps } from './deps';

async function teamResults(deps: PulsePollDeps, poll: Poll) {
  const answers = (await deps.answers.answers(poll.id)).map((a) => ({ targetId: a.targetId, scores: a.scores }));
  return buildResults({ poll, answers }, [], deps.minRespondents).teams;
}

/**
 * B3-spiegel results for other features, always through the same minimum-respondents rule as
 * the results card: a team below the minimum has no scores, only its count.
 */
export function b3History(deps: PulsePollDeps): B3History & TeamPulseSource {
  const closed = async (tenantId: string) => (await deps.polls.listForTenant(tenantId)).filter((p) => p.status === 'closed' && p.closedOn);
  return {
    async closedPolls(tenantId, fromDate, toDate) {
      const polls = (await closed(tenantId)).filter((p) => p.closedOn! >= fromDate && p.closedOn! <= toDate);
      const rows = await Promise.all(
        polls.map(async (poll) =>
          (await teamResults(deps, poll)).map((t) => ({ team: t.teamName, closedOn: poll.closedOn!, respondents: t.respondents, ...(t.figures ? { scores: t.figures.bs } : {}) })),
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
