import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { isDomainError } from '../../../domain/shared/errors';
import { stableId } from '../../../domain/shared/ids';
import { trimText } from '../../../domain/shared/text';
import { Language, LANGUAGES } from '../../../domain/framework/framework';
import { asUndelivered, isAnsweringManager, MAX_MANAGER_ANSWER_LENGTH, MAX_PROPOSAL_WORDS_LENGTH, ProposalToManager, ProposalToManagerDelivery, ProposalToManagerRepository } from '../../../domain/talent-review/proposal-to-manager';
import { cardMessage, RENDERED_WHEN_SENT } from '../../messenger';
import type { RenderedMessage } from '../../../outbox/outbox-job';
import { pressChat } from './review-requests';
import { Translate } from '../../../i18n/i18n';
import { answerProposal, decidedProposalOf, managerCardMayGo, managerViewOf, PutBeforeDeps, PutBeforeOutcome, putBeforeStatus, putProposalBeforeManager, recordForManager } from '../../../usecases/talent-review/put-proposal-before-manager';
import { CardActionContext, FieldProblem, RefusalForm, RefusedInput } from '../../card-actions';
import { AdaptiveCardJson, submittedInput, submittedText } from '../../cards/card-kit';
import { proposalToManagerCard, proposalToManagerRefusedCard } from '../../cards/talent-review/proposal-to-manager.card';
import { refusedFormFallback } from '../../cards/refused-form-fallback.card';
import { proposalToManagerFormCard, RefusedWords } from '../../cards/talent-review/proposal-to-manager-form.card';
import { proposalAnswerNoticeCard, proposalToManagerOutcomeCard, proposalToManagerUndeliveredCard, proposalToManagerWhileErasingCard } from '../../cards/talent-review/proposal-to-manager-outcome.card';
import { actorOf } from '../../turn';
import { languageOf, managerUi, rebuildLanguageOf, TalentReviewFeatureDeps } from './deps';
import { onOwnChatAction } from './own-chat';

/**
 * The cards through the outbox, each in its reader's own 1:1 chat with the bot (opened with their
 * Entra id) and language (their chosen one, else their Teams client's as their own turns kept it,
 * else the organisation's: this is not their turn; the member's, when they chose none, first the
 * one their send was answered in: see `sentIn`). The
 * presser's chat only tells the outbox the tenant and service. The manager's card is about the
 * member, the member's notice about the manager: either one's erasure takes both out of the outbox.
 */
export function chatProposalsToManager(deps: TalentReviewFeatureDeps, ref: Record<string, unknown>): ProposalToManagerDelivery {
  return proposalsToManagerVia(deps, () => pressChat(ref));
}

/**
 * The same delivery from where the member pressed: `pressedIn` gives the outbox the tenant and
 * service, and the chat to tell should Teams refuse the manager's card (`conversationId`). Without
 * one (the personal tab), the member hears it in their own 1:1 chat with the bot.
 */
export function proposalsToManagerVia(deps: TalentReviewFeatureDeps, pressedIn: () => Pick<RenderedMessage, 'tenantId' | 'route'> & { conversationId?: string }): ProposalToManagerDelivery {
  return {
    async toManager(managerId, view, key) {
      const { conversationId, ...chat } = pressedIn();
      // A private message: queued, read and withdrawn under its key keyed with the app's secret (stop 62).
      const card = deps.outbox.privately({
        ...chat,
        key,
        target: { kind: 'person' as const, userId: managerId, appUserId: managerId },
        // Rendered when it goes, from the record, in the language the manager has then (a switch
        // while it waits counts); the job itself keeps ids only, none of the member's words.
        payload: RENDERED_WHEN_SENT,
        render: { kind: PROPOSAL_HOOKS.render, args: { managerId, memberId: view.memberId, recordId: view.recordId } },
        about: [view.memberId],
        // Just before it goes: its record is still there and her erasure has not begun (see putProposalBeforeManager).
        sendIf: { kind: PROPOSAL_HOOKS.mayGo, args: { memberId: view.memberId, recordId: view.recordId } },
        // Should Teams refuse the manager's chat for good, the member hears it where they sent it from.
        onRefused: { kind: PROPOSAL_HOOKS.refused, args: { memberId: view.memberId, recordId: view.recordId, ...(conversationId ? { conversationId } : {}) } },
      });
      // Skipped under this key: its record was gone when the outbox asked (a send taken back whose
      // card could not be withdrawn then). The record is there again now, so the card goes after all.
      if ((await deps.outbox.queue(card)) === 'alreadyQueued' && (await deps.outbox.statusOf(card.key)) === 'skipped') {
        await withdrawJob(deps, card.key);
        await deps.outbox.queue(card);
      }
    },
    withdrawFromManager: (key) => withdrawJob(deps, deps.outbox.privateKey(key)),
    async answerToMember(record, _answer, key) {
      const { conversationId: _pressedIn, ...chat } = pressedIn();
      // Rendered when it goes, as the manager's card: in the member's language then, with the
      // answer that stands then (a later answer's own notice brings that one). Skipped under this
      // key (its answer no longer stood when the outbox asked: taken back, as its queue's answer was
      // lost, or replaced), the answer stands again now: queued anew, as toManager does, so pressing
      // again tells once (found in review, stop 56). One read more, only when the key is taken.
      await deps.outbox.queue(deps.outbox.privately({
        ...chat,
        key,
        target: { kind: 'person', userId: record.userId, appUserId: record.userId },
        payload: RENDERED_WHEN_SENT,
        render: { kind: PROPOSAL_HOOKS.notice, args: { memberId: record.userId, recordId: record.id, answerKey: record.answer?.key ?? '' } },
        ...(record.managerId ? { about: [record.managerId] } : {}),
      }), { retake: (job) => job.status === 'skipped' });
    },
  };
}

