import { DateTime } from 'luxon';
import { TalentReview } from '../../../domain/talent-review/review';
import { ReportWithoutPlan } from '../../../usecases/talent-review/manager-overview';
import { Locale, Translate } from '../../../i18n/i18n';
import { actionSet, adaptiveCard, AdaptiveCardJson, execute, heading, plainText, subtle, textBlock } from '../card-kit';
import { cardBytes, MAX_CARD_BYTES } from '../card-size';
import { reviewDate } from './review-date';

/** A conversation just planned, and the day its prep card comes (yyyy-mm-dd; absent: it is due now). */
export interface JustPlanned {
  review: TalentReview;
  prepOn?: string;
}

/** What the confirmation of a plan says: when its prep card comes (or came). `today`: see reviewDate. */
export function plannedLine(planned: JustPlanned, t: Translate, locale: Locale, today?: string): string {
  const day = (isoDate: string) => reviewDate(isoDate, locale, today);
  const about = { name: planned.review.reportName, date: day(planned.review.date) };
  // Planned again after its prep card went out: none follows, so say when it came.
  const sent = planned.review.prepSentAt;
  if (sent) return t('talentReview.list.plannedPrepSent', { ...about, sentDate: day(DateTime.fromISO(sent, { zone: planned.review.timeZone }).toISODate() ?? sent) });
  const line = planned.prepOn ? t('talentReview.list.planned', { ...about, prepDate: day(planned.prepOn) }) : t('talentReview.list.plannedPrepNow', about);
  // Sent again because Teams refused the earlier one: the manager never saw it, and hears so.
  const refused = planned.review.prepNotDelivered;
  if (!refused) return line;
  return `${t('talentReview.list.prepNotDelivered', { refusedDate: day(DateTime.fromISO(refused.at, { zone: planned.review.timeZone }).toISODate() ?? refused.at) })} ${line}`;
}

/**
 * How many lines (a conversation ahead, or a report without one) the list shows at a time: a
 * ward of 90 reports, each with a line and a button, is more than Teams takes in one message.
 */
export const LIST_PAGE = 40;
/**
 * Smaller pages, for when long names make a page of LIST_PAGE too large for Teams. One size holds
 * for the whole list (the largest every page fits in), so "Next N" and "Previous" are one page.
 */
const PAGE_STEPS = [LIST_PAGE, 30, 20, 10, 5, 1] as const;

type ListLine = { ahead: TalentReview } | { without: ReportWithoutPlan };

/** A conversation ahead: its date right above its own buttons. */
function aheadItems(r: TalentReview, t: Translate, day: (isoDate: string) => string) {
  return [
    { ...plainText(t('talentReview.list.item', { name: r.reportName, date: day(r.date) })), spacing: 'Small' as const },
    actionSet(
      [
        execute(t('talentReview.list.prepNow', { name: r.reportName }), 'showPrep', { reviewId: r.id }, { associatedInputs: 'none' }),
        execute(t('talentReview.list.change', { name: r.reportName }), 'openChangeReview', { reviewId: r.id }, { associatedInputs: 'none' }),
      ],
      { spacing: 'None' },
    ),
  ];
}

/** A direct report with no conversation ahead: when the last one was, and a button to plan the next. */
function withoutPlanItems(r: ReportWithoutPlan, t: Translate, day: (isoDate: string) => string) {
  return [
    { ...plainText(r.lastHeld ? t('talentReview.list.lastHeld', { name: r.name, date: day(r.lastHeld) }) : t('talentReview.list.noneYet', { name: r.name })), spacing: 'Small' as const },
    actionSet([execute(t('talentReview.list.planFor', { name: r.name }), 'openPlanReview', { reportId: r.reportId }, { associatedInputs: 'none' })], { spacing: 'None' }),
  ];
}

