import { DirectoryPerson } from '../../../domain/directory/manager-directory';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, refusalNotice, submittedText, textBlock, typedNumber, withFieldError } from '../card-kit';
import { errorTitle } from '../error.card';
import { timeZoneChoices } from '../group-setup.card';

/** A refused plan: the inputs as they were sent, and the reason per input id. */
export interface RefusedPlan {
  values: Record<string, unknown>;
  errors: Record<string, string>;
  /** Why nothing was saved, when it is no fault of an input (the manager's erasure is unfinished): said instead of "change the field". */
  why?: string;
}

/** What the plan card starts from: `today` (the earliest date) and `timeZone` are the organisation's; `reportId` the report chosen, if any. */
export interface PlanDefaults {
  reportId?: string;
  today: string;
  date: string;
  timeZone: string;
  prepDays: number;
}

/**
 * The manager plans a talentontwikkelgesprek with one of their direct reports. `key` names the plan
 * pressed on this card, so Teams delivering it again (after a move or a cancellation) plans nothing.
 */
export function planReviewCard(reports: DirectoryPerson[], defaults: PlanDefaults, t: Translate, key: string, refused?: RefusedPlan): AdaptiveCardJson {
  const error = (id: string) => refused?.errors[id];
  if (!reports.length) {
    // A refused plan (the one report moved away meanwhile) says it was not saved, and why, before there is nobody left to plan for.
    const why = refused ? [refusalNotice(refused.why ?? t('talentReview.form.planNotSaved')), ...(error('reportId') ? [textBlock(error('reportId')!)] : [])] : [];
    return adaptiveCard([heading(t('talentReview.plan.title')), ...why, textBlock(t('talentReview.plan.noReports'))]);
  }
  const reportId = submittedText(refused?.values, 'reportId');
  const timeZone = submittedText(refused?.values, 'timeZone');
  const zones = timeZoneChoices(defaults.timeZone);
  // Refused "1,5" comes back as 1.5, not empty: an empty field plans with the default, unseen.
  const prepDays = refused ? typedNumber(refused.values, 'prepDays') : defaults.prepDays;
  // A report no longer in the list (refused, or asked for by a request's button after they moved to
  // another manager, or an id nobody of theirs has) is not swapped for another: Save must not plan
  // for someone nobody chose. Only "plan another" (nobody asked for) starts at the first report.
  const inList = (id: string | undefined) => id !== undefined && reports.some((r) => r.id === id);
  const askedGone = !refused && defaults.reportId !== undefined && !inList(defaults.reportId);
  const asked = defaults.reportId === undefined ? reports[0]!.id : inList(defaults.reportId) ? defaults.reportId : undefined;
  const chosen = refused ? (inList(reportId) ? reportId : undefined) : asked;
  return adaptiveCard(
    [
      heading(t('talentReview.plan.title')),
      textBlock(t('talentReview.plan.intro')),
      ...(refused ? [refusalNotice(refused.why ?? t('talentReview.form.notSaved'))] : []),
      ...(askedGone ? [refusalNotice(t('talentReview.plan.askedNotReport'))] : []),
      ...withFieldError(
        { type: 'Input.ChoiceSet', id: 'reportId', label: t('talentReview.plan.report'), choices: reports.map((r) => ({ title: r.name, value: r.id })), ...(chosen ? { value: chosen } : { placeholder: t('talentReview.plan.choose') }) },
        error('reportId'),
      ),
      ...withFieldError({ type: 'Input.Date', id: 'date', label: t('talentReview.plan.date'), value: submittedText(refused?.values, 'date') ?? defaults.date, min: defaults.today }, error('date')),
      ...withFieldError(
        { type: 'Input.ChoiceSet', id: 'timeZone', label: t('talentReview.plan.timeZone'), choices: zones.map((z) => ({ title: z, value: z })), value: timeZone && zones.includes(timeZone) ? timeZone : defaults.timeZone },
        error('timeZone'),
      ),
      ...withFieldError({ type: 'Input.Number', id: 'prepDays', label: t('talentReview.plan.prepDays'), min: 0, max: 30, ...(prepDays === undefined ? {} : { value: prepDays }) }, error('prepDays')),
    ],
    [execute(t('talentReview.plan.save'), 'planReview', { k: key }, { style: 'positive' })],
  );
}

/**
 * A plan or a move pressed in another chat than the manager's own with the bot (a 1:1 chat with a
 * colleague): nothing stored, and where to do it instead.
 */
export function planElsewhereCard(t: Translate): AdaptiveCardJson {
  return adaptiveCard([errorTitle(t), textBlock(t('talentReview.plan.elsewhere'))]);
}
