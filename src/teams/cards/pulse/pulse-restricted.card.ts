import { Translate } from '../../../i18n/i18n';
import { actionSet, adaptiveCard, AdaptiveCardJson, execute, heading, refreshFor, subtle, textBlock } from '../card-kit';

export interface RestrictedView {
  pollId: string;
  closedLabel: string;
  refreshUserIds: string[];
}

/**
 * HR's results in a shared place (a channel or group chat): everyone there sees only that they
 * exist. The HR person listed for refresh gets their own view by itself in Teams; the button is
 * for clients that do not refresh (and anyone else who presses it is refused).
 */
export function pollRestrictedCard(vm: RestrictedView, t: Translate): AdaptiveCardJson {
  const data = { pollId: vm.pollId };
  return adaptiveCard(
    [
      heading(t('pulse.restricted.title')),
      textBlock(t('pulse.restricted.closedResults', { date: vm.closedLabel })),
      actionSet([execute(t('pulse.restricted.show'), 'pulseResults', data)]),
      subtle(t('pulse.restricted.personalTip')),
    ],
    [],
    { refresh: refreshFor('pulseResults', data, vm.refreshUserIds) },
  );
}
