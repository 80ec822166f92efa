import { DateTime } from 'luxon';
import { TalentReview } from '../../../domain/talent-review/review';
import { ReportWithoutPlan } from '../../../usecases/talent-review/manager-overview';
import { Locale, Translate } from '../../../i18n/i18n';
import { actionSet, adaptiveCard, AdaptiveCardJson, execute, heading, plainText, subtle, textBlock } from '../card-kit';
import { reviewDate } from './review-date';

/** A conversation just planned, and the day its prep card comes (yyyy-mm-dd; absent: it is due now). */
export interface JustPlanned {
  review: TalentReview;
  prepOn?: string;
}

/** What the confirmation of a plan says: when its prep card comes (or came). */
export function plannedLine(planned: JustPlanned, t: Translate, locale: Locale): string {
  const about = { name: planned.review.reportName, date: reviewDate(planned.review.date, locale) };
  // Planned again after its prep card went out: none follows, so say when it came.
  const sent = planned.review.prepSentAt;
  if (sent) return t('talentReview.list.plannedPrepSent', { ...about, sentDate: reviewDate(DateTime.fromISO(sent, { zone: planned.review.timeZone }).toISODate() ?? sent, locale) });
  const line = planned.prepOn ? t('talentReview.list.planned', { ...about, prepDate: reviewDate(planned.prepOn, locale) }) : t('talentReview.list.plannedPrepNow', about);
  // Sent again because Teams refused the earlier one: the manager never saw it, and hears so.
  const refused = planned.review.prepNotDelivered;
  if (!refused) return line;
  return `${t('talentReview.list.prepNotDelivered', { refusedDate: reviewDate(DateTime.fromISO(refused.at, { zone: planned.review.timeZone }).toISODate() ?? refused.at, locale) })} ${line}`;
}

/** A direct report with no conversation ahead: when the last one was, and a button to plan the next. */
function withoutPlanSection(reports: ReportWithoutPlan[], t: Translate, locale: Locale) {
  if (!reports.length) return [];
  return [
    textBlock(t('talentReview.list.withoutPlanTitle'), { weight: 'Bolder', spacing: 'Large' }),
    ...reports.flatMap((r) => [
      { ...plainText(r.lastHeld ? t('talentReview.list.lastHeld', { name: r.name, date: reviewDate(r.lastHeld, locale) }) : t('talentReview.list.noneYet', { name: r.name })), spacing: 'Small' as const },
      actionSet([execute(t('talentReview.list.planFor', { name: r.name }), 'openPlanReview', { reportId: r.reportId }, { associatedInputs: 'none' })], { spacing: 'None' }),
    ]),
  ];
}

/**
 * The manager's planned conversations, each with its prep on request and a way to move or cancel
 * it. `justPlanned` says when the prep card of a conversation just planned (or moved) comes;
 * `line` says what else just changed (a cancellation, say); `withoutPlan` names the direct
 * reports with no conversation ahead (absent: not known now).
 */
export function reviewsListCard(
  reviews: TalentReview[],
  t: Translate,
  locale: Locale,
  justPlanned?: JustPlanned,
  more: { line?: string; withoutPlan?: ReportWithoutPlan[]; reportsUnavailable?: boolean } = {},
): AdaptiveCardJson {
  const { line, withoutPlan, reportsUnavailable } = more;
  return adaptiveCard(
    [
      // Default text colour: readable on every theme (a green text was hard to read). The lines name
      // a person: TextRuns, so a name is never read as Markdown.
      ...(line ? [plainText(line, { weight: 'Bolder' })] : []),
      ...(justPlanned ? [plainText(plannedLine(justPlanned, t, locale), { weight: 'Bolder' })] : []),
      heading(t('talentReview.list.title')),
      ...(reviews.length
        ? reviews.flatMap((r) => [
            // Each conversation's date right above its own buttons.
            { ...plainText(t('talentReview.list.item', { name: r.reportName, date: reviewDate(r.date, locale) })), spacing: 'Small' as const },
            actionSet(
              [
                execute(t('talentReview.list.prepNow', { name: r.reportName }), 'showPrep', { reviewId: r.id }, { associatedInputs: 'none' }),
                execute(t('talentReview.list.change', { name: r.reportName }), 'openChangeReview', { reviewId: r.id }, { associatedInputs: 'none' }),
              ],
              { spacing: 'None' },
            ),
          ])
        : [textBlock(t('talentReview.list.empty'))]),
      // Absent when the directory was not asked (a list after a plan) or did not answer (then said so).
      ...(withoutPlan ? withoutPlanSection(withoutPlan, t, locale) : []),
      ...(reportsUnavailable ? [subtle(t('talentReview.list.reportsUnavailable'))] : []),
    ],
    [execute(t('talentReview.list.planAnother'), 'openPlanReview', {}, { associatedInputs: 'none' })],
  );
}
