import { DirectoryPerson } from '../../../domain/directory/manager-directory';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, refusalNotice, submittedNumber, submittedText, textBlock, withFieldError } from '../card-kit';
import { timeZoneChoices } from '../group-setup.card';

/** A refused plan: the inputs as they were sent, and the reason per input id. */
export interface RefusedPlan {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

/** What the plan card starts from: `today` (the earliest date) and `timeZone` are the organisation's. */
export interface PlanDefaults {
  today: string;
  date: string;
  timeZone: string;
  prepDays: number;
}

/** The manager plans a talentontwikkelgesprek with one of their direct reports. */
export function planReviewCard(reports: DirectoryPerson[], defaults: PlanDefaults, t: Translate, refused?: RefusedPlan): AdaptiveCardJson {
  if (!reports.length) return adaptiveCard([heading(t('talentReview.plan.title')), textBlock(t('talentReview.plan.noReports'))]);
  const reportId = submittedText(refused?.values, 'reportId');
  const timeZone = submittedText(refused?.values, 'timeZone');
  const zones = timeZoneChoices(defaults.timeZone);
  const prepDays = refused ? submittedNumber(refused.values, 'prepDays') : defaults.prepDays;
  const error = (id: string) => refused?.errors[id];
  return adaptiveCard(
    [
      heading(t('talentReview.plan.title')),
      textBlock(t('talentReview.plan.intro')),
      ...(refused ? [refusalNotice(t('talentReview.form.notSaved'))] : []),
      ...withFieldError(
        { type: 'Input.ChoiceSet', id: 'reportId', label: t('talentReview.plan.report'), choices: reports.map((r) => ({ title: r.name, value: r.id })), value: reports.some((r) => r.id === reportId) ? reportId : reports[0]!.id },
        error('reportId'),
      ),
      ...withFieldError({ type: 'Input.Date', id: 'date', label: t('talentReview.plan.date'), value: submittedText(refused?.values, 'date') ?? defaults.date, min: defaults.today }, error('date')),
      ...withFieldError(
        { type: 'Input.ChoiceSet', id: 'timeZone', label: t('talentReview.plan.timeZone'), choices: zones.map((z) => ({ title: z, value: z })), value: timeZone && zones.includes(timeZone) ? timeZone : defaults.timeZone },
        error('timeZone'),
      ),
      ...withFieldError({ type: 'Input.Number', id: 'prepDays', label: t('talentReview.plan.prepDays'), min: 0, max: 30, ...(prepDays === undefined ? {} : { value: prepDays }) }, error('prepDays')),
    ],
    [execute(t('talentReview.plan.save'), 'planReview', {}, { style: 'positive' })],
  );
}
