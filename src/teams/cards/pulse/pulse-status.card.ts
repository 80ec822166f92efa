import { PollStatus } from '../../../usecases/pulse-poll/poll-status';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, factSet, heading, subtle } from '../card-kit';

/** HR's progress view: response per team, days left, and how the poll's messages are doing. */
export function pollStatusCard(vm: { status: PollStatus; closesLabel: string }, t: Translate): AdaptiveCardJson {
  const s = vm.status;
  const m = s.messages;
  return adaptiveCard([
    heading(t('pulse.status.title')),
    factSet([
      { title: t('pulse.status.state'), value: s.poll.status === 'open' ? t('pulse.status.open', { days: s.daysLeft }) : t('pulse.status.closed') },
      { title: t('pulse.started.closes'), value: vm.closesLabel },
      {
        title: t('pulse.status.messages'),
        value: t('pulse.status.messageCounts', { sent: m.sent ?? 0, pending: (m.pending ?? 0) + (m.sending ?? 0), undeliverable: m.undeliverable ?? 0, unconfirmed: m.unconfirmed ?? 0 }),
      },
    ]),
    factSet(
      s.teams.slice(0, 60).map((team) => ({
        title: team.teamName,
        value: !team.delivered
          ? t('pulse.status.notDelivered')
          : team.memberCount
            ? t('pulse.status.teamLine', { respondents: team.respondents, members: team.memberCount })
            : t('pulse.status.teamLineNoMembers', { respondents: team.respondents }),
      })),
    ),
    subtle(t('pulse.reminder.anonymous')),
  ]);
}
