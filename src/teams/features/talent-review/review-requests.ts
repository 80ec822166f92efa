import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { Language, LANGUAGES } from '../../../domain/framework/framework';
import { isDomainError } from '../../../domain/shared/errors';
import { MAX_REQUEST_MESSAGE_LENGTH, ReviewRequestDelivery, reviewRequestRecordId, requestWordsDigest } from '../../../domain/talent-review/review-request';
import { Translate } from '../../../i18n/i18n';
import { jobIdFor, OutboxJob, RenderedMessage } from '../../../outbox/outbox-job';
import { keptRequest, managerNameOf, requestCardMayGo, requestConversation, requestStatus, withdrawRequest } from '../../../usecases/talent-review/request-review';
import { CardActionContext, FieldProblem, RefusalForm } from '../../card-actions';
import { postCard } from '../../card-response';
import { submittedText } from '../../cards/card-kit';
import { errorCard } from '../../cards/error.card';
import { reviewRequestCard } from '../../cards/talent-review/review-request.card';
import { reviewRequestFormCard } from '../../cards/talent-review/review-request-form.card';
import { reviewRequestNotDeliveredCard, reviewRequestOutcomeCard } from '../../cards/talent-review/review-request-outcome.card';
import { withdrawnRequestCard, withdrawRequestConfirmCard } from '../../cards/talent-review/review-request-asked.card';
import { cardMessage } from '../../messenger';
import { actorOf, teamsLocale } from '../../turn';
import { languageOf, rebuildLanguageOf, TalentReviewFeatureDeps } from './deps';
import { onOwnChatAction, onOwnChatCommand } from './own-chat';

const REQUEST_COMMAND = /^\s*(gesprek\s+aanvragen|request\s+(a\s+)?conversation)\b/i;

/** The outbox hooks of a request: Teams refused it for good (the professional hears it); whether it may go now. */
export const REQUEST_HOOKS = { refused: 'talentReview.requestRefused', mayGo: 'talentReview.requestMayGo' } as const;

interface StoredReference {
  serviceUrl?: string;
  bot?: { id?: string };
  conversation?: { id?: string; tenantId?: string };
}

/** The chat a request was pressed in (the professional's own 1:1 chat with the bot), and how the outbox reaches its tenant. */
export function pressChat(ref: Record<string, unknown>): Pick<RenderedMessage, 'tenantId' | 'route'> & { conversationId: string } {
  const r = ref as StoredReference;
  if (!r.conversation?.id || !r.serviceUrl) throw new Error('conversation reference without conversation or service URL');
  return { tenantId: r.conversation.tenantId ?? 'unknown-tenant', route: { serviceUrl: r.serviceUrl, botId: r.bot?.id }, conversationId: r.conversation.id };
}

/**
 * Requests in the manager's own 1:1 chat with the bot (opened by the outbox with their Entra id),
 * in the manager's language: their chosen one, else their Teams client's as their own turns kept
 * it, else the organisation's (this is not their turn).
 * The professional's chat (`ref`) tells the outbox the tenant and service, and is where they hear
 * it should Teams refuse the request for good (`onRefused`), in their chosen language, else
 * `shownIn` (the confirmation's). The card is about the professional, so erasing them takes it
 * out of the outbox; erasing the manager does too (theirs). Either erasure leaves its key behind,
 * blank (`keyOutlivesErasure`): the same press delivered again afterwards sends nothing (`erasedKey`).
 * `press`: the record the send keeps and the press's key; the card then goes only once it is kept and while the
 * professional's erasure has not begun (`sendIf`, requestCardMayGo): a card whose queue write
 * landed after their erasure's outbox purge is dropped unsent.
 */
