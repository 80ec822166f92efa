import { Language } from '../../../domain/framework/framework';
import { HrHalfYearView } from '../../../domain/hr-report/half-year';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, escapeMarkdown, execute, heading, subtle, textBlock } from '../card-kit';
import { reportDate } from './report-format';

/**
 * HR/L&O's reminder in their own 1:1 chat at a half-yearly moment: time to account to the board,
 * with the report over the half-year one press away (it is built, and its links signed, only when
 * pressed: the card itself holds the period and nothing of the report) and, for a year without
 * targets, how to set them.
 */
export function halfYearHrCard(vm: HrHalfYearView, t: Translate, language: Language): AdaptiveCardJson {
  const from = escapeMarkdown(reportDate(vm.halfYear.from, language));
  const to = escapeMarkdown(reportDate(vm.halfYear.to, language));
  const year = String(vm.year);
  return adaptiveCard(
    [
      heading(t('jaarplan.halfYear.hr.title')),
      textBlock(t('jaarplan.halfYear.hr.period', { from, to })),
      ...(vm.hasTargets ? [] : [textBlock(t('jaarplan.halfYear.hr.noTargets', { year }))]),
      subtle(t('jaarplan.halfYear.hr.months')),
    ],
    [
      execute(t('jaarplan.halfYear.hr.showReport'), 'hrReportView', { from: vm.halfYear.from, to: vm.halfYear.to, language }, { style: 'positive' }),
      ...(vm.hasTargets ? [] : [execute(t('jaarplan.halfYear.hr.setTargets'), 'openJaarplan', { year: vm.year, language }, { associatedInputs: 'none' })]),
    ],
  );
}
