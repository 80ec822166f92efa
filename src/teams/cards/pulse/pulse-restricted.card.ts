import { Translate } from '../../../i18n/i18n';
import { actionSet, adaptiveCard, AdaptiveCardJson, execute, heading, refreshFor, textBlock } from '../card-kit';

export type RestrictedView =
  | { kind: 'results'; pollId: string; teamId?: string; closedLabel?: string; refreshUserIds: string[] }
  | { kind: 'status'; pollId: string; refreshUserIds: string[] };

/**
 * What everyone in a channel sees of results or progress: only that they exist. The person who
 * asked (listed for refresh) gets their own view automatically; anyone may press the button and
 * gets what they are allowed to see, HR everything, a team's manager that team, others a refusal.
 */
export function pollRestrictedCard(vm: RestrictedView, t: Translate): AdaptiveCardJson {
  if (vm.kind === 'status') {
    return adaptiveCard([heading(t('pulse.restricted.title')), textBlock(t('pulse.restricted.status')), actionSet([execute(t('pulse.restricted.showStatus'), 'pulseStatus', { pollId: vm.pollId })])], [], {
      refresh: refreshFor('pulseStatus', { pollId: vm.pollId }, vm.refreshUserIds),
    });
  }
  const data = { pollId: vm.pollId, ...(vm.teamId ? { teamId: vm.teamId } : {}) };
  return adaptiveCard(
    [
      heading(t('pulse.restricted.title')),
      textBlock(vm.closedLabel ? t('pulse.restricted.closedResults', { date: vm.closedLabel }) : t('pulse.restricted.results')),
      actionSet([execute(t('pulse.restricted.show'), 'pulseResults', data)]),
    ],
    [],
    { refresh: refreshFor('pulseResults', data, vm.refreshUserIds) },
  );
}
