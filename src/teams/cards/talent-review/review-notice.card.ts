import { ReviewChange } from '../../../domain/talent-review/ports';
import { Translate, Locale } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, plainText, textBlock } from '../card-kit';
import { reviewDate } from './review-date';

/**
 * The professional's notice that their manager planned, moved or cancelled a conversation about
 * them. It names no note and no phase: only the date, and that what the manager sees before it is
 * theirs to share, with the preview of exactly that one press away. The line names the manager as
 * Teams knows them: a TextRun, never Markdown.
 */
export function reviewNoticeCard(notice: { date: string; change: ReviewChange; managerName?: string }, t: Translate, locale: Locale): AdaptiveCardJson {
  const manager = notice.managerName?.trim() || t('talentReview.notice.yourManager');
  const date = reviewDate(notice.date, locale);
  const { change } = notice;
  const line =
    change.kind === 'moved'
      ? t('talentReview.notice.moved', { manager, from: reviewDate(change.fromDate, locale), date })
      : t(`talentReview.notice.${change.kind}`, { manager, date });
  const ahead = change.kind !== 'cancelled';
  return adaptiveCard(
    [heading(t('talentReview.notice.title')), plainText(line, { weight: 'Bolder' }), ...(ahead ? [textBlock(t('talentReview.notice.yours'))] : [])],
    [
      ...(ahead ? [execute(t('talentReview.notice.preview'), 'previewPrep', {}, { associatedInputs: 'none' })] : []),
      execute(t('talentReview.notice.verantwoording'), 'showVerantwoording', {}, { associatedInputs: 'none' }),
    ],
  );
}
