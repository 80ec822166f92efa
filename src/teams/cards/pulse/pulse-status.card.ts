import { PollStatus } from '../../../usecases/pulse-poll/poll-status';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, factSet, heading, subtle, textBlock } from '../card-kit';
import { oneTeamNote, responseFacts } from './pulse-progress.card';

/** The delivery of a poll's messages, in the words of an HR adviser: arrived, on its way, not reachable, unsure. */
function deliveryLines(m: NonNullable<PollStatus['messages']>, t: Translate): string[] {
  const arrived = m.sent ?? 0;
  const underway = (m.pending ?? 0) + (m.sending ?? 0);
  const unreachable = (m.undeliverable ?? 0) + (m.failed ?? 0);
  const unsure = m.unconfirmed ?? 0;
  const lines = [
    ...(arrived ? [t('pulse.status.arrived', { count: arrived })] : []),
    ...(underway ? [t('pulse.status.underway', { count: underway })] : []),
    ...(unreachable ? [t('pulse.status.unreachable', { count: unreachable })] : []),
    ...(unsure ? [t('pulse.status.unsure', { count: unsure })] : []),
  ];
  return lines.length ? lines : [t('pulse.status.nothingYet')];
}

/**
 * HR's progress view: response per team, days left, and whether the poll's messages arrived. Counts
 * only. In a team's channel, of a poll with more teams: that team's response, without the delivery
 * (counted for the whole poll), and a note that every team's is in HR's personal chat.
 */
export function pollStatusCard(vm: { status: PollStatus; closesLabel: string; closedLabel?: string }, t: Translate): AdaptiveCardJson {
  const s = vm.status;
  return adaptiveCard([
    heading(t('pulse.status.title')),
    factSet([
      { title: t('pulse.progress.state'), value: s.open ? t('pulse.progress.open', { count: s.daysLeft }) : t('pulse.status.closed', { date: vm.closedLabel ?? vm.closesLabel }) },
      { title: t('pulse.progress.closes'), value: vm.closesLabel },
    ]),
    textBlock(t('pulse.progress.response'), { weight: 'Bolder', spacing: 'Medium' }),
    factSet(responseFacts(s, t)),
    ...(s.messages ? [textBlock(t('pulse.status.delivery'), { weight: 'Bolder', spacing: 'Medium' }), ...deliveryLines(s.messages, t).map((line) => textBlock(line))] : []),
    ...oneTeamNote(s, t),
    subtle(t('pulse.reminder.anonymous')),
  ]);
}