export function chatReviewRequests(deps: TalentReviewFeatureDeps, ref: Record<string, unknown>, shownIn?: Language, press?: { recordId: string; pressKey: string }): ReviewRequestDelivery {
  return {
    async deliver(request, key) {
      const language = await rebuildLanguageOf(deps, request.managerId, undefined);
      const card = reviewRequestCard(request, deps.translator.t(language));
      const { conversationId, ...chat } = pressChat(ref);
      const queue = () =>
        deps.outbox.queue({
          ...chat,
          key,
          target: { kind: 'person', userId: request.managerId, appUserId: request.managerId },
          payload: cardMessage(card),
          about: [request.professionalId],
          onRefused: { kind: REQUEST_HOOKS.refused, args: { professionalId: request.professionalId, conversationId, ...(shownIn ? { language: shownIn } : {}) } },
          // Just before it goes: their erasure has not begun, and the request's record is kept
          // (requestCardMayGo). `words`: a digest of the message it carries, so a try that finds it
          // queued knows whether its own words are the ones going (requestWordsDigest: keyed with
          // the press key, never stored; not with `key`, which the record id stored beside it gives away).
          ...(press ? { sendIf: { kind: REQUEST_HOOKS.mayGo, args: { professionalId: request.professionalId, recordId: press.recordId, queuedAt: String(Date.now()), ...(request.message ? { words: requestWordsDigest(press.pressKey, request.message) } : {}) } } } : {}),
          keyOutlivesErasure: true,
        }, { tellErasedKey: true });
      let queued = await queue();
      // A blank holds the key: the card went (a sent or refused card leaves only that, since stop 59),
      // or an erasure took it out. The press's record (or its withdraw's mark) still there tells the
      // first: this try answers as it did when the sent job was kept (the create finds the record, or
      // the mark). None: an erasure swept it, and nothing is kept again. One point read, only then.
      if (queued === 'erasedKey' && press && (await deps.talentReview.verantwoording.records.get(request.professionalId, press.recordId))) return 'alreadyQueued';
      if (queued === 'alreadyQueued' && press) {
        const job = await awaitingThisTry(deps, key);
        if (job?.status === 'skipped') {
          // Dropped unsent by its check: no record came of the try that queued it (its send was refused).
          // This try keeps the record, so its card goes after all, with these words.
          await deps.outbox.withdraw(key);
          queued = await queue();
        } else if (request.message && job?.sendIf?.args.words === requestWordsDigest(press.pressKey, request.message)) {
          // The card queued before carries these very words (the same press delivered twice at
          // once): the record this try may create keeps them, as the manager gets them.
          return 'alreadyQueuedSameWords';
        }
      }
      return queued === 'queued' ? undefined : queued;
    },
  };
}

/** How often a retry reads a card a sender holds (`sending`) again before leaving it to that sender, and how long between. */
const HELD_CARD_READS = 5;
const HELD_CARD_PAUSE_MS = 50;

/**
 * A retry of a request (or the press delivered again) that finds its card queued: a card still
 * waiting gets a fresh deadline for its record (`queuedAt` now, due now), under its ETag, before
 * this try writes the record. Its check waits two save windows from the first try's queueing
 * only: Anna pressing again after "Versturen lukte nu niet" later than that would find it dropped
 * while her record's create was on its way, and be told it went. The ETag makes a sender that read
 * the card before this write unable to claim it (to skip it); one that reads it after waits for
 * this try's record. A card a sender holds is read again for a moment (a skip is two quick writes;
 * a send holds it longer, and goes: its check found a record). 'skipped': queue it again. One read
 * and one write more, only on a retry. Resolves the card as read last (its status, and the digest
 * of the words it carries), or none.
 */
async function awaitingThisTry(deps: TalentReviewFeatureDeps, key: string): Promise<Pick<OutboxJob, 'status' | 'sendIf'> | undefined> {
  for (let read = 0; ; read++) {
    const job = await deps.outbox.store.get(jobIdFor(key));
    if (!job) return undefined;
    if (job.status === 'sending' && read < HELD_CARD_READS) {
      await new Promise((resolve) => setTimeout(resolve, HELD_CARD_PAUSE_MS));
      continue;
    }
    if (job.status !== 'pending' || job.sendIf?.kind !== REQUEST_HOOKS.mayGo) return job;
    const now = new Date();
    const fresh = { ...job, sendIf: { ...job.sendIf, args: { ...job.sendIf.args, queuedAt: String(now.getTime()) } }, notBefore: now.toISOString(), checksFailed: undefined };
    if (await deps.outbox.store.replaceIfUnchanged(job, fresh)) return fresh;
    // A sender changed it meanwhile (deferred, claimed, or skipped it): read it again.
    if (read >= HELD_CARD_READS) return job;
  }
}