/** Deletes the outbox job queued under `key`, in whatever state (Outbox.withdraw). */
function withdrawJob(deps: TalentReviewFeatureDeps, key: string): Promise<void> {
  return deps.outbox.withdraw(key);
}

/** The words next to a refused field: the member's words, or the manager's answer. */
function reason(p: FieldProblem, t: Translate, values: Record<string, unknown>): string {
  const length = (id: string) => p.params.shown ?? p.params.count ?? submittedText(values, id)?.length ?? 0;
  if (p.field === 'words' && p.rule === 'tooLong') return t('proposalToManager.tooLong', { max: MAX_PROPOSAL_WORDS_LENGTH, length: length('words') });
  if (p.field === 'answer' && p.rule === 'tooLong') return t('proposalToManager.tooLong', { max: MAX_MANAGER_ANSWER_LENGTH, length: length('answer') });
  if (p.field === 'answer' && p.rule === 'required') return t('proposalToManager.answerRequired');
  return t('error.invalidInput');
}

/**
 * The key of one answer press: the card's key (or Teams' activity id) and the words sent, so the
 * same press delivered again is one answer, and another answer typed on the same card is a new one.
 */
function answerPressKey(cardKey: string, text: string): string {
  return stableId('ap', cardKey, trimText(text));
}

/**
 * A member puts a proposal their group adopted before their own manager, from Mijn verantwoording
 * (their 1:1 chat): the form previews the manager's card; the send stores the member's record and
 * queues the manager's card; the manager answers on it. `actions` answers in the presser's language.
 */
/** The outbox hooks of a manager's card: Teams refused it for good (the member hears it); whether it may go now. */
export const PROPOSAL_HOOKS = { refused: 'talentReview.proposalToManagerRefused', mayGo: 'talentReview.proposalToManagerMayGo', render: 'talentReview.proposalToManagerRender', notice: 'talentReview.proposalAnswerNoticeRender' } as const;

/**
 * Renders a manager's card when the outbox sends it, as prep cards are: from the member's record
 * as it is then, in the manager's language then. Its record gone, or no longer naming this manager
 * (their erasure): nothing goes. Cards queued before this hook carry their payload and go as they are.
 */
function renderWhenSent(deps: TalentReviewFeatureDeps, records: ProposalToManagerRepository): void {
  deps.outbox.onRender(PROPOSAL_HOOKS.render, async ({ managerId, memberId, recordId }) => {
    if (!managerId || !memberId || !recordId) return undefined;
    const record = await records.get(memberId, recordId);
    if (!record || !isAnsweringManager(record, managerId)) return undefined;
    const t = deps.translator.t(await rebuildLanguageOf(deps, managerId, undefined));
    return { payload: cardMessage(proposalToManagerCard(managerViewOf(record), t, randomUUID())) };
  });
  // The member's notice of an answer: nothing goes once that answer was replaced (its own notice follows) or the record is gone.
  deps.outbox.onRender(PROPOSAL_HOOKS.notice, async ({ memberId, recordId, answerKey }) => {
    if (!memberId || !recordId || !answerKey) return undefined;
    const record = await records.get(memberId, recordId);
    if (!record?.answer || record.answer.key !== answerKey) return undefined;
    const t = deps.translator.t(await rebuildLanguageOf(deps, memberId, sentIn(record)));
    return { payload: cardMessage(proposalAnswerNoticeCard(record, record.answer.text, t)) };
  });
}

