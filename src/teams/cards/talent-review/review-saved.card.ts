import { TalentReview } from '../../../domain/talent-review/review';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, plainText, textBlock } from '../card-kit';

/**
 * A change to a conversation that is stored, when the card that would show it cannot be built
 * right now (the store briefly unavailable): an error card would say nothing was stored, and the
 * manager's retry would find it done. `line` says what was stored, when there is more to say;
 * `unsaved` is text the manager typed that came along unsaved (to copy: nothing they typed is lost).
 * `text` replaces the general "saved" words where there is more to say (the conversation moved meanwhile).
 */
export function reviewSavedCard(review: Pick<TalentReview, 'id' | 'reportName'>, t: Translate, opts: { line?: string; unsaved?: string; text?: string } = {}): AdaptiveCardJson {
  return adaptiveCard(
    [
      heading(t('talentReview.saved.title')),
      ...(opts.line ? [plainText(opts.line, { weight: 'Bolder' })] : []),
      textBlock(opts.text ?? t('talentReview.saved.text')),
      ...(opts.unsaved?.trim() ? [{ type: 'Input.Text' as const, id: 'notSaved.facilitated', label: t('talentReview.saved.unsaved'), isMultiline: true, value: opts.unsaved }] : []),
    ],
    [execute(t('talentReview.list.prepNow', { name: review.reportName }), 'showPrep', { reviewId: review.id }, { associatedInputs: 'none' })],
  );
}