/**
 * A request the outbox gave up as not delivered (Teams refused the manager's chat for good, or
 * could not take it for its whole retry budget): the professional hears it in the chat they asked
 * from, in their language, once (keyed by the request's job). About them, so their erasure takes
 * it out of the outbox; nothing of who asked whom is logged.
 */
function tellWhenRefused(deps: TalentReviewFeatureDeps): void {
  deps.outbox.onRefused(REQUEST_HOOKS.refused, async ({ professionalId, conversationId, language }, job) => {
    if (!professionalId || !conversationId) return;
    const t = deps.translator.t(await rebuildLanguageOf(deps, professionalId, LANGUAGES.find((l) => l === language)));
    // Under its key keyed with the app's secret: the request's job id follows from who asked whom,
    // and once ended the notice keeps nothing naming them (found in review, stop 62).
    await deps.outbox.enqueue([
      deps.outbox.privately({
        tenantId: job.tenantId,
        route: job.route,
        key: `talentReview.requestNotDelivered:${job.id}`,
        target: { kind: 'conversation', conversationId },
        payload: cardMessage(reviewRequestNotDeliveredCard(t)),
        about: [professionalId],
      }),
    ]);
    deps.logger.info({}, 'talent review request not delivered; the professional is told');
  });
}

/** The words next to the refused message. */
function requestReason(p: FieldProblem, t: Translate, values: Record<string, unknown>): string {
  if (p.field === 'text' && p.rule === 'tooLong') return t('talentReview.request.tooLong', { max: MAX_REQUEST_MESSAGE_LENGTH, length: p.params.shown ?? p.params.count ?? submittedText(values, 'text')?.length ?? 0 });
  return t('error.invalidInput');
}

/** A refused message: the form again, with what was typed and the reason next to it. */
const requestForm: RefusalForm = {
  render: async (_context, r) => reviewRequestFormCard(r.t, randomUUID(), { draft: submittedText(r.values, 'draft'), refused: { values: r.values, errors: r.errors } }),
  reason: requestReason,
};

/**
 * The professional asks their manager for a talentontwikkelgesprek, in their own 1:1 chat with
 * the bot: `gesprek aanvragen` (`request conversation`), or the button on "Wat ziet mijn
 * leidinggevende?". `actions` answers in the professional's language.
 */
