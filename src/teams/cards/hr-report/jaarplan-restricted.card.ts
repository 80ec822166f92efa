import { Locale, Translate } from '../../../i18n/i18n';
import { actionSet, adaptiveCard, AdaptiveCardJson, execute, heading, refreshFor, subtle, textBlock } from '../card-kit';

/**
 * `jaarplan` typed in a channel or group chat: everyone there sees only that HR opened the form;
 * the asker's Teams refreshes it to the form (as the report's card does). The button is for
 * clients that do not refresh; anyone but HR who presses it is refused. It carries the language
 * the card speaks (an English command word's), so the refreshed form speaks it too.
 */
export function jaarplanRestrictedCard(vm: { year: number; language?: Locale; refreshUserIds: string[] }, t: Translate): AdaptiveCardJson {
  const data = { year: vm.year, ...(vm.language ? { language: vm.language } : {}) };
  return adaptiveCard(
    [heading(t('jaarplan.title', { year: String(vm.year) })), textBlock(t('jaarplan.restricted.onlyAsker')), actionSet([execute(t('jaarplan.restricted.show'), 'openJaarplan', data)]), subtle(t('jaarplan.restricted.personalTip'))],
    [],
    { refresh: refreshFor('openJaarplan', data, vm.refreshUserIds) },
  );
}
