import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, heading, textBlock } from '../card-kit';

/** A private nudge to someone who has not answered; for channel delivery it says where the card is. */
export function pollNudgeCard(vm: { teamName: string; channelName?: string; daysLeft: number; private: boolean }, t: Translate): AdaptiveCardJson {
  return adaptiveCard([
    heading(t('pulse.nudge.title')),
    textBlock(t('pulse.nudge.body', { team: vm.teamName, count: vm.daysLeft })),
    textBlock(vm.private ? t('pulse.nudge.wherePrivate') : t('pulse.nudge.where', { team: vm.teamName, channel: vm.channelName ?? t('pulse.nudge.generalChannel') })),
  ]);
}
