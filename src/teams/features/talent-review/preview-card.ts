import { Language } from '../../../domain/framework/framework';
import { Translate, Translator } from '../../../i18n/i18n';
import { TalentReviewDeps } from '../../../usecases/talent-review/deps';
import { previewPrep } from '../../../usecases/talent-review/preview';
import { keptRequests } from '../../../usecases/talent-review/request-review';
import { adaptiveCard, AdaptiveCardJson, execute, textBlock } from '../../cards/card-kit';
import { prepCard } from '../../cards/talent-review/prep.card';
import { backToOverview } from '../../cards/verantwoording/format';
import { prepTeamsSection, PrepTeamsNotice } from '../../cards/talent-review/prep-teams.section';
import { askedBeforeItems, keptRequestsItems, withdrawRequestAction } from '../../cards/talent-review/review-request-asked.card';

/** "Wat ziet mijn leidinggevende?" for someone the directory gives no manager: said plainly. */
export function noManagerCard(t: Translate, draft?: string): AdaptiveCardJson {
  return adaptiveCard([textBlock(t('talentReview.preview.title'), { weight: 'Bolder', size: 'Medium' }), textBlock(t('talentReview.preview.noManager'))], [backToOverview(t, draft, 'verantwoording.conversations.backFromPreview')]);
}

/** "Wat ziet mijn leidinggevende?" as a card: the manager's prep card, by the same card function, or no manager. */
export type PreviewCard = { status: 'noManager' } | { status: 'ok'; card: AdaptiveCardJson };

/**
 * `wayBack`: in the personal chat, a button back to the verantwoording overview, carrying the new
 * note being typed there (`draft`), and with no conversation planned ahead one to ask the manager
 * for it; the tab, which shows the card inside its own page, has neither. In the chat, the
 * professional's own kept requests are read (one query in their own partition): with nothing
 * planned ahead, their latest request to this manager, while no conversation was planned after it,
 * is shown above the card ("Je vroeg ... om een gesprek"), with a button to withdraw it; their
 * other kept requests (answered by a plan, or to a former manager: still in their export) are
 * listed below it, newest first, a few, each with "Intrekken", and how many more. In the chat,
 * below the card, each of their teams has a toggle: whether the card shows its B3-spiegel
 * (`wayBack.teams`: the toggles as pressed and what the press did, shown back after a save).
 */
export async function previewCard(
  deps: TalentReviewDeps,
  translator: Translator,
  userId: string,
  language: Language,
  tenantId?: string,
  wayBack?: { draft?: string; teams?: { typed?: ReadonlyMap<string, boolean>; notice?: PrepTeamsNotice } },
): Promise<PreviewCard> {
  const preview = await previewPrep(deps, userId, language, tenantId);
  const t = translator.t(language);
  if (preview.status !== 'ok') return preview;
  // In the chat with nothing planned ahead, the professional can ask for the conversation themselves.
  const nothingPlanned = !!wayBack && !preview.view.review.date;
  const kept = wayBack ? await keptRequests(deps, userId, preview.managerId, preview.reviews, { open: nothingPlanned }) : undefined;
  const asked = kept?.open;
  const request = nothingPlanned ? [execute(t('talentReview.request.button'), 'openReviewRequest', wayBack?.draft ? { draft: wayBack.draft } : {}, { associatedInputs: 'none' })] : [];
  const withdraw = asked ? [withdrawRequestAction(asked, t, wayBack?.draft)] : [];
  const actions = wayBack ? [...request, ...withdraw, backToOverview(t, wayBack.draft, 'verantwoording.conversations.backFromPreview')] : [];
  const card = prepCard(preview.view, t, language, {}, undefined, actions);
  const above = asked ? askedBeforeItems(asked, t, language, deps.timeZone) : [];
  // Their choice of the teams whose B3-spiegel the card shows: below the card, which it is not part of.
  const teams = wayBack ? prepTeamsSection(preview.teams, t, { draft: wayBack.draft, ...wayBack.teams }) : [];
  const below = [...teams, ...(kept ? keptRequestsItems(kept, t, language, deps.timeZone, wayBack?.draft) : [])];
  return { status: 'ok', card: above.length || below.length ? { ...card, body: [...above, ...card.body, ...below] } : card };
}
