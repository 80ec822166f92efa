import { Language } from '../../../domain/framework/framework';
import { ManagerHalfYearView } from '../../../domain/hr-report/half-year';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, escapeMarkdown, execute, heading, textBlock } from '../card-kit';
import { lateLine } from './half-year-hr.card';
import { reportDate } from './report-format';

/**
 * A manager's nudge at a half-yearly moment: how many of their direct reports have no conversation
 * in their own planning for this half-year, and the plan form. It names nobody and judges nothing:
 * the count is of the manager's plans, not of anyone's behaviour or sharing.
 */
export function halfYearManagerCard(vm: ManagerHalfYearView, t: Translate, language: Language): AdaptiveCardJson {
  const from = escapeMarkdown(reportDate(vm.halfYear.from, language));
  const to = escapeMarkdown(reportDate(vm.halfYear.to, language));
  return adaptiveCard(
    [
      heading(t('jaarplan.halfYear.manager.title')),
      ...(vm.late ? [textBlock(lateLine(vm.halfYear, t))] : []),
      textBlock(t('jaarplan.halfYear.manager.count', { count: vm.withoutConversation, from, to })),
      textBlock(t('jaarplan.halfYear.manager.yours')),
    ],
    [execute(t('jaarplan.halfYear.manager.plan'), 'openPlanReview', {}, { style: 'positive', associatedInputs: 'none' })],
  );
}
