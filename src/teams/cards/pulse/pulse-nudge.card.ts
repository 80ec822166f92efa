import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, heading, plainText } from '../card-kit';

/**
 * A private nudge to someone who has not answered; for channel delivery it says where the card is.
 * Team and channel names are typed in Teams: the sentences are TextRuns, never Markdown.
 */
export function pollNudgeCard(vm: { teamName: string; channelName?: string; daysLeft: number; private: boolean }, t: Translate): AdaptiveCardJson {
  return adaptiveCard([
    heading(t('pulse.nudge.title')),
    plainText(t('pulse.nudge.body', { team: vm.teamName, count: vm.daysLeft })),
    plainText(vm.private ? t('pulse.nudge.wherePrivate') : t('pulse.nudge.where', { team: vm.teamName, channel: vm.channelName ?? t('pulse.nudge.generalChannel') })),
  ]);
}
