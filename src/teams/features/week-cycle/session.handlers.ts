import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { DomainError, isDomainError } from '../../../domain/shared/errors';
import { decideProposal, judgeProposal, lookBackOnFirstStep, NoProposal, requestDraft } from '../../../usecases/week-cycle/proposal-actions';
import { decisionInputProblems } from '../../../domain/proposal/proposal';
import {
  addContribution,
  answerPersonally,
  claimCardShowing,
  endSession,
  finishClose,
  loadSession,
  markPresent,
  moveToQuestion,
  ownAnswerToCurrent,
  judgementDraftElsewhere,
  personalDraftElsewhere,
  recordEnergy,
  releaseCardShowing,
  rememberCard,
  rememberShownCard,
} from '../../../usecases/week-cycle/session-actions';
import { currentQuestionId, SessionState } from '../../../domain/week-cycle/session';
import { createNextSession, needsPreparing, prepareSession, scheduleFinishClose, SessionAnnouncer, WithdrawnBecause } from '../../../usecases/week-cycle/start-session';
import { leftGroup, loadGroup } from '../../../usecases/week-cycle/membership';
import { Actor } from '../../../usecases/week-cycle/deps';
import { findQuestion, Language } from '../../../domain/framework/framework';
import { drawn, FieldProblem, onCardAction, RefusedInput, updateShared } from '../../card-actions';
import { reasonsAsItStands, weekCycleReason } from './refusal-forms';
import { postCard, updateCard } from '../../card-response';
import { MovedBecause, sessionMovedCard } from '../../cards/session-moved.card';
import { actorOf, isInvoke } from '../../turn';
import { FeatureDeps } from '../feature-deps';
import { cycleCardFor } from './cycle.handlers';
import { postSummary, SessionPresenter } from './session-presenter';
import { questionNumbers } from '../../cards/question-numbers';
import { chatActorOf } from './roster';

/**
 * How long after a session opened its card may still be on its way from the press that opened
 * it. Longer than a send with its retries takes; shorter than a scheduled retry (20 s).
 */
export const CARD_ON_ITS_WAY_MS = 15_000;

/** Another press (or an earlier delivery of this one) opened the session a moment ago and posts its card. */
export function cardOnItsWay(next: { created: boolean; state: Pick<SessionState, 'session'> }, now: Date): boolean {
  const { session } = next.state;
  return !next.created && !session.cardActivityId && now.getTime() - Date.parse(session.startedAt) < CARD_ON_ITS_WAY_MS;
}

const SHOW_MESSAGES: Record<ShowResult, string> = { shown: 'session.shown', showing: 'session.showing', noneOpen: 'session.noneOpen' };

export type OpenResult = 'opened' | 'alreadyOpen' | 'opening' | 'openedWithoutCard' | 'cycleComplete';

/** Outcomes the group's chat shows by itself (the session card is there, or on its way): the words only confirm it. */
const SEEN_IN_CHAT: ReadonlySet<OpenResult | ShowResult> = new Set<OpenResult | ShowResult>(['opened', 'alreadyOpen', 'opening', 'shown', 'showing']);

/** What the presser of "Start de sessie" is told. */
const OPEN_MESSAGES: Record<OpenResult, string> = {
  opened: 'session.opened',
  alreadyOpen: 'session.alreadyOpen',
  opening: 'session.opening',
  openedWithoutCard: 'session.openedWithoutCard',
  cycleComplete: 'cycle.complete',
};

/**
 * How long a press waits for Teams to post, update or withdraw the card of the session it opens.
 * Long, because a card Teams posts after the press gave up can no longer be withdrawn (the turn is
 * over); presses behind a slow one do not wait for it (OpeningLock bounds their wait).
 */
export const CARD_SEND_TIMEOUT_MS = 30_000;

function withinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Teams did not answer within ${CARD_SEND_TIMEOUT_MS} ms`)), CARD_SEND_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The press's card, posted before the session is stored (its id is stored with the session), and
 * turned into a short notice when the session it shows did not open from this press. A post that
 * takes too long fails the press (nothing is stored); a notice Teams refuses now is queued in the
 * outbox, which retries it.
 */
function cardAnnouncer(deps: FeatureDeps, presenter: SessionPresenter, context: TurnContext): SessionAnnouncer {
  const ref = TurnContext.getConversationReference(context.activity) as Record<string, unknown>;
  const noticeFor = (why: WithdrawnBecause, language: Language) => sessionMovedCard(deps.translator.t(language), WITHDRAWN[why]);
  const withdraw = async (cardId: string, why: WithdrawnBecause, language: Language) => {
    // A card that may show a stored session whose card it was (the store could not say): the next press posts a live one.
    if (why !== 'openedElsewhere') presenter.withdrawnCards.add(cardId);
    try {
      await withinTimeout(updateCard(context, cardId, noticeFor(why, language)));
    } catch (err) {
      deps.logger.warn({ err: (err as Error).message }, 'could not withdraw a card of a session that did not open now; queued');
      await deps.messenger.queueUpdate(ref, cardId, noticeFor(why, language), `session.withdraw:${cardId}`).catch((e: Error) => deps.logger.warn({ err: e.message }, 'could not queue the withdrawal of a card'));
    }
  };
  return {
    post: (state) => withinTimeout(postCard(context, presenter.shared(state))),
    update: (cardId, state) => withinTimeout(updateCard(context, cardId, presenter.shared(state))).catch((err: Error) => deps.logger.warn({ err: err.message }, 'could not update the card of the opening session')),
    withdraw: (cardId, why, state) => withdraw(cardId, why, state.group.language),
  };
}

const WITHDRAWN: Record<WithdrawnBecause, MovedBecause> = { openedElsewhere: 'openedElsewhere', notStored: 'notStarted', unknown: 'unknown' };

/**
 * Opens the next session and posts its card as a new message; shared by the button and the
 * "start" command. The card goes out first and its id is stored with the session, in one
 * transaction. Presses at once on this instance (or Teams delivering a press twice) wait for each
 * other and post one card; a press that loses the race on another instance turns its card into a
 * pointer. A session found open without its card (the rhythm opened it, or its card never got
 * out) gets it from the next press. With `repost` (the command), an open session's card is posted
 * again at the bottom of the chat and updates move to that copy.
 */
export async function openNextSession(
  deps: FeatureDeps,
  presenter: SessionPresenter,
  context: TurnContext,
  groupId: string,
  opts: { cycleId?: string; repost?: boolean } = {},
): Promise<{ result: OpenResult; language: Language }> {
  const wc = deps.weekCycle;
  const next = await createNextSession(wc, groupId, chatActorOf(context, deps.logger), { cycleId: opts.cycleId }, cardAnnouncer(deps, presenter, context));
  if (next.kind === 'cycleComplete') {
    const group = await loadGroup(wc, groupId);
    await postCard(context, await cycleCardFor(deps, group));
    return { result: 'cycleComplete', language: group.language };
  }
  const language = next.state.group.language;
  if (next.created) return { result: next.state.session.cardActivityId ? 'opened' : 'openedWithoutCard', language };
  const cardId = next.state.session.cardActivityId;
  // Its stored card was turned into a notice (the store could not tell whether it was stored): as good as none.
  const live = !!cardId && !presenter.withdrawnCards.has(cardId);
  if (!opts.repost && live) return { result: 'alreadyOpen', language };
  if (!opts.repost && !cardId && cardOnItsWay(next, wc.clock.now())) return { result: 'opening', language };
  if (cardId) {
    // The card again at the bottom of the chat, one press at a time, and the copy above turned into a pointer.
    const { language: shownIn } = await repostOpenSession(deps, presenter, context, groupId, next.state.cycle?.id ?? opts.cycleId);
    return { result: 'alreadyOpen', language: shownIn };
  }
  let posted = false;
  try {
    const state = needsPreparing(next) ? await prepareSession(wc, next.state) : next.state;
    const id = await postCard(context, presenter.shared(state));
    posted = true;
    if (id) await rememberCard(wc, state, id);
  } catch (err) {
    // The card was posted, and could not be remembered: say so, and how to finish ("start"), not an error card.
    if (!posted) throw err;
    deps.logger.warn({ err: (err as Error).message }, 'the session card was posted, but could not be remembered');
    return { result: 'openedWithoutCard', language };
  }
  return { result: 'alreadyOpen', language };
}

/**
 * How long after a close an end press still finishes what follows it. Retries come within minutes
 * (the close job within the hour), and the outbox keeps a summary's key for days: a press on a
 * card left unrefreshed for longer finds it done long ago, rather than posting the summary again.
 */
export const CLOSE_FOLLOW_UP_MS = 24 * 60 * 60_000;

/**
 * What follows a close: the week marked complete after its last day, and the summary, through the
 * outbox under its key (sent from here at once, and retried there when Teams refuses it). Both
 * are idempotent, so every end press that finds the session closed runs them, not only the one
 * that closed it: a retry finishes what a fault left undone, and a summary goes out once. A
 * failure here does not make an error card of a close that was stored: the press answers with
 * the closed session, and the session's close job is scheduled to finish it.
 */
async function followUpClose(deps: FeatureDeps, presenter: SessionPresenter, state: SessionState): Promise<void> {
  const wc = deps.weekCycle;
  const { closedAt } = state.session;
  if (!closedAt || wc.clock.now().getTime() - Date.parse(closedAt) > CLOSE_FOLLOW_UP_MS) return;
  const steps: Record<string, () => Promise<unknown>> = {
    week: () => finishClose(wc, state),
    summary: () => postSummary(deps, state),
  };
  const failed: string[] = [];
  for (const [name, step] of Object.entries(steps)) {
    await step().catch((err: Error) => {
      failed.push(name);
      deps.logger.warn({ err: err.message, step: name, sessionId: state.session.id }, 'the session is closed, but what follows the close failed; its close job finishes it');
    });
  }
  if (failed.length) await scheduleFinishClose(wc, state.session).catch((err: Error) => deps.logger.warn({ err: err.message, sessionId: state.session.id }, 'could not schedule the close job to finish a closed session; the next end press does'));
}

/**
 * "Sessie afronden". A close the store failed on may have been stored after all (its answer lost),
 * or another press closed the session meanwhile: a session found closed is the answer then. A
 * refusal (not a member, no such session) stays one.
 */
async function endByMember(deps: FeatureDeps, presenter: SessionPresenter, groupId: string, sessionId: string, actor: Actor): Promise<SessionState> {
  const wc = deps.weekCycle;
  const state = await endSession(wc, groupId, sessionId, actor).then(
    ({ state: ended }) => ended,
    async (err: unknown) => {
      if (isDomainError(err)) throw err;
      const found = await loadSession(wc, groupId, sessionId).catch(() => undefined);
      if (found?.session.status !== 'closed') throw err;
      deps.logger.warn({ err: (err as Error).message, sessionId }, 'ending the session failed, and it is closed: answered with the closed session');
      return found;
    },
  );
  await followUpClose(deps, presenter, state);
  return state;
}

/** Posts the open session's card again at the bottom of the chat; updates move to the new copy. */
export type ShowResult = 'shown' | 'showing' | 'noneOpen';

/**
 * "Toon sessie": the live card again at the bottom of the chat, and the copy above turned into a
 * pointer to it. One press at a time posts: presses meanwhile (other members, or Teams delivering
 * this one again) hear the card is there or on its way.
 */
export async function repostOpenSession(deps: FeatureDeps, presenter: SessionPresenter, context: TurnContext, groupId: string, cycleId?: string): Promise<{ result: ShowResult; language: Language }> {
  const wc = deps.weekCycle;
  const group = cycleId ? undefined : await wc.groups.get(groupId);
  const current = cycleId ?? group?.currentCycleId;
  const cycle = current ? await wc.sessions.loadCycle(groupId, current) : undefined;
  const language = cycle?.group.language ?? group?.language ?? deps.defaultLanguage;
  const open = cycle?.sessions.find((s) => s.status === 'open');
  if (!open) return { result: 'noneOpen', language };
  const { claim, key, state } = await claimCardShowing(wc, await loadSession(wc, groupId, open.id));
  if (claim !== 'mine') return { result: claim === 'justShown' ? 'shown' : 'showing', language };
  let id: string | undefined;
  try {
    id = await postCard(context, presenter.shared(state));
  } catch (err) {
    await releaseCardShowing(wc, state, key).catch(() => undefined);
    throw err;
  }
  if (!id) return { result: 'shown', language };
  await rememberShownCard(wc, state, key, id);
  const previous = state.session.cardActivityId;
  if (previous && previous !== id) {
    await updateShared(context, deps.actions.sharedCards, previous, { now: () => sessionMovedCard(deps.translator.t(language)) }, deps.logger);
  }
  return { result: 'shown', language };
}

/**
 * The presser's own card is the answer to their Action.Execute (the invoke's response), which only
 * the client that pressed shows, and it has Universal Actions: the card needs no Action.Submit
 * fallbacks. On the Submit fallback the card may replace a message that older clients show: kept.
 */
function answersExecute(context: TurnContext): boolean {
  return isInvoke(context);
}

export function registerSession(app: Application<TurnState>, deps: FeatureDeps, presenter: SessionPresenter): void {
  const wc = deps.weekCycle;
  /**
   * The member's own answer to the current (personal) question, read after their action was
   * stored: when that read fails, the card follows without it (the member refreshes to see it)
   * rather than an error card for what was stored.
   */
  const ownAnswerAfterStore = (state: SessionState, viewerId: string) =>
    ownAnswerToCurrent(wc, state, viewerId).catch((err: unknown) => {
      deps.logger.warn({ err: (err as Error).message }, 'own answer not read after a stored action; the card follows without it');
      return undefined;
    });
  /** A step of the group (the question, the proposal, the end): everyone's card follows. */
  const respond = async (state: SessionState, viewerId: string, context: TurnContext) => presenter.outcome(state, viewerId, await ownAnswerAfterStore(state, viewerId), answersExecute(context));
  /** A member's own addition: their card only; the shared message is not edited under anyone's typing. */
  const respondAdded = async (state: SessionState, viewerId: string, context: TurnContext) => presenter.added(state, viewerId, await ownAnswerAfterStore(state, viewerId), answersExecute(context));
  /** A refused input on the session card: the member's own view again, their inputs kept and the reason next to the field. */
  const sessionForm = {
    form: {
      keepsOn: ['sessionClosed'] as const,
      reason: weekCycleReason,
      inputs: { status: 'firstStepStatus', note: 'firstStepNote' },
      render: async (context: TurnContext, r: RefusedInput) => {
        const state = await loadSession(wc, String(r.values.groupId ?? ''), String(r.values.sessionId ?? ''));
        // Kept for 'sessionClosed' only to show a closed session's card with what was typed; a
        // refusal without a field on an open session (a decided proposal) is the plain error card.
        if (!r.problems.length && state.session.status === 'open') return undefined;
        const viewerId = actorOf(context).id;
        return presenter.personal(state, viewerId, await ownAnswerToCurrent(wc, state, viewerId), { values: r.values, errors: reasonsAsItStands(r, state) }, answersExecute(context));
      },
    },
  };
  /** The decision form names every field that keeps the decision from being stored in one answer, not one per press. */
  const decisionForm = { form: { ...sessionForm.form, alsoRefused: decisionProblemsOf } };

  // The member's fresh view; what they had typed and not saved yet comes back in its inputs.
  onCardAction(app, deps.actions, 'refreshSession', async (context, data) => {
    const { groupId, sessionId, k: _key, questionId, ...typed } = data;
    const state = await loadSession(wc, groupId, sessionId);
    const viewerId = actorOf(context).id;
    // Someone the group let go sees nothing it wrote since (their card stays as it was); acting on it joins them again.
    // Words for the presser: in their own chat (the Submit fallback) in its language, the group card's button quoted as the card shows it.
    if (await leftGroup(wc, state.group, viewerId)) return { message: drawn(state.group.language, (t, card) => t('session.leftGroup', { button: card('energy.present') })) };
    // The button names its question, so a draft never lands in another question's input. When the
    // group moved on meanwhile, a draft for a group question comes back on its own question with
    // why (see refusedElsewhere); so does a personal answer that differs from the one saved for it
    // (its input is prefilled with the saved one, which is no draft), and a judgement or decision
    // that differs from what the member stored.
    const draftField = Object.entries(typed).find(([, v]) => v !== undefined && v !== '')?.[0];
    const draftFor = questionId === undefined ? undefined : findQuestion(wc.frameworks[state.group.language], questionId);
    const groupDraftMovedOn = draftField !== undefined && draftFor?.scope === 'group' && draftFor.kind === 'text' && draftFor.id !== currentQuestionId(state.session);
    const personalDraft = draftField === 'text' && questionId !== undefined && draftFor?.scope === 'personal' ? await personalDraftElsewhere(wc, state, viewerId, questionId, typed.text ?? '') : undefined;
    const judgementField = groupDraftMovedOn || personalDraft ? undefined : judgementDraftElsewhere(wc, state, viewerId, typed);
    const why = groupDraftMovedOn ? 'question.draftMovedOn' : personalDraft ? 'question.personalDraftMovedOn' : judgementField ? 'question.judgementDraftMovedOn' : undefined;
    const errors: Record<string, string> = why ? { [judgementField ?? draftField!]: deps.translator.t(state.group.language)(why) } : {};
    const unsaved = draftField !== undefined ? { values: { ...typed, questionId }, errors } : undefined;
    const ownAnswer = personalDraft ? personalDraft.saved : await ownAnswerToCurrent(wc, state, viewerId);
    return { card: presenter.personal(state, viewerId, ownAnswer, unsaved, answersExecute(context)), personal: true };
  }, sessionForm);

  onCardAction(app, deps.actions, 'startSession', async (context, data) => {
    const { result, language } = await openNextSession(deps, presenter, context, data.groupId, { cycleId: data.cycleId });
    return { message: drawn(language, (t) => t(OPEN_MESSAGES[result])), seenInChat: SEEN_IN_CHAT.has(result) };
  });

  onCardAction(app, deps.actions, 'showSession', async (context, data) => {
    const { result, language } = await repostOpenSession(deps, presenter, context, data.groupId, data.cycleId);
    return { message: drawn(language, (t) => t(SHOW_MESSAGES[result])), seenInChat: SEEN_IN_CHAT.has(result) };
  });

  onCardAction(app, deps.actions, 'checkIn', async (context, data) => {
    const score = data.phase === 'in' ? data.energyIn : data.energyOut;
    if (score === undefined) throw new DomainError('invalidInput', { detail: 'energy score missing', input: { field: data.phase === 'in' ? 'energyIn' : 'energyOut', rule: 'required' } });
    return respondAdded(await recordEnergy(wc, data.groupId, data.sessionId, chatActorOf(context, deps.logger), data.phase, score), actorOf(context).id, context);
  }, sessionForm);

  onCardAction(app, deps.actions, 'markPresent', async (context, data) => respondAdded(await markPresent(wc, data.groupId, data.sessionId, chatActorOf(context, deps.logger)), actorOf(context).id, context));

  onCardAction(app, deps.actions, 'contribute', async (context, data) => {
    const actor = chatActorOf(context, deps.logger);
    const key = data.k ?? context.activity.id ?? `${actor.id}:${Date.now()}`;
    return respondAdded(await addContribution(wc, data.groupId, data.sessionId, actor, { questionId: data.questionId, text: data.text, key }), actor.id, context);
  }, sessionForm);

  // The press's key (the card's, else the activity's): Teams delivering the same press again moves nothing.
  onCardAction(app, deps.actions, 'goTo', async (context, data) => {
    const actor = chatActorOf(context, deps.logger);
    return respond(await moveToQuestion(wc, data.groupId, data.sessionId, actor, data.index, data.k ?? context.activity.id, data.from), actor.id, context);
  });

  // The press's key (the card's, else the activity's): Teams delivering an older press again changes nothing.
  onCardAction(app, deps.actions, 'answerPersonal', async (context, data) => {
    const actor = chatActorOf(context, deps.logger);
    const { state, answer } = await answerPersonally(wc, data.groupId, data.sessionId, actor, { questionId: data.questionId, text: data.text, had: data.had === 1 }, data.k ?? context.activity.id);
    return presenter.added(state, actor.id, answer, answersExecute(context));
  }, sessionForm);

  onCardAction(app, deps.actions, 'draftProposal', async (context, data) => {
    // The press's key: Teams delivering it again starts no second draft (and sends nothing to Azure twice).
    const request = await requestDraft(wc, data.groupId, data.sessionId, chatActorOf(context, deps.logger), data.k ?? context.activity.id);
    // Pressed on a card from before the group began judging: nothing started, and the member hears why.
    if (!request.started && request.judgingBegun) return { message: drawn(request.state.group.language, (t) => t('proposal.judgingBegun')) };
    const noAnswers = request.started ? undefined : request.noAnswers;
    if (noAnswers) {
      return { message: drawn(request.state.group.language, (t, _card, language) => t('proposal.noAnswersYet', { count: noAnswers.length, questions: questionNumbers(noAnswers, language, t) })) };
    }
    if (request.started) {
      deps.background.run('proposal.draft', async () => {
        await request.run();
        await presenter.pushShared(data.groupId, data.sessionId);
      });
    }
    return respond(request.state, actorOf(context).id, context);
  });

  // A judgement is the member's own, except the one that lets the group decide: that one everyone sees.
  // The press's key (the card's, else the activity's): Teams delivering an older press again changes nothing.
  onCardAction(app, deps.actions, 'judgeProposal', async (context, data) => {
    const input = { opinion: data.opinion, reason: data.reason, textFingerprint: data.textFingerprint };
    const { state, opensDecision, noProposal } = await judgeProposal(wc, data.groupId, data.sessionId, chatActorOf(context, deps.logger), input, data.k ?? context.activity.id);
    // Nothing to judge yet: nothing stored, and the pressed card stays as it is (with what was typed on it).
    if (noProposal) return { message: noProposalMessage(state.group.language, 'proposal.nothingToJudge', noProposal) };
    return (opensDecision ? respond : respondAdded)(state, actorOf(context).id, context);
  }, sessionForm);

  onCardAction(app, deps.actions, 'decideProposal', async (context, data) => {
    const { state, noProposal } = await decideProposal(wc, data.groupId, data.sessionId, chatActorOf(context, deps.logger), {
      verdict: data.decision,
      reason: data.decisionReason,
      ownWords: data.adoptedText,
      firstStep: data.firstStep,
      textFingerprint: data.textFingerprint,
    });
    // Nothing to decide on yet: said as what is missing, not as a note next to a field the card may not show.
    if (noProposal) return { message: noProposalMessage(state.group.language, 'proposal.nothingToDecide', noProposal) };
    return respond(state, actorOf(context).id, context);
  }, decisionForm);

  onCardAction(app, deps.actions, 'lookBackOnFirstStep', async (context, data) => {
    const actor = chatActorOf(context, deps.logger);
    const key = data.k ?? context.activity.id ?? `${actor.id}:${Date.now()}`;
    const proposal = await lookBackOnFirstStep(wc, data.groupId, data.proposalId, actor, { status: data.firstStepStatus, note: data.firstStepNote, key, seen: data.seen });
    const state = await loadSession(wc, data.groupId, data.sessionId);
    return respond({ ...state, previousProposal: proposal }, actor.id, context);
  }, sessionForm);

  onCardAction(app, deps.actions, 'endSession', async (context, data) => {
    const actor = chatActorOf(context, deps.logger);
    return respond(await endByMember(deps, presenter, data.groupId, data.sessionId, actor), actor.id, context);
  });
}

/** Why a judgement or decision was not stored when there is no proposal yet, naming the question it is written at. */
function noProposalMessage(language: Language, key: 'proposal.nothingToJudge' | 'proposal.nothingToDecide', missing: NoProposal) {
  return drawn(language, (t) => (missing.question === undefined ? t(`${key}Anywhere`) : t(key, { question: missing.question })));
}

/**
 * The decision form's inputs the domain would refuse too, checked on what the card sent by the
 * domain's own rules (`decisionInputProblems`): a refusal of one field then names every other.
 */
function decisionProblemsOf(values: Record<string, unknown>): FieldProblem[] {
  const text = (id: string) => (typeof values[id] === 'string' ? (values[id] as string) : '');
  const verdict = typeof values.decision === 'string' ? values.decision : undefined;
  return decisionInputProblems({ verdict, reason: text('decisionReason'), ownWords: text('adoptedText'), firstStep: text('firstStep') }).map((p) => ({
    field: p.field,
    code: 'invalidInput',
    rule: p.rule,
    params: p.params ?? {},
  }));
}
