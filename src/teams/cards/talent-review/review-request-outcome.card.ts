import { trimText } from '../../../domain/shared/text';
import { Translate, Locale } from '../../../i18n/i18n';
import { RequestOutcome } from '../../../usecases/talent-review/request-review';
import { adaptiveCard, AdaptiveCardJson, execute, heading, plainText, textBlock } from '../card-kit';
import { backToOverview } from '../verantwoording/format';
import { reviewDate } from './review-date';

/**
 * The professional's notice, in their own chat, that Teams refused their request for good (the
 * manager's chat with the bot could not be reached): it did not arrive, so they can ask otherwise.
 */
export function reviewRequestNotDeliveredCard(t: Translate): AdaptiveCardJson {
  return adaptiveCard(
    [heading(t('talentReview.request.notDeliveredTitle')), textBlock(t('talentReview.request.notDelivered'))],
    [execute(t('talentReview.request.button'), 'openReviewRequest', {}, { associatedInputs: 'none' })],
  );
}

/**
 * What the professional hears of their request, in their own chat: sent (to whom, where the
 * directory knows the name, with their message as sent; a press an earlier try had sent already
 * says so, not this try's words), or why nothing was sent: no manager in the directory, or a
 * conversation already planned (its date, and the preview to prepare it); then the message they
 * typed (`typed`), to copy, so none is lost (as proposalToManagerOutcomeCard keeps the words).
 * `draft`: the overview's new note, carried back to it. A press whose request was withdrawn since
 * gets the form again instead (reviewRequestFormCard, `withdrawnPress`).
 */
export function reviewRequestOutcomeCard(outcome: Exclude<RequestOutcome, { status: 'withdrawn' }>, t: Translate, locale: Locale, opts: { draft?: string; typed?: string } = {}): AdaptiveCardJson {
  const back = backToOverview(t, opts.draft, 'talentReview.notice.verantwoording');
  // Not sent: the message as typed, in a field to copy it from (no button sends it; it is stored nowhere).
  const typed = opts.typed && trimText(opts.typed) ? [{ type: 'Input.Text' as const, id: 'notSent.message', label: t('talentReview.request.typedNotSent'), isMultiline: true, value: opts.typed }] : [];
  switch (outcome.status) {
    case 'sent': {
      const line = outcome.managerName ? t('talentReview.request.sent', { manager: outcome.managerName }) : t('talentReview.request.sentToYourManager');
      const { message } = outcome;
      return adaptiveCard(
        [
          heading(t('talentReview.request.sentTitle')),
          // The manager's name as the directory has it: plain text, never read as Markdown.
          plainText(line, { weight: 'Bolder' }),
          textBlock(t('talentReview.request.sentNext')),
          ...(outcome.earlierTry ? [textBlock(t('talentReview.request.earlierTry'))] : []),
          ...(message ? [textBlock(t('talentReview.request.yourMessage'), { size: 'Small', weight: 'Bolder' }), plainText(message)] : []),
        ],
        [back],
      );
    }
    case 'noManager':
      return adaptiveCard([heading(t('talentReview.request.title')), textBlock(t('talentReview.request.noManager')), ...typed], [back]);
    case 'alreadyPlanned':
      return adaptiveCard(
        [heading(t('talentReview.request.title')), textBlock(t('talentReview.request.alreadyPlanned', { date: reviewDate(outcome.date, locale) }), { weight: 'Bolder' }), textBlock(t('talentReview.notice.yours')), ...typed],
        [execute(t('talentReview.notice.preview'), 'previewPrep', opts.draft ? { text: opts.draft } : {}, { associatedInputs: 'none' }), back],
      );
  }
}
