import { Language } from '../../../domain/framework/framework';
import { HrHalfYearView } from '../../../domain/hr-report/half-year';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, escapeMarkdown, execute, heading, subtle, textBlock } from '../card-kit';
import { reportDate } from './report-format';

/**
 * The line of a half-year card sent after its moment month (the app was down then): it was due in
 * that month, the half-year's last. Shared by HR's reminder and the manager's nudge.
 */
export function lateLine(halfYear: { to: string }, t: Translate): string {
  return t('jaarplan.halfYear.late', { month: t(`jaarplan.moments.month.${Number(halfYear.to.slice(5, 7))}`), year: halfYear.to.slice(0, 4) });
}

/**
 * HR/L&O's reminder in their own 1:1 chat at a half-yearly moment: time to account to the board,
 * with the report over the half-year one press away (it is built, and its links signed, only when
 * pressed: the card itself holds the period and nothing of the report) and, for a year without
 * targets, how to set them. Sent after the moment month, it says it comes late.
 */
export function halfYearHrCard(vm: HrHalfYearView, t: Translate, language: Language): AdaptiveCardJson {
  const from = escapeMarkdown(reportDate(vm.halfYear.from, language));
  const to = escapeMarkdown(reportDate(vm.halfYear.to, language));
  const year = String(vm.year);
  return adaptiveCard(
    [
      heading(t('jaarplan.halfYear.hr.title')),
      ...(vm.late ? [textBlock(lateLine(vm.halfYear, t))] : []),
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
