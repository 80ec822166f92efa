import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, factSet, heading, subtle, textBlock, truncate } from '../card-kit';

export interface PollStartedView {
  teams: string[];
  closesLabel: string;
  delivery: 'channel' | 'private';
  reminders: string[];
  privateNudges: boolean;
  generalInstead: string[];
}

/** HR's confirmation: where the poll goes, until when, and when the reminders come. */
export function pollStartedCard(vm: PollStartedView, t: Translate): AdaptiveCardJson {
  return adaptiveCard([
    heading(t('pulse.started.title')),
    factSet([
      { title: t('pulse.started.teams'), value: truncate(vm.teams.join(', '), 600) },
      { title: t('pulse.started.closes'), value: vm.closesLabel },
      { title: t('pulse.started.delivery'), value: vm.delivery === 'private' ? t('pulse.started.deliveryPrivate') : t('pulse.started.deliveryChannel') },
      { title: t('pulse.started.reminders'), value: vm.reminders.length ? vm.reminders.join(', ') : t('pulse.started.noReminders') },
    ]),
    ...(vm.privateNudges ? [textBlock(t('pulse.started.nudges'))] : []),
    ...(vm.generalInstead.length ? [textBlock(t('pulse.started.generalInstead', { teams: truncate(vm.generalInstead.join(', '), 400) }), { color: 'Warning' })] : []),
    subtle(t('pulse.started.sending')),
  ]);
}
