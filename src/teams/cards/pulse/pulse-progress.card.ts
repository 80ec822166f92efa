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

/** How many teams the card names: the rest are a count, so an "alle teams" poll of a large organisation stays within Teams' size. */
export const TEAMS_NAMED = 60;

type ProgressTeam = PollProgress['teams'][number];

/** Teams not delivered for good first (what HR must act on), then those still being delivered, then the rest, each in the poll's order. */
const urgency = (team: ProgressTeam) => (team.delivered ? 2 : team.notDelivered ? 0 : 1);

/**
 * Response per team (and all together when there are several). Past TEAMS_NAMED, a last line
 * counts the teams not named, and how many of them were not delivered: in an "alle teams" poll
 * the teams over the invitee cap are the last ones, which HR must not miss.
 */
export function responseFacts(p: PollProgress, t: Translate): ProgressFact[] {
  const ordered = [...p.teams].sort((a, b) => urgency(a) - urgency(b));
  const teams = ordered.slice(0, TEAMS_NAMED).map((team) => ({ title: escapeMarkdown(team.teamName), value: team.delivered ? responseLine(team, t) : t(team.notDelivered ? NOT_DELIVERED_TEXT[team.notDelivered] : 'pulse.status.notDelivered') }));
  const rest = ordered.slice(TEAMS_NAMED);
  const notNamed = rest.length ? [{ title: t('pulse.progress.notNamedTitle'), value: notNamedLine(rest, t) }] : [];
  return p.teams.length > 1 ? [{ title: t('pulse.progress.all'), value: responseLine(p, t) }, ...teams, ...notNamed] : teams;
}

/** "en nog 10 teams (6 niet bezorgd)": the teams past TEAMS_NAMED, counted. */
function notNamedLine(rest: ProgressTeam[], t: Translate): string {
  const notDelivered = rest.filter((team) => !team.delivered && team.notDelivered).length;
  return notDelivered ? t('pulse.progress.moreTeamsNotDelivered', { count: rest.length, notDelivered }) : t('pulse.progress.moreTeams', { count: rest.length });
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