/**
 * The language the member's send was answered in, for what comes back to them outside their turn
 * when they chose none: their Teams client's then, not the default (found in review, stop 58).
 * Records from before it was kept (or holding anything else): none, so the default.
 */
function sentIn(record: ProposalToManager): Language | undefined {
  return LANGUAGES.find((l) => l === record.language);
}

/**
 * A manager's card the outbox gave up as not delivered (Teams refused the manager's chat for good,
 * or could not take it for its whole retry budget): the record says so, and the member hears it in
 * the chat they sent it from, in their language, once (keyed by the card's job). About the member,
 * so their erasure takes it out of the outbox; the log names nobody. A record erased meanwhile: nothing.
 */
function tellWhenRefused(deps: TalentReviewFeatureDeps, records: ProposalToManagerRepository): void {
  deps.outbox.onRefused(PROPOSAL_HOOKS.refused, async ({ memberId, recordId, conversationId }, job) => {
    if (!memberId || !recordId) return;
    const record = await records.get(memberId, recordId);
    if (!record) return;
    await records.update(memberId, recordId, asUndelivered);
    const t = deps.translator.t(await rebuildLanguageOf(deps, memberId, sentIn(record)));
    // Sent from the tab, there is no chat it was pressed in: the member's own 1:1 chat with the bot.
    const target = conversationId ? { kind: 'conversation' as const, conversationId } : { kind: 'person' as const, userId: memberId, appUserId: memberId };
    // Private either way (her own chat): keyed as every private message is (stop 62).
    await deps.outbox.enqueue([
      deps.outbox.privately({ tenantId: job.tenantId, route: job.route, key: `talentReview.proposalToManagerNotDelivered:${job.id}`, target, payload: cardMessage(proposalToManagerUndeliveredCard(t)), about: [memberId] }),
    ]);
    deps.logger.info({}, 'proposal to manager not delivered; the member is told');
  });
}

