import { DirectoryPerson } from '../../../domain/directory/manager-directory';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, textBlock } from '../card-kit';
import { TIME_ZONES } from '../group-setup.card';

/** The manager plans a talentontwikkelgesprek with one of their direct reports. */
export function planReviewCard(reports: DirectoryPerson[], defaults: { date: string; timeZone: string; prepDays: number }, t: Translate): AdaptiveCardJson {
  if (!reports.length) return adaptiveCard([heading(t('talentReview.plan.title')), textBlock(t('talentReview.plan.noReports'))]);
  return adaptiveCard(
    [
      heading(t('talentReview.plan.title')),
      textBlock(t('talentReview.plan.intro')),
      { type: 'Input.ChoiceSet', id: 'reportId', label: t('talentReview.plan.report'), choices: reports.map((r) => ({ title: r.name, value: r.id })), value: reports[0]!.id },
      { type: 'Input.Date', id: 'date', label: t('talentReview.plan.date'), value: defaults.date, min: defaults.date },
      { type: 'Input.ChoiceSet', id: 'timeZone', label: t('talentReview.plan.timeZone'), choices: TIME_ZONES.map((z) => ({ title: z, value: z })), value: defaults.timeZone },
      { type: 'Input.Number', id: 'prepDays', label: t('talentReview.plan.prepDays'), min: 0, max: 30, value: defaults.prepDays },
    ],
    [execute(t('talentReview.plan.save'), 'planReview', {}, { style: 'positive' })],
  );
}
