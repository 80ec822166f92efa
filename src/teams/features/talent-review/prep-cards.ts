import { PrepCards } from '../../../domain/talent-review/ports';
import { inManagerChat, PrepCardMessage, TalentReview } from '../../../domain/talent-review/review';
import { Outbox } from '../../../outbox/outbox';
import { RenderedMessage } from '../../../outbox/outbox-job';
import { currentPrep, rememberPrepCard } from '../../../usecases/talent-review/prep';
import { AdaptiveCardJson } from '../../cards/card-kit';
import { prepCard, prepWithdrawnCard } from '../../cards/talent-review/prep.card';
import { languageOf, TalentReviewFeatureDeps } from './deps';

/** The outbox hooks of prep cards: built when sent, and remembered once delivered. */
export const PREP_HOOKS = { render: 'talentReview.prep', sent: 'talentReview.prepSent' } as const;

/** A prep card's queued payload: its content is rendered when it is sent, never stored in the outbox. */
const RENDERED_WHEN_SENT = { type: 'message', renderedWhenSent: true };

interface StoredReference {
  serviceUrl?: string;
  bot?: { id?: string };
  conversation?: { id?: string; tenantId?: string };
}

function cardActivity(card: AdaptiveCardJson): Record<string, unknown> {
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
}

/** The review's manager's chat with the bot, where its prep card goes. */
function managerChat(review: TalentReview): Pick<RenderedMessage, 'tenantId' | 'route'> & { conversationId: string } {
  const r = review.conversationRef as StoredReference;
  if (!r.conversation?.id || !r.serviceUrl) throw new Error('conversation reference without conversation or service URL');
  return { tenantId: r.conversation.tenantId ?? 'unknown-tenant', route: { serviceUrl: r.serviceUrl, botId: r.bot?.id }, conversationId: r.conversation.id };
}

/**
 * Prep cards through the outbox, rendered when sent: a queued card holds nothing of what the
 * report shared, and a card already shown is rebuilt in place. `about` names the report, so
 * erasing them deletes the queued ones.
 */
export function outboxPrepCards(outbox: Outbox): PrepCards {
  const render = (review: TalentReview, extra: Record<string, string> = {}) => ({ kind: PREP_HOOKS.render, args: { managerId: review.managerId, reviewId: review.id, ...extra } });
  return {
    async post(review) {
      const { conversationId, ...chat } = managerChat(review);
      // Sent from here when it may (as other posts), else by the sender once Teams answers.
      await outbox.deliver({
        ...chat,
        key: `talentReview.prep:${review.id}`,
        target: { kind: 'conversation', conversationId },
        payload: RENDERED_WHEN_SENT,
        render: render(review),
        onSent: { kind: PREP_HOOKS.sent, args: { managerId: review.managerId, reviewId: review.id } },
        about: [review.reportId],
      });
    },
    async refresh(review, card: PrepCardMessage, key) {
      // Never a message in another chat: it would show the report's shared notes to everyone there.
      if (!inManagerChat(review, card)) return;
      await outbox.enqueue([
        {
          ...managerChat(review),
          key: `talentReview.prepRefresh:${key}`,
          target: { kind: 'update', conversationId: card.conversationId, activityId: card.activityId },
          payload: RENDERED_WHEN_SENT,
          render: render(review, { inPlace: 'true' }),
          about: [review.reportId],
        },
      ]);
    },
  };
}

/** Renders a prep card when the outbox sends it, and remembers the message it became. */
export function registerPrepCardHooks(outbox: Outbox, deps: TalentReviewFeatureDeps): void {
  const tr = deps.talentReview;
  outbox.onRender(PREP_HOOKS.render, async ({ managerId, reviewId, inPlace }) => {
    const language = await languageOf(deps, managerId!);
    const t = deps.translator.t(language);
    const prep = await currentPrep(tr, managerId!, reviewId!, language);
    if (prep) return { payload: cardActivity(prepCard(prep.view, t, language)), sentArgs: { revision: String(prep.revision) } };
    // No longer theirs to see (the review is gone, or they no longer manage the report): a new
    // card is not sent, and one already shown keeps nothing of what the report shared.
    return inPlace ? { payload: cardActivity(prepWithdrawnCard(t)) } : undefined;
  });
  outbox.onSent(PREP_HOOKS.sent, async ({ managerId, reviewId, revision }, { activityId, conversationId }) => {
    if (activityId) await rememberPrepCard(tr, managerId!, reviewId!, { conversationId, activityId }, Number(revision ?? 0));
  });
}
