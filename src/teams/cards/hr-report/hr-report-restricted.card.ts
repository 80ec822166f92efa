import { Language } from '../../../domain/framework/framework';
import { Translate } from '../../../i18n/i18n';
import { actionSet, adaptiveCard, AdaptiveCardJson, execute, heading, refreshFor, subtle, textBlock } from '../card-kit';
import { reportDate } from './report-format';

export interface RestrictedReportView {
  period: { from: string; to: string };
  language: Language;
  refreshUserIds: string[];
}

/**
 * The HR report asked for in a channel or group chat: everyone there sees only that it exists.
 * It holds what managers shared with HR alone, learning needs for L&O and bearer download links,
 * so the asker's Teams refreshes it to their own view; the button is for clients that do not
 * refresh (anyone else who presses it is refused).
 */
export function hrReportRestrictedCard(vm: RestrictedReportView, t: Translate): AdaptiveCardJson {
  const data = { from: vm.period.from, to: vm.period.to, language: vm.language };
  return adaptiveCard(
    [
      heading(t('hrReport.restricted.title')),
      textBlock(t('hrReport.restricted.onlyAsker', { from: reportDate(vm.period.from, vm.language), to: reportDate(vm.period.to, vm.language) })),
      actionSet([execute(t('hrReport.restricted.show'), 'hrReportView', data)]),
      subtle(t('hrReport.restricted.personalTip')),
    ],
    [],
    { refresh: refreshFor('hrReportView', data, vm.refreshUserIds) },
  );
}
