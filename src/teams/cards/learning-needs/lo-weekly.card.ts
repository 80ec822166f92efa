import { Language } from '../../../domain/framework/framework';
import { WeeklyLoView } from '../../../domain/learning-needs/weekly-to-lo';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, escapeMarkdown, execute, heading, textBlock } from '../card-kit';
import { learningNeedsFigures } from '../hr-report/learning-needs.section';
import { reportDate } from '../hr-report/report-format';

/**
 * HR/L&O's card in their own 1:1 chat after a week's handover (stop 51): what the report over that
 * week shows of it (the same figures, drawn by the same code), L&O's offer per theme (`aanbod`)
 * and the week's report one press away. Names nobody; holds what the batch holds and no more.
 * Since stop 52 it also says when its own handover could not be completed at the time (`late`),
 * or that an earlier week's could not and what it did not hand over was taken along in this one.
 */
export function loWeeklyCard(vm: WeeklyLoView, t: Translate, language: Language): AdaptiveCardJson {
  const from = escapeMarkdown(reportDate(vm.from, language));
  const to = escapeMarkdown(reportDate(vm.to, language));
  return adaptiveCard(
    [
      heading(t('loOffer.weekly.title', { week: vm.weekNumber })),
      textBlock(t('loOffer.weekly.intro', { from, to })),
      // What L&O needs to know of a handover that could not be completed (stop 52): the weeks, never a count.
      ...(vm.late ? [textBlock(t('loOffer.weekly.late'), { isSubtle: true })] : []),
      ...(vm.unfinished?.length ? [textBlock(t('loOffer.weekly.unfinished', { weeks: vm.unfinished.join(', ') }))] : []),
      ...learningNeedsFigures(vm.section, t),
    ],
    [
      execute(t('loOffer.open'), 'openLoOffers', { language }, { associatedInputs: 'none' }),
      execute(t('loOffer.weekly.showReport'), 'hrReportView', { from: vm.from, to: vm.to, language }),
    ],
  );
}
