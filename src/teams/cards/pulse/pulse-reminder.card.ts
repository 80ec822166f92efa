import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, subtle, textBlock } from '../card-kit';

export interface ReminderView {
  respondents: number;
  memberCount?: number;
  daysLeft: number;
}

/** A reply in the poll's thread: the response so far and the days left. Counts only. */
export function pollReminderCard(vm: ReminderView, t: Translate): AdaptiveCardJson {
  const text = vm.memberCount
    ? t('pulse.reminder.text', {
        answered: t('pulse.reminder.answered', { count: vm.respondents, members: vm.memberCount, rate: Math.min(100, Math.round((vm.respondents / vm.memberCount) * 100)) }),
        count: vm.daysLeft,
      })
    : t('pulse.reminder.textNoMembers', { respondents: vm.respondents, count: vm.daysLeft });
  return adaptiveCard([textBlock(`⏰ ${text}`), subtle(t('pulse.reminder.anonymous'))]);
}