/** Where this page stands in the whole list, and the presses to the pages before and after it. */
function pageNavigation(lines: { skip: number; shown: number; total: number; size: number }, t: Translate) {
  const { skip, shown, total, size } = lines;
  if (skip === 0 && shown >= total) return [];
  const rest = total - skip - shown;
  return [
    subtle(t('talentReview.list.page', { from: skip + 1, to: skip + shown, total })),
    actionSet([
      ...(skip > 0 ? [execute(t('talentReview.list.previousPage'), 'showReviews', { skip: Math.max(0, skip - size) }, { associatedInputs: 'none' })] : []),
      ...(rest > 0 ? [execute(t('talentReview.list.nextPage', { count: Math.min(rest, size) }), 'showReviews', { skip: skip + shown }, { associatedInputs: 'none' })] : []),
    ]),
  ];
}

/**
 * The manager's planned conversations, each with its prep on request and a way to move or cancel
 * it. `justPlanned` says when the prep card of a conversation just planned (or moved) comes;
 * `line` says what else just changed (a cancellation, say); `withoutPlan` names the direct
 * reports with no conversation ahead (absent: not known now). `today` (yyyy-mm-dd, in the
 * organisation's time zone): dates in another year say it. The lines come a page at a time from
 * `skip` (conversations ahead first), and the card never outgrows what Teams takes.
 */
export function reviewsListCard(
  reviews: TalentReview[],
  t: Translate,
  locale: Locale,
  justPlanned?: JustPlanned,
  more: { line?: string; withoutPlan?: ReportWithoutPlan[]; reportsUnavailable?: boolean; today?: string; skip?: number } = {},
): AdaptiveCardJson {
  const { line, withoutPlan, reportsUnavailable, today } = more;
  const day = (isoDate: string) => reviewDate(isoDate, locale, today);
  const lines: ListLine[] = [...reviews.map((ahead) => ({ ahead })), ...(withoutPlan ?? []).map((without) => ({ without }))];
  // A page press from a list that has shrunk since (conversations held, reports moved): its first page.
  const skip = more.skip && more.skip < lines.length ? more.skip : 0;
  const build = (from: number, size: number) => {
    const page = lines.slice(from, from + size);
    const ahead = page.flatMap((l) => ('ahead' in l ? [l.ahead] : []));
    const without = page.flatMap((l) => ('without' in l ? [l.without] : []));
    const last = from + page.length >= lines.length;
    return adaptiveCard(
      [
        // Default text colour: readable on every theme (a green text was hard to read). The lines name
        // a person: TextRuns, so a name is never read as Markdown.
        ...(line ? [plainText(line, { weight: 'Bolder' })] : []),
        ...(justPlanned ? [plainText(plannedLine(justPlanned, t, locale, today), { weight: 'Bolder' })] : []),
        heading(t('talentReview.list.title')),
        ...(reviews.length ? ahead.flatMap((r) => aheadItems(r, t, day)) : [textBlock(t('talentReview.list.empty'))]),
        // Absent when the directory was not asked (a list after a plan) or did not answer (then said so).
        ...(without.length ? [textBlock(t('talentReview.list.withoutPlanTitle'), { weight: 'Bolder', spacing: 'Large' }), ...without.flatMap((r) => withoutPlanItems(r, t, day))] : []),
        ...(reportsUnavailable && last ? [subtle(t('talentReview.list.reportsUnavailable'))] : []),
        ...pageNavigation({ skip: from, shown: page.length, total: lines.length, size }, t),
      ],
      [execute(t('talentReview.list.planAnother'), 'openPlanReview', {}, { associatedInputs: 'none' })],
    );
  };
  const size = PAGE_STEPS.find((step) => reachablePageStarts(skip, step, lines.length).every((from) => cardBytes(build(from, step)) <= MAX_CARD_BYTES)) ?? PAGE_STEPS.at(-1)!;
  return build(skip, size);
}

/**
 * Where the pages start that the presses from `skip` reach, a page of `size` at a time: forward
 * from `skip`, and back from it down to the first page (then forward again from there).
 */
function reachablePageStarts(skip: number, size: number, total: number): number[] {
  const starts = new Set<number>();
  for (let from = skip % size; from < total; from += size) starts.add(from);
  for (let from = 0; from < total; from += size) starts.add(from);
  return [...starts];
}
