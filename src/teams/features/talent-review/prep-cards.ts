import { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { isDirectoryOutage } from '../../../domain/directory/manager-directory';
import { keyedDigest } from '../../../domain/shared/ids';
import { Language, LANGUAGES } from '../../../domain/framework/framework';
import { DeliveryStatus } from '../../../domain/outbox/outbox.port';
import { PrepCards, PrepDelivery, PrepWithdrawal } from '../../../domain/talent-review/ports';
import { inManagerChat, PrepCardMessage, prepDeliveryAttempt, TalentReview } from '../../../domain/talent-review/review';
import { Outbox } from '../../../outbox/outbox';
import { RenderedMessage } from '../../../outbox/outbox-job';
import { cardMessage, RENDERED_WHEN_SENT } from '../../messenger';
import { currentPrep, rebuildWhenDirectoryAnswers, rememberedPrepLanguage, scheduledPrepLanded } from '../../../usecases/talent-review/prep';
import { AdaptiveCardJson } from '../../cards/card-kit';
import { prepCard, prepWithdrawnCard } from '../../cards/talent-review/prep.card';
import { languageOf, rebuildLanguageOf, TalentReviewFeatureDeps } from './deps';

/** The message a card press came from: the one its answer replaces, so the one to remember as showing a prep card. */
export function prepMessageOf(context: TurnContext): PrepCardMessage | undefined {
  const conversationId = context.activity.conversation?.id;
  const activityId = context.activity.replyToId;
  return conversationId && activityId ? { conversationId, activityId } : undefined;
}

/** The outbox hooks of prep cards: built when sent, and remembered once delivered. */
export const PREP_HOOKS = { render: 'talentReview.prep', sent: 'talentReview.prepSent' } as const;

interface StoredReference {
  serviceUrl?: string;
  bot?: { id?: string };
  conversation?: { id?: string; tenantId?: string };
}

/** The review's manager's chat with the bot, where its prep card goes. */
function managerChat(review: TalentReview): Pick<RenderedMessage, 'tenantId' | 'route'> & { conversationId: string } {
  const r = review.conversationRef as StoredReference;
  if (!r.conversation?.id || !r.serviceUrl) throw new Error('conversation reference without conversation or service URL');
  return { tenantId: r.conversation.tenantId ?? 'unknown-tenant', route: { serviceUrl: r.serviceUrl, botId: r.bot?.id }, conversationId: r.conversation.id };
}

/** The manager's chat as a message's tenant and route: an update names its conversation in its target, and a job keeps no other. */
function managerRoute(review: TalentReview): Pick<RenderedMessage, 'tenantId' | 'route'> {
  const { conversationId: _inTarget, ...chat } = managerChat(review);
  return chat;
}

/**
 * What an outbox delivery means for the scheduled prep card. `unconfirmed` (the call's answer was
 * lost) counts as arrived: it most likely did, and sending it again could show it twice.
 * `skipped` (nothing was rendered) did not arrive, as a refusal did not.
 */
function prepDeliveryOf(status: DeliveryStatus): PrepDelivery {
  if (status === 'sent' || status === 'unconfirmed') return 'delivered';
  if (status === 'pending' || status === 'sending') return 'pending';
  return 'notDelivered';
}

/**
 * The outbox key of the scheduled card: one per plan and per delivery attempt. A conversation's
 * id comes from manager, report and date, so a plan cancelled (or moved away and back) and made
 * again has the old plan's id: its moment (`createdAt`) keeps the new plan's card from being
 * taken for the old one, already sent.
 */
function formerScheduledPrepKey(review: TalentReview): string {
  const attempt = prepDeliveryAttempt(review);
  return `talentReview.prep:${review.id}@${review.createdAt}${attempt ? `:${attempt}` : ''}`;
}

/** The purposes of the app's secret in `scheduledPrepKey` and `refreshKey`: no other digest under it is the same. */
const PREP_KEY_LABEL = 'lerend-werken/prep-card-key/v1';
const REFRESH_KEY_LABEL = 'lerend-werken/prep-refresh-key/v1';

/**
 * The scheduled card's key as sent (`formerScheduledPrepKey`, above) as a digest under the app's
 * secret: its job is kept a week after it went, in the manager's chat, naming nobody once ended
 * (`endedNamingNobody`), and under a plain key anyone who knows manager's and report's ids would
 * find it over dates and creation times (found in review, stop 61).
 */
export function scheduledPrepKey(secret: string, review: TalentReview): string {
  return `talentReview.prep:pk_${keyedDigest(PREP_KEY_LABEL, secret, formerScheduledPrepKey(review)).slice(0, 22)}`;
}

/** A rebuild's key: the use case's (the review's id, the message, the revision), keyed as the scheduled card's is (stop 61). */
function refreshKey(secret: string, key: string): string {
  return `talentReview.prepRefresh:pr_${keyedDigest(REFRESH_KEY_LABEL, secret, key).slice(0, 22)}`;
}

/** The purpose of the app's secret in `withdrawalKey`: no other digest under it is the same. */
const WITHDRAWAL_KEY_LABEL = 'lerend-werken/prep-withdrawal-key/v1';

/**
 * The outbox key of a withdrawal: the use case's key (the review's id, the message, the reason)
 * as a digest under the app's secret. The review's id is a plain hash of manager, report and
 * date, and the job is kept a week after it went, also after the report's erasure (it is not
 * about them): a plain key would let anyone who knows their id recompute the job's id over dates
 * (found in review, stop 59). The same review, message and reason still give the same key, so a
 * press delivered again queues the withdrawal once.
 */
export function withdrawalKey(secret: string, key: string): string {
  return `talentReview.prepWithdraw:pw_${keyedDigest(WITHDRAWAL_KEY_LABEL, secret, key).slice(0, 22)}`;
}

/** A language named in a job's arguments; undefined for anything else (jobs queued before it was named). */
function languageArg(value: string | undefined): Language | undefined {
  return LANGUAGES.find((l) => l === value);
}

/**
 * How long Teams' transient failures are retried for the scheduled card: until the conversation's
 * day ends in its zone. A card still being retried after the conversation would ask the manager
 * to prepare a conversation already held (the job itself sends none then, see sendScheduledPrep).
 */
export function untilConversationDayEnds(review: Pick<TalentReview, 'date' | 'timeZone'>, now: Date): number {
  const dayEnds = DateTime.fromISO(review.date, { zone: review.timeZone }).plus({ days: 1 }).startOf('day');
  return Math.max(0, dayEnds.toMillis() - now.getTime());
}

/**
 * Prep cards through the outbox, rendered when sent: a queued card holds nothing of what the
 * report shared, and a card already shown is rebuilt in place. `about` names the report, so
 * erasing them deletes the queued ones, and the manager: every job in their chat names them (its
 * render arguments), and once the conversation is cancelled or moved no review leads their
 * erasure to that chat (found in review, stop 59). `keySecret`: the app's secret (POLL_HASH_KEY)
 * every job's key here is made with (`scheduledPrepKey`, `refreshKey`, `withdrawalKey`). `now`:
 * the app's clock (tests fake it), which the scheduled card's retry budget is measured by.
 */
export function outboxPrepCards(outbox: Outbox, keySecret: string, now: () => Date = () => new Date()): PrepCards {
  const render = (review: TalentReview, extra: Record<string, string> = {}) => ({ kind: PREP_HOOKS.render, args: { managerId: review.managerId, reviewId: review.id, ...extra } });
  return {
    async post(review) {
      const { conversationId, ...chat } = managerChat(review);
      // A card queued under its former, plain key (before stop 61) is that card: a retry of its
      // scheduled job after the update sends no second one. One read more, off anyone's turn.
      const before = await outbox.statusOf(formerScheduledPrepKey(review));
      if (before) return prepDeliveryOf(before);
      // Sent from here when it may (as other posts), else by the sender once Teams answers.
      const result = await outbox.deliver({
        ...chat,
        key: scheduledPrepKey(keySecret, review),
        keyedKey: true,
        target: { kind: 'conversation', conversationId },
        payload: RENDERED_WHEN_SENT,
        render: render(review),
        giveUpAfterMs: untilConversationDayEnds(review, now()),
        onSent: { kind: PREP_HOOKS.sent, args: { managerId: review.managerId, reviewId: review.id } },
        about: [review.reportId, review.managerId],
      });
      return prepDeliveryOf(result.status);
    },
    async refresh(review, card: PrepCardMessage, key) {
      // Never a message in another chat: it would show the report's shared notes to everyone there.
      if (!inManagerChat(review, card)) return;
      await outbox.enqueue([
        {
          ...managerRoute(review),
          key: refreshKey(keySecret, key),
          keyedKey: true,
          target: { kind: 'update', conversationId: card.conversationId, activityId: card.activityId },
          payload: RENDERED_WHEN_SENT,
          // The message goes along: its rebuild checks, when it is sent, that the review still remembers it.
          // Its language too: a review an erasure left remembers no message, and the rebuild keeps the language shown.
          render: render(review, { inPlace: 'true', conversationId: card.conversationId, activityId: card.activityId, ...(card.language ? { language: card.language } : {}) }),
          about: [review.reportId, review.managerId],
        },
      ]);
    },
    async withdraw(review, card: PrepCardMessage, key, reason: PrepWithdrawal = 'gone') {
      if (!inManagerChat(review, card)) return;
      await outbox.enqueue([
        {
          ...managerRoute(review),
          key: withdrawalKey(keySecret, key),
          keyedKey: true,
          target: { kind: 'update', conversationId: card.conversationId, activityId: card.activityId },
          payload: RENDERED_WHEN_SENT,
          // Only the manager and the message's language: nothing that leads to the report, so the
          // report's erasure leaves it queued, and it still takes what they shared off the message.
          render: { kind: PREP_HOOKS.render, args: { managerId: review.managerId, withdrawn: reason === 'notManager' ? 'notManager' : 'true', ...(card.language ? { language: card.language } : {}) } },
          // The manager's erasure deletes it, as every job in their chat (it names them).
          about: [review.managerId],
        },
      ]);
    },
  };
}

/** Renders a prep card when the outbox sends it, and remembers the message it became. */
export function registerPrepCardHooks(outbox: Outbox, deps: TalentReviewFeatureDeps): void {
  const tr = deps.talentReview;
  outbox.onRender(PREP_HOOKS.render, async ({ managerId, reviewId, inPlace, withdrawn, conversationId, activityId, language: shownLanguage }) => {
    // 'true' from jobs queued before withdrawals had a reason.
    if (withdrawn) {
      const t = deps.translator.t(await rebuildLanguageOf(deps, managerId!, languageArg(shownLanguage)));
      return { payload: cardMessage(prepWithdrawnCard(t, withdrawn === 'notManager' ? 'notManager' : 'gone')) };
    }
    // A rebuild queued by an earlier version does not name its message: it is rendered as it was then.
    const shownIn = inPlace && conversationId && activityId ? { conversationId, activityId } : undefined;
    // A message already in the chat keeps the language it was shown in; a new one gets the manager's.
    const language = shownIn ? await rebuildLanguageOf(deps, managerId!, (await rememberedPrepLanguage(tr, managerId!, reviewId!, shownIn)) ?? languageArg(shownLanguage)) : await languageOf(deps, managerId!);
    const t = deps.translator.t(language);
    let prep: Awaited<ReturnType<typeof currentPrep>>;
    try {
      prep = await currentPrep(tr, managerId!, reviewId!, language, shownIn);
    } catch (err) {
      // A new card waits in the outbox for the directory; one already in the chat must not keep
      // what the report took back meanwhile: it shows nothing of them until a rebuild can check.
      if (!(shownIn && isDirectoryOutage(err))) throw err;
      await rebuildWhenDirectoryAnswers(tr, managerId!, reviewId!);
      return { payload: cardMessage(prepWithdrawnCard(t, 'unavailable')) };
    }
    if (prep) return { payload: cardMessage(prepCard(prep.view, t, language)), sentArgs: { revision: String(prep.revision), language, ...(prep.summaryLater ? { summaryLater: 'true' } : {}) } };
    // No longer theirs to see (the review is gone, or they no longer manage the report): a new
    // card is not sent, and one already shown keeps nothing of what the report shared.
    return inPlace ? { payload: cardMessage(prepWithdrawnCard(t)) } : undefined;
  });
  outbox.onSent(PREP_HOOKS.sent, async ({ managerId, reviewId, revision, language, summaryLater }, { activityId, conversationId }) => {
    const rendered = languageArg(language);
    if (activityId) await scheduledPrepLanded(tr, managerId!, reviewId!, { conversationId, activityId, ...(rendered ? { language: rendered } : {}) }, Number(revision ?? 0), summaryLater === 'true');
  });
}
