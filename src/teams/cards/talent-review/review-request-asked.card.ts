import { dayIn } from '../../../domain/talent-review/review-request';
import { Locale, Translate } from '../../../i18n/i18n';
import { AskedBefore } from '../../../usecases/talent-review/request-review';
import { Action, actionSet, adaptiveCard, AdaptiveCardJson, container, Element, execute, heading, plainText, textBlock } from '../card-kit';
import { backToOverview } from '../verantwoording/format';
import { reviewDate } from './review-date';

/** How the professional's own request is named: the manager's name as the directory has it, else "your manager"; the day in the organisation's time zone. */
function askedLine(asked: Pick<AskedBefore, 'sentAt' | 'managerName'>, t: Translate, locale: Locale, timeZone: string): string {
  const date = reviewDate(dayIn(asked.sentAt, timeZone), locale);
  return asked.managerName ? t('talentReview.request.asked', { manager: asked.managerName, date }) : t('talentReview.request.askedYourManager', { date });
}

/** An earlier kept request in the list: to whom (the directory's name, else "your manager") and on which day. */
function keptLine(asked: Pick<AskedBefore, 'sentAt' | 'managerName'>, t: Translate, locale: Locale, timeZone: string): string {
  const date = reviewDate(dayIn(asked.sentAt, timeZone), locale);
  return asked.managerName ? t('talentReview.request.keptLine', { manager: asked.managerName, date }) : t('talentReview.request.keptLineYourManager', { date });
}

/**
 * "Je vroeg <manager> op <datum> om een gesprek": the professional's latest request while it is
 * unanswered, on "Wat ziet mijn leidinggevende?" and on the request form. The name is plain text
 * (never read as Markdown).
 */
export function askedBeforeItems(asked: AskedBefore, t: Translate, locale: Locale, timeZone: string): Element[] {
  return [container([plainText(askedLine(asked, t, locale, timeZone), { weight: 'Bolder' }), textBlock(t('talentReview.request.askedHint'), { size: 'Small' })], { style: 'emphasis' })];
}

/**
 * Their other kept requests (answered by a plan, or to a former manager), newest first, a few,
 * each with its own button to withdraw it (asks first), and how many more there are: on "Wat ziet
 * mijn leidinggevende?", so every request their export lists can be withdrawn from a card.
 */
export function keptRequestsItems(kept: { earlier: readonly AskedBefore[]; more: number }, t: Translate, locale: Locale, timeZone: string, draft?: string): Element[] {
  if (!kept.earlier.length) return [];
  const rows = kept.earlier.map((asked) =>
    container([plainText(keptLine(asked, t, locale, timeZone)), actionSet([execute(t('talentReview.request.withdrawShort'), 'confirmWithdrawReviewRequest', { id: asked.id, ...(draft ? { draft } : {}) }, { associatedInputs: 'none' })])], { separator: true }),
  );
  const more = kept.more > 0 ? [textBlock(t('talentReview.request.keptMore', { count: kept.more }), { size: 'Small', isSubtle: true })] : [];
  return [container([textBlock(t('talentReview.request.keptTitle'), { weight: 'Bolder' }), textBlock(t('talentReview.request.keptHint'), { size: 'Small' }), ...rows, ...more], { separator: true, spacing: 'Large' })];
}

/** The button to withdraw their own kept request (asks first). */
export function withdrawRequestAction(asked: Pick<AskedBefore, 'id'>, t: Translate, draft?: string): Action {
  return execute(t('talentReview.request.withdraw'), 'confirmWithdrawReviewRequest', { id: asked.id, ...(draft ? { draft } : {}) }, { associatedInputs: 'none' });
}

/**
 * The confirm before the professional withdraws their kept request: only their own record goes;
 * the card already sent stays in the manager's chat (said so, in bold).
 */
export function withdrawRequestConfirmCard(asked: Pick<AskedBefore, 'id' | 'sentAt' | 'managerName'>, t: Translate, locale: Locale, timeZone: string, draft?: string): AdaptiveCardJson {
  return adaptiveCard(
    [heading(t('talentReview.request.withdrawTitle')), plainText(askedLine(asked, t, locale, timeZone)), textBlock(t('talentReview.request.withdrawStays'), { weight: 'Bolder' })],
    [
      execute(t('talentReview.request.withdrawYes'), 'withdrawReviewRequest', { id: asked.id, ...(draft ? { draft } : {}) }, { style: 'destructive', associatedInputs: 'none' }),
      backToOverview(t, draft, 'talentReview.request.withdrawNo'),
    ],
  );
}

/** After a withdraw (or one pressed again, or of a record no longer there): what became of it. */
export function withdrawnRequestCard(outcome: 'withdrawn' | 'notFound', t: Translate, draft?: string): AdaptiveCardJson {
  return adaptiveCard(
    [heading(t('talentReview.request.withdrawTitle')), textBlock(t(outcome === 'withdrawn' ? 'talentReview.request.withdrawn' : 'talentReview.request.withdrawNotFound'))],
    [execute(t('talentReview.request.button'), 'openReviewRequest', draft ? { draft } : {}, { associatedInputs: 'none' }), backToOverview(t, draft)],
  );
}