export function registerReviewRequests(app: Application<TurnState>, actions: CardActionContext, deps: TalentReviewFeatureDeps): void {
  const tr = deps.talentReview;
  tellWhenRefused(deps);
  deps.outbox.onGuard(REQUEST_HOOKS.mayGo, async ({ professionalId, recordId, queuedAt }) => (professionalId && recordId ? requestCardMayGo(tr, professionalId, recordId, Number(queuedAt)) : false));
  const professionalUi = async (context: TurnContext) => {
    const userId = actorOf(context).id;
    const language = await languageOf(deps, userId, context);
    return { userId, language, t: deps.translator.t(language) };
  };
  /** The form (with their own open request, if any), or why there is nothing to ask now (no manager, a conversation planned). */
  const opening = async (context: TurnContext, draft?: string, message?: string) => {
    const ui = await professionalUi(context);
    const status = await requestStatus(tr, ui.userId, { withAsked: true });
    // Nothing to ask now: a message typed after the command comes back to copy, not lost.
    if (status.status !== 'open') return reviewRequestOutcomeCard(status, ui.t, ui.language, { draft, ...(message ? { typed: message } : {}) });
    const asked = status.asked ? { asked: { asked: status.asked, locale: ui.language, timeZone: tr.timeZone } } : {};
    return reviewRequestFormCard(ui.t, randomUUID(), { draft, ...(message ? { message } : {}), ...asked });
  };

  onOwnChatCommand(app, deps, REQUEST_COMMAND, async (context, words) => {
    try {
      // What follows the command is the message, as `notitie <tekst>` keeps its text: in the field, not lost.
      const message = words.trim();
      await postCard(context, await opening(context, undefined, message));
    } catch (err) {
      // A directory that does not answer, say: the friendly card, as the button gets.
      if (!isDomainError(err)) throw err;
      deps.logger.info({ code: err.code, detail: err.detail }, 'review request command refused');
      const t = (await professionalUi(context).catch(() => undefined))?.t ?? deps.translator.t(teamsLocale(context) ?? deps.defaultLanguage);
      await postCard(context, errorCard(err, t));
    }
  });
  onOwnChatAction(app, actions, 'openReviewRequest', async (context, data) => ({ card: await opening(context, data.draft ?? data.text), personal: true }));
  onOwnChatAction(
    app,
    actions,
    'sendReviewRequest',
    async (context, data) => {
      const pressKey = data.k ?? context.activity.id ?? randomUUID();
      try {
        const ui = await professionalUi(context);
        const ref = TurnContext.getConversationReference(context.activity) as unknown as Record<string, unknown>;
        const outcome = await requestConversation(tr, chatReviewRequests(deps, ref, ui.language, { recordId: reviewRequestRecordId(ui.userId, pressKey), pressKey }), {
          professionalId: ui.userId,
          professionalName: context.activity.from?.name,
          text: data.text,
          pressKey,
        });
        // The outcome only: who asked whom stays out of the log.
        deps.logger.info({ outcome: outcome.status, earlierTry: outcome.status === 'sent' && outcome.earlierTry === true }, 'talent review requested');
        // Withdrawn since this press was first sent: nothing went or was kept now; the form again,
        // with the words and a new press key, should they want to ask anew.
        if (outcome.status === 'withdrawn') return { card: reviewRequestFormCard(ui.t, randomUUID(), { draft: data.draft, message: data.text, withdrawnPress: true }), personal: true };
        // Not sent (no manager, or planned meanwhile): the typed message comes back to copy.
        return { card: reviewRequestOutcomeCard(outcome, ui.t, ui.language, { draft: data.draft, typed: data.text }), personal: true };
      } catch (err) {
        // Their erasure is unfinished: nothing sent or kept; the form keeps the words and says why.
        if (isDomainError(err) && err.code === 'erasureUnderway') {
          deps.logger.info({ outcome: 'erasureUnderway' }, 'talent review requested');
          const t = (await professionalUi(context).catch(() => undefined))?.t ?? deps.translator.t(teamsLocale(context) ?? deps.defaultLanguage);
          return { card: reviewRequestFormCard(t, pressKey, { draft: data.draft, message: data.text, erasing: true }), personal: true };
        }
        // Refusals (the message, the directory): the form with the reason, or the error card. Not
        // `saveTooSlow`: its record was taken back, but the card was queued before it, so it reads
        // as a send whose outcome is unknown (below), with the same press key: nothing goes twice.
        if (isDomainError(err) && err.code !== 'saveTooSlow') throw err;
        // The store failed, or its answer was lost: a send, not a save, so its own words; the same
        // press key, so a retry after a write that did land queues nothing twice.
        if (!isDomainError(err)) deps.logger.error({ err: (err as Error).message }, 'talent review request could not be queued');
        else deps.logger.info({ outcome: err.code }, 'talent review requested');
        const t = (await professionalUi(context).catch(() => undefined))?.t ?? deps.translator.t(teamsLocale(context) ?? deps.defaultLanguage);
        return { card: reviewRequestFormCard(t, pressKey, { draft: data.draft, message: data.text, sendFailed: true }), personal: true };
      }
    },
    { form: requestForm },
  );
  // Their own kept request: the confirm (a point read in their own partition; another's id finds
  // nothing), then the delete under its ETag. The card already sent stays in the manager's chat.
  onOwnChatAction(app, actions, 'confirmWithdrawReviewRequest', async (context, data) => {
    const ui = await professionalUi(context);
    const record = await keptRequest(tr, ui.userId, data.id);
    if (!record) return { card: withdrawnRequestCard('notFound', ui.t, data.draft), personal: true };
    const managerName = record.managerId ? await managerNameOf(tr, record.managerId) : undefined;
    return { card: withdrawRequestConfirmCard({ id: record.id, sentAt: record.sentAt, ...(managerName ? { managerName } : {}) }, ui.t, ui.language, tr.timeZone, data.draft), personal: true };
  });
  onOwnChatAction(app, actions, 'withdrawReviewRequest', async (context, data) => {
    const ui = await professionalUi(context);
    const outcome = await withdrawRequest(tr, ui.userId, data.id);
    // The outcome alone: whose request, to whom, stays out of the log.
    deps.logger.info({ outcome }, 'talent review request withdrawn by the professional');
    return { card: withdrawnRequestCard(outcome, ui.t, data.draft), personal: true };
  });
}
