import { PollProgress } from '../../../usecases/pulse-poll/poll-status';
import { Translate } from '../../../i18n/i18n';
import { NotDeliveredReason } from '../../../domain/pulse-poll/poll';
import { adaptiveCard, AdaptiveCardJson, Element, escapeMarkdown, factSet, heading, subtle, textBlock } from '../card-kit';

export interface ProgressFact {
  title: string;
  value: string;
}

/** HR's status card's reason per team not delivered for good (PollTarget.notDelivered). */
const NOT_DELIVERED_TEXT: Record<NotDeliveredReason, string> = {
  tooMany: 'pulse.status.notDeliveredTooMany',
  overlapsOpen: 'pulse.status.notDeliveredOverlapsOpen',
};

const rate = (respondents: number, members: number) => Math.min(100, Math.round((respondents / members) * 100));

/** "7 van 8 (88%)", or "7 reacties" where the team size is unknown. */
export function responseLine(r: { respondents: number; memberCount?: number }, t: Translate): string {
  return r.memberCount ? t('pulse.status.teamLine', { respondents: r.respondents, members: r.memberCount, rate: rate(r.respondents, r.memberCount) }) : t('pulse.status.teamLineNoMembers', { count: r.respondents });
}

/** Response per team (and all together when there are several). */
export function responseFacts(p: PollProgress, t: Translate): ProgressFact[] {
  const teams = p.teams.slice(0, 60).map((team) => ({ title: escapeMarkdown(team.teamName), value: team.delivered ? responseLine(team, t) : t(team.notDelivered ? NOT_DELIVERED_TEXT[team.notDelivered] : 'pulse.status.notDelivered') }));
  return p.teams.length > 1 ? [{ title: t('pulse.progress.all'), value: responseLine(p, t) }, ...teams] : teams;
}

/**
 * A poll that has not closed yet, as anyone allowed to ask sees it: how many answered and how
 * many days are left. Never a score: results exist only once the poll has closed.
 */
export function pollProgressCard(vm: { progress: PollProgress; closesLabel: string }, t: Translate): AdaptiveCardJson {
  const p = vm.progress;
  return adaptiveCard([
    heading(t(p.open ? 'pulse.progress.title' : 'pulse.progress.closedTitle')),
    factSet([
      ...(p.open ? [{ title: t('pulse.progress.state'), value: t('pulse.progress.open', { count: p.daysLeft }) }] : []),
      { title: t('pulse.progress.closes'), value: vm.closesLabel },
    ]),
    textBlock(t('pulse.progress.response'), { weight: 'Bolder', spacing: 'Medium' }),
    factSet(responseFacts(p, t)),
    textBlock(p.open ? t('pulse.progress.body') : t('pulse.progress.closing'), { wrap: true, spacing: 'Medium' }),
    ...oneTeamNote(p, t),
    subtle(t('pulse.reminder.anonymous')),
  ]);
}

/** On HR's view in a team's channel, which shows one team of the poll: where every team's figures are. */
export function oneTeamNote(p: PollProgress, t: Translate): Element[] {
  return p.otherTeamsLeftOut ? [subtle(t('pulse.progress.oneTeamHere'))] : [];
}
