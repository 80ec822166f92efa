import { Language } from '../../../domain/framework/framework';
import { Translator } from '../../../i18n/i18n';
import { TalentReviewDeps } from '../../../usecases/talent-review/deps';
import { previewPrep } from '../../../usecases/talent-review/preview';
import { AdaptiveCardJson, execute } from '../../cards/card-kit';
import { prepCard } from '../../cards/talent-review/prep.card';
import { backToOverview } from '../../cards/verantwoording/format';

/** "Wat ziet mijn leidinggevende?" as a card: the manager's prep card, by the same card function, or no manager. */
export type PreviewCard = { status: 'noManager' } | { status: 'ok'; card: AdaptiveCardJson };

/**
 * `wayBack`: in the personal chat, a button back to the verantwoording overview, carrying the new
 * note being typed there (`draft`), and with no conversation planned ahead one to ask the manager
 * for it; the tab, which shows the card inside its own page, has neither.
 */
export async function previewCard(deps: TalentReviewDeps, translator: Translator, userId: string, language: Language, tenantId?: string, wayBack?: { draft?: string }): Promise<PreviewCard> {
  const preview = await previewPrep(deps, userId, language, tenantId);
  const t = translator.t(language);
  if (preview.status !== 'ok') return preview;
  // In the chat with nothing planned ahead, the professional can ask for the conversation themselves.
  const request = wayBack && !preview.view.review.date ? [execute(t('talentReview.request.button'), 'openReviewRequest', wayBack.draft ? { draft: wayBack.draft } : {}, { associatedInputs: 'none' })] : [];
  const actions = wayBack ? [...request, backToOverview(t, wayBack.draft, 'verantwoording.conversations.backFromPreview')] : [];
  return { status: 'ok', card: prepCard(preview.view, t, language, {}, undefined, actions) };
}