export function registerProposalsToManager(app: Application<TurnState>, actions: CardActionContext, deps: TalentReviewFeatureDeps, records: ProposalToManagerRepository): void {
  const ptm: PutBeforeDeps = { ...deps.talentReview, proposalsToManager: records };
  tellWhenRefused(deps, records);
  renderWhenSent(deps, records);
  deps.outbox.onGuard(PROPOSAL_HOOKS.mayGo, async ({ memberId, recordId }) => !!memberId && !!recordId && (await managerCardMayGo(ptm, memberId, recordId)));
  const memberUi = async (context: TurnContext) => {
    const userId = actorOf(context).id;
    const language = await languageOf(deps, userId, context);
    return { userId, language, t: deps.translator.t(language) };
  };
  /** The form with its preview, or why there is nothing to send (not theirs, not adopted, no manager). */
  const opening = async (context: TurnContext, ids: { groupId: string; proposalId: string }, opts: { draft?: string; refused?: RefusedWords } = {}): Promise<AdaptiveCardJson> => {
    const ui = await memberUi(context);
    const status = await putBeforeStatus(ptm, ui.userId, ids.groupId, ids.proposalId);
    if (status.status !== 'open') return proposalToManagerOutcomeCard(status, ui.t, { draft: opts.draft });
    return proposalToManagerFormCard({ ...ids, managerId: status.managerId, ...(status.managerName ? { managerName: status.managerName } : {}), proposal: status.proposal }, ui.t, randomUUID(), opts);
  };
  const idsOf = (values: Record<string, unknown>) => ({ groupId: submittedText(values, 'groupId') ?? '', proposalId: submittedText(values, 'proposalId') ?? '' });
  /**
   * The form again with the refused words and their reason, naming the manager the pressed form
   * named (its button's data): the directory is not asked, so an outage does not lose the words. A
   * proposal no longer open: why, with the words to copy. A form that named nobody asks the
   * directory, and when that does not answer the plain form keeps the words with their reason.
   */
  const refusedSend = async (context: TurnContext, r: RefusedInput): Promise<AdaptiveCardJson> => {
    const ids = idsOf(r.values);
    const draft = submittedText(r.values, 'draft');
    const refused = { values: r.values, errors: r.errors };
    const named = submittedText(r.values, 'to');
    if (!named) {
      return opening(context, ids, { draft, refused }).catch((err: unknown) => {
        if (!isDomainError(err) || err.code !== 'directoryUnavailable') throw err;
        return refusedFormFallback('review.proposalToManager.send', r.values, r.errors, r.t);
      });
    }
    const decided = await decidedProposalOf(ptm, actorOf(context).id, ids.groupId, ids.proposalId);
    if (decided.status !== 'decided') return proposalToManagerOutcomeCard(decided, r.t, { draft, typed: submittedInput(r.values, 'words') });
    const managerName = submittedText(r.values, 'toName');
    return proposalToManagerFormCard({ ...ids, managerId: named, ...(managerName ? { managerName } : {}), proposal: decided.proposal }, r.t, randomUUID(), { draft, refused });
  };
  const sendForm: RefusalForm = { render: refusedSend, reason };
  /**
   * What the member sees of a send that was done or not: the outcome; or, when the directory names
   * another manager than the form did, a new form naming that one, her words kept, nothing sent.
   */
  const afterSend = (outcome: PutBeforeOutcome, t: Translate, data: { groupId: string; proposalId: string; words: string; draft?: string; to?: string }): AdaptiveCardJson => {
    if (outcome.status !== 'managerChanged') return proposalToManagerOutcomeCard(outcome, t, { draft: data.draft, typed: data.words });
    const { now } = outcome;
    const form = { groupId: data.groupId, proposalId: data.proposalId, managerId: now.managerId, ...(now.managerName ? { managerName: now.managerName } : {}), proposal: now.proposal };
    return proposalToManagerFormCard(form, t, randomUUID(), { draft: data.draft, words: data.words, managerNotice: data.to ? 'changed' : 'unnamed' });
  };
  const answerForm: RefusalForm = {
    render: async (context, r) => {
      const ui = await managerUi(deps, context);
      const found = await recordForManager(ptm, ui.managerId, submittedText(r.values, 'memberId') ?? '', submittedText(r.values, 'recordId') ?? '');
      if (found.status !== 'found') return proposalToManagerRefusedCard(found.status, ui.t);
      return proposalToManagerCard(managerViewOf(found.record), ui.t, randomUUID(), { refused: { values: r.values, errors: r.errors } });
    },
    reason,
  };

  onOwnChatAction(app, actions, 'openProposalToManager', async (context, data) => {
    return { card: await opening(context, data, { draft: data.draft ?? data.text }), personal: true };
  });
  onOwnChatAction(
    app,
    actions,
    'sendProposalToManager',
    async (context, data) => {
      const ui = await memberUi(context);
      const ref = TurnContext.getConversationReference(context.activity) as unknown as Record<string, unknown>;
      // A store that fails is not caught here: the plain form keeps the words and the same key
      // (card-actions' refusedFormFallback), so a retry after a write that did land stores and sends once.
      const outcome = await putProposalBeforeManager(ptm, chatProposalsToManager(deps, ref), {
        memberId: ui.userId,
        memberName: context.activity.from?.name,
        groupId: data.groupId,
        proposalId: data.proposalId,
        words: data.words,
        pressKey: data.k ?? context.activity.id ?? randomUUID(),
        ...(data.to ? { namedManagerId: data.to } : {}),
        language: ui.language,
      }).catch((err: unknown) => {
        // Her erasure is unfinished: nothing stored or queued; said so, with the way to finish it.
        if (isDomainError(err) && err.code === 'erasureUnderway') return undefined;
        throw err;
      });
      // The outcome only: who put what before whom, and the words, stay out of the log.
      deps.logger.info({ outcome: outcome?.status ?? 'erasureUnderway' }, 'proposal put before a manager');
      if (!outcome) return { card: proposalToManagerWhileErasingCard(ui.t), personal: true };
      return { card: afterSend(outcome, ui.t, data), personal: true };
    },
    { form: sendForm },
  );
  onOwnChatAction(
    app,
    actions,
    'answerProposalToManager',
    async (context, data) => {
      const ui = await managerUi(deps, context);
      const ref = TurnContext.getConversationReference(context.activity) as unknown as Record<string, unknown>;
      const outcome = await answerProposal(ptm, chatProposalsToManager(deps, ref), {
        managerId: ui.managerId,
        memberId: data.memberId,
        recordId: data.recordId,
        text: data.answer,
        pressKey: answerPressKey(data.k ?? context.activity.id ?? randomUUID(), data.answer),
      });
      deps.logger.info({ outcome: outcome.status }, 'proposal put before a manager answered');
      if (outcome.status !== 'answered') return { card: proposalToManagerRefusedCard(outcome.status, ui.t), personal: true };
      // The answer that stands; this press's own words beside it when another stands instead.
      const shown = { answered: outcome.record.answer?.text, ...(outcome.replaced ? { replaced: outcome.replaced.text } : {}) };
      return { card: proposalToManagerCard(managerViewOf(outcome.record), ui.t, randomUUID(), shown), personal: true };
    },
    { form: answerForm },
  );
}
