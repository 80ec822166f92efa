import { TalentReview } from '../../../domain/talent-review/review';
import { Locale, Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, escapeMarkdown, execute, heading, refusalNotice, submittedText, subtle, textBlock, withFieldError } from '../card-kit';
import { reviewDate } from './review-date';

/** A refused move: the inputs as they were sent, and the reason per input id. */
export interface RefusedMove {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

/**
 * "Verplaatsen of annuleren": one planned conversation, a new date to move it to, or cancel it.
 * `today` (yyyy-mm-dd, the organisation's) is the earliest date the picker offers; `key` names
 * the move pressed on this card, so Teams delivering it again moves nothing. Both buttons name the
 * plan the card showed (`planned`: when it was made): a press delivered again after the manager
 * cancelled and planned the same date anew finds that plan gone and changes nothing.
 */
export function changeReviewCard(review: TalentReview, today: string, t: Translate, locale: Locale, key: string, refused?: RefusedMove): AdaptiveCardJson {
  const dateError = refused?.errors.date;
  // A refusal about something other than the date (the report moved to another manager) is said above the form,
  // and not as one that changing the date would mend.
  const other = refused ? Object.entries(refused.errors).filter(([field]) => field !== 'date').map(([, text]) => text) : [];
  const notSaved = dateError || !other.length ? 'talentReview.form.notSaved' : 'talentReview.change.notMoved';
  return adaptiveCard(
    [
      heading(t('talentReview.change.title', { name: escapeMarkdown(review.reportName) })),
      textBlock(t('talentReview.change.plannedOn', { date: reviewDate(review.date, locale) })),
      ...(refused ? [refusalNotice(t(notSaved)), ...other.map((text) => textBlock(text))] : []),
      ...withFieldError({ type: 'Input.Date', id: 'date', label: t('talentReview.change.newDate'), value: submittedText(refused?.values, 'date') ?? review.date, min: today }, dateError),
      subtle(t('talentReview.change.cancelNote')),
    ],
    [
      execute(t('talentReview.change.move'), 'moveReview', { reviewId: review.id, planned: review.createdAt, k: key }, { style: 'positive' }),
      execute(t('talentReview.change.cancel'), 'cancelReview', { reviewId: review.id, planned: review.createdAt }, { style: 'destructive', associatedInputs: 'none' }),
    ],
  );
}
