import { Language } from '../../../domain/framework/framework';
import { Translator } from '../../../i18n/i18n';
import { TalentReviewDeps } from '../../../usecases/talent-review/deps';
import { previewPrep } from '../../../usecases/talent-review/preview';
import { askedBefore } from '../../../usecases/talent-review/request-review';
import { AdaptiveCardJson, execute } from '../../cards/card-kit';
import { prepCard } from '../../cards/talent-review/prep.card';
import { backToOverview } from '../../cards/verantwoording/format';
import { askedBeforeItems, withdrawRequestAction } from '../../cards/talent-review/review-request-asked.card';

/** "Wat ziet mijn leidinggevende?" as a card: the manager's prep card, by the same card function, or no manager. */
export type PreviewCard = { status: 'noManager' } | { status: 'ok'; card: AdaptiveCardJson };

/**
 * `wayBack`: in the personal chat, a button back to the verantwoording overview, carrying the new
 * note being typed there (`draft`), and with no conversation planned ahead one to ask the manager
 * for it; the tab, which shows the card inside its own page, has neither. In the chat with nothing
 * planned ahead, the professional's own latest request to this manager, while no conversation was
 * planned on or after it, is shown above the card ("Je vroeg ... om een gesprek", one query in
 * their own partition), with a button to withdraw it. Once a conversation is planned the card shows
 * that, as before; an answered request is not shown (it stays in their export until withdrawn).
 */
export async function previewCard(deps: TalentReviewDeps, translator: Translator, userId: string, language: Language, tenantId?: string, wayBack?: { draft?: string }): Promise<PreviewCard> {
  const preview = await previewPrep(deps, userId, language, tenantId);
  const t = translator.t(language);
  if (preview.status !== 'ok') return preview;
  // In the chat with nothing planned ahead, the professional can ask for the conversation themselves.
  const nothingPlanned = wayBack && !preview.view.review.date;
  const asked = nothingPlanned ? await askedBefore(deps, userId, preview.managerId, preview.reviews) : undefined;
  const request = nothingPlanned ? [execute(t('talentReview.request.button'), 'openReviewRequest', wayBack.draft ? { draft: wayBack.draft } : {}, { associatedInputs: 'none' })] : [];
  const withdraw = asked ? [withdrawRequestAction(asked, t, wayBack?.draft)] : [];
  const actions = wayBack ? [...request, ...withdraw, backToOverview(t, wayBack.draft, 'verantwoording.conversations.backFromPreview')] : [];
  const card = prepCard(preview.view, t, language, {}, undefined, actions);
  return { status: 'ok', card: asked ? { ...card, body: [...askedBeforeItems(asked, t, language, deps.timeZone), ...card.body] } : card };
}
