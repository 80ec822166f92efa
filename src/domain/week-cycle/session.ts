import { Framework, findQuestion, Question } from '../framework/framework';
import { Judgement, Proposal } from '../proposal/proposal';
import { DomainError } from '../shared/errors';
import { stableId } from '../shared/ids';
import { Cycle } from './cycle';
import { closeRound, EnergyRound, isEnergyScore, openRound } from './energy';
import { Group, isMember } from './group';
import { CheckIn, checkInId, Contribution, contributionId, EnergyPhase, ERASED_ID, Presence, presenceId } from './session-items';
import { overLimit, showsNothingTrimmed, trimText } from '../shared/text';

export type { Contribution, EnergyPhase } from './session-items';

/**
 * One hour of a cycle: only what the group changes by explicit steps (the question pointer,
 * the status, the time box, closing a check-in round). What members add lives in items of its
 * own (see session-items.ts); personal answers (9-10) are stored per member.
 */
export interface Session {
  id: string;
  type: 'session';
  groupId: string;
  cycleId: string;
  /** Sequence within the cycle, 1-based; a resumed session gets the next number. */
  seq: number;
  /** The agenda day this session belongs to (1-4). */
  day: number;
  questionIds: number[];
  carriedOver: number[];
  currentIndex: number;
  status: 'open' | 'closed';
  startedAt: string;
  endsAt: string;
  warned: boolean;
  /**
   * The group has reached the last question (of more than one): check-out is open from then on
   * for the rest of the session. A member going back to finish an earlier question does not close
   * it again: a score picked on the card that offered it, and a colleague's stored a moment
   * before, both count. Absent on sessions stored before, and until the last question is reached.
   */
  checkOutOpened?: true;
  closedAt?: string;
  /**
   * When a member's erasure took them off the group's list while this session was open: it
   * changes the session's version, so an addition of theirs whose write was under way then (and
   * read the session before) is checked against the group again.
   */
  membersChangedAt?: string;
  /** Energy check-in rounds; an average is published once, when its round closes. */
  energy: Record<EnergyPhase, EnergyRound>;
  /** The shared card in the chat, so it is updated in place rather than posted again. */
  cardActivityId?: string;
  /**
   * An opaque key of the attempt that opened the session (not of a person). A create whose answer
   * was lost finds its own key on the stored session and knows it opened it, so it posts the card.
   */
  openedBy?: string;
  /**
   * The group's own proposal (its answers to the proposal question) from an earlier session of
   * the week, when this session judges it without writing it (question 7 carried over): what its
   * card shows, and what the group judges and adopts. Fixed when the session opens: the earlier
   * session is closed, so its answers no longer change.
   */
  carriedProposal?: string;
  /**
   * Who took part in the week's sessions before this one (present, wrote along or judged), for a
   * session that judges a proposal written before (question 7 carried over): the group that wrote
   * it decides on two judgements at least, also on a morning when one came first (found in review,
   * stop 64). Fixed when the session opens, each as the member's tag on this session
   * (`tookPartTag`), never their id. Only those still in the group count, so one who left or erased
   * since holds no one back; an erasure drops the erased member's tag (stop 65: a count kept asking
   * a second judgement of members who never took part).
   */
  tookPartBeforeTags?: string[];
  /** What stop 64 stored instead: how many took part before, no one named. Read as then (see `tookPartInJudging`). */
  tookPartBefore?: number;
  /**
   * The same for the last once-only step (the warning, the close): a retry whose answer was lost
   * finds the step done with its own key, and still says what the step says.
   */
  stepBy?: string;
  /**
   * Opaque keys of the latest "Volgende"/"Vorige" presses applied (see `stepKey`; an erasure drops the person's),
   * newest last, at most STEP_KEYS_KEPT: Teams redelivering one of them moves nothing, also after
   * another member moved the group on or the session ended. Absent on sessions stored before.
   */
  stepKeys?: string[];
  /**
   * Members' additions are stored only while the session's open gate exists, which its close
   * removes in the same transaction: an answer, presence or check-out pressed on the open card
   * and written after the close is refused with nothing stored, never kept beside a summary or
   * average that does not count it. Absent on sessions opened before the gate.
   */
  gated?: true;
  /**
   * The latest "show the card again" (Toon sessie): an opaque key of the press that posts the
   * copy (not a person), when, and whether the copy is out. Presses that come while it is fresh
   * post nothing, so several members (or one press delivered twice) add one copy to the chat.
   */
  showing?: CardShowing;
}

export interface CardShowing {
  key: string;
  at: string;
  done?: boolean;
}

/**
 * A session as one turn reads it, in one go from the group's partition: the group, the cycle,
 * the session, what members added to it, and the cycle's proposal with its judgements.
 */
export interface SessionState {
  group: Group;
  cycle?: Cycle;
  session: Session;
  /** The stored session's version (ETag), so an explicit step replaces exactly what was read. */
  sessionVersion?: string;
  contributions: Contribution[];
  checkIns: CheckIn[];
  presence: Presence[];
  proposal?: Proposal;
  proposalVersion?: string;
  judgements: Judgement[];
  /** Each judgement's version (ETag) as read, by id: a change of mind replaces exactly the one read. */
  judgementVersions?: Record<string, string>;
  /** Last week's proposal: its first step is looked back on when the next week opens. */
  previousProposal?: Proposal;
}

export const MAX_CONTRIBUTION_LENGTH = 2000;
/** A guard against runaway clients, far above what a group writes in an hour. */
export const MAX_CONTRIBUTIONS_PER_QUESTION = 1000;

export interface SessionPlan {
  id: string;
  groupId: string;
  cycleId: string;
  seq: number;
  day: number;
  questionIds: number[];
  carriedOver: number[];
  startedAt: Date;
  minutes: number;
  openedBy?: string;
  carriedProposal?: string;
  /** The ids of the members who took part in the week before (see `Session.tookPartBeforeTags`). */
  tookPartBefore?: readonly string[];
}

export function openSession(plan: SessionPlan): Session {
  return {
    id: plan.id,
    type: 'session',
    groupId: plan.groupId,
    cycleId: plan.cycleId,
    seq: plan.seq,
    day: plan.day,
    questionIds: [...plan.carriedOver, ...plan.questionIds.filter((q) => !plan.carriedOver.includes(q))],
    carriedOver: [...plan.carriedOver],
    currentIndex: 0,
    status: 'open',
    startedAt: plan.startedAt.toISOString(),
    endsAt: new Date(plan.startedAt.getTime() + plan.minutes * 60_000).toISOString(),
    warned: false,
    energy: { in: openRound(), out: openRound() },
    gated: true,
    ...(plan.openedBy ? { openedBy: plan.openedBy } : {}),
    ...(plan.carriedProposal ? { carriedProposal: plan.carriedProposal } : {}),
    ...(plan.tookPartBefore?.length ? { tookPartBeforeTags: plan.tookPartBefore.map((memberId) => tookPartTag(plan.id, memberId)) } : {}),
  };
}

function requireOpen(s: Session): void {
  if (s.status !== 'open') throw new DomainError('sessionClosed', s.id);
}

function requireAgendaQuestion(framework: Framework, s: Session, questionId: number): Question {
  const q = findQuestion(framework, questionId);
  if (!q || !s.questionIds.includes(questionId)) throw new DomainError('questionNotInAgenda', String(questionId));
  return q;
}

/**
 * Oldest first. Item times are ISO-8601 UTC strings, which sort as plain strings; localeCompare's
 * collation is not meant for them and costs a live card a good part of its rendering.
 */
export function byTime(a: { at: string }, b: { at: string }): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
}

/**
 * The contributions to one question in this session, in the order they were made. Equal times
 * keep the order the store returned them in (the order they were written; the sort is stable).
 */
export function sharedAnswer(state: Pick<SessionState, 'contributions'>, questionId: number): Contribution[] {
  return state.contributions.filter((c) => c.questionId === questionId).sort(byTime);
}

/** Every question's shared answer at once, oldest first: one pass for a card that shows them all. */
export function sharedAnswers(state: Pick<SessionState, 'contributions'>): Map<number, Contribution[]> {
  const out = new Map<number, Contribution[]>();
  for (const c of state.contributions) {
    const list = out.get(c.questionId);
    if (list) list.push(c);
    else out.set(c.questionId, [c]);
  }
  // Sorted per question, and only where needed: a query's rows come in no promised order (the
  // embedded store mixes them), and sorting one question's few costs less than all of the day's.
  for (const list of out.values()) if (!inTimeOrder(list)) list.sort(byTime);
  return out;
}

function inTimeOrder(items: readonly { at: string }[]): boolean {
  for (let i = 1; i < items.length; i++) if (items[i]!.at < items[i - 1]!.at) return false;
  return true;
}

export interface ContributionInput {
  /** The idempotency key of the rendered card (or the Teams activity id for cards without one). */
  key: string;
  questionId: number;
  authorId: string;
  authorName: string;
  text: string;
  at: string;
}

/**
 * A member's text for the group's shared answer, as the document to create (idempotent by its id).
 * The same press again finds its stored contribution even once the session has ended (Teams
 * redelivers an invoke it got no timely answer for); only something new needs an open session.
 */
export function contribute(framework: Framework, state: SessionState, input: ContributionInput): Contribution {
  const s = state.session;
  const text = trimText(input.text);
  const id = contributionId(s.id, input.authorId, input.key, input.questionId, text);
  // What is stored passed every check below when it was stored.
  const known = state.contributions.find((c) => c.id === id);
  if (known) return known;
  requireOpen(s);
  const q = requireAgendaQuestion(framework, s, input.questionId);
  if (q.scope !== 'group' || q.kind === 'validation') throw new DomainError('wrongQuestionKind', String(input.questionId));
  // What shows nothing (also tag characters alone) is no answer: the group's shared answer would hold a blank line.
  if (showsNothingTrimmed(text)) throw new DomainError('invalidInput', { detail: 'contribution empty', input: { field: 'text', rule: 'required' } });
  const over = overLimit(text, MAX_CONTRIBUTION_LENGTH);
  if (over) throw new DomainError('invalidInput', { detail: 'contribution length', input: { field: 'text', rule: 'tooLong', params: { max: MAX_CONTRIBUTION_LENGTH, count: over } } });
  let toQuestion = 0;
  for (const c of state.contributions) if (c.questionId === input.questionId) toQuestion++;
  // Named on the text field, so the form comes back with the words typed (found in review, stop 64: the plain error card lost them).
  if (toQuestion >= MAX_CONTRIBUTIONS_PER_QUESTION) throw new DomainError('invalidInput', { detail: 'too many contributions', input: { field: 'text', rule: 'range', params: { max: MAX_CONTRIBUTIONS_PER_QUESTION } } });
  return { id, type: 'contribution', groupId: s.groupId, cycleId: s.cycleId, sessionId: s.id, questionId: input.questionId, authorId: input.authorId, authorName: input.authorName, text, at: input.at };
}

/**
 * A member's private energy score. The first score of a phase counts; a second press changes
 * nothing. The stored score pressed again (a redelivery) is found also after the session ended.
 */
export function checkIn(state: SessionState, phase: EnergyPhase, memberId: string, score: number, at: string, token?: string): CheckIn {
  const s = state.session;
  const id = checkInId(s.id, phase, memberId);
  const known = state.checkIns.find((c) => c.id === id);
  if (known && known.score === score) return known;
  requireOpen(s);
  // A check-out before it opened would count as the member's closing score (a late opening check-in
  // is kept for them, as presence, and changes no published average).
  // About the score's input: the member's card comes back with the score picked and why beside it.
  if (phase === 'out' && !checkOutOpen(s, s.questionIds.length)) throw new DomainError('checkOutNotOpen', { detail: 'check-out before it opened', input: { field: 'energyOut', rule: 'range' } });
  if (!isEnergyScore(score)) throw new DomainError('invalidInput', { detail: 'energy score', input: { field: phase === 'in' ? 'energyIn' : 'energyOut', rule: 'required' } });
  return known ?? { id, type: 'checkIn', groupId: s.groupId, cycleId: s.cycleId, sessionId: s.id, phase, memberId, score, at, ...(token ? { token } : {}) };
}

/** "Ik ben erbij": present in this session, without having to write or check in (a stored presence is found also after it ended). */
export function confirmPresence(state: SessionState, memberId: string, at: string): Presence {
  const s = state.session;
  const id = presenceId(s.id, memberId);
  const known = state.presence.find((p) => p.id === id);
  if (known) return known;
  requireOpen(s);
  return { id, type: 'presence', groupId: s.groupId, cycleId: s.cycleId, sessionId: s.id, memberId, at };
}

/**
 * Who was there: presence is what a member confirms, by checking in or saying "ik ben erbij".
 * Writing along is not taken as presence, nor is staying silent taken as absence. Erased members
 * are counted by the anonymous presence their erasure left.
 */
export function attendeeIds(state: Pick<SessionState, 'presence' | 'checkIns'>): string[] {
  return [...new Set([...state.presence.map((p) => p.memberId), ...state.checkIns.map((c) => c.memberId)].filter((id) => id !== ERASED_ID))];
}

/**
 * How many count as present for the group's decision: those still in the group who are present
 * or judged. Members who left the chat do not hold back the decision of those who stayed, whether
 * or not they judged (a judgement of theirs of the text decided on still counts for it).
 */
export function presentForDecision(state: Pick<SessionState, 'group' | 'presence' | 'checkIns'>, judges: readonly string[]): number {
  return new Set([...attendeeIds(state), ...judges].filter((id) => isMember(state.group, id))).size;
}

/**
 * How many take part in judging the session's proposal, for how many judgements a decision needs
 * (`judgementsNeeded`): those still in the group who are present, judged or wrote along in this
 * session, or took part in the week before it (`Session.tookPartBeforeTags`), and the member who
 * presses (`pressedBy`, who takes part by pressing). Without a presser it is the count for the
 * group's shared card, which any member may press: as if one who has not taken part yet pressed,
 * while there is one, so the card never offers a decision that such a press is refused (stop 65).
 */
export function tookPartInJudging(state: Pick<SessionState, 'group' | 'session' | 'presence' | 'checkIns' | 'contributions'>, judges: readonly string[], pressedBy?: string): number {
  const { group, session } = state;
  const ids = new Set([...attendeeIds(state), ...judges, ...state.contributions.map((c) => c.authorId)].filter((id) => isMember(group, id)));
  const before = new Set(session.tookPartBeforeTags ?? []);
  for (const m of group.members) if (before.has(tookPartTag(session.id, m.id))) ids.add(m.id);
  if (pressedBy !== undefined) ids.add(pressedBy);
  // A count stored by stop 64 names no one: read as then, capped by the group's size.
  const counted = Math.max(ids.size, Math.min(session.tookPartBefore ?? 0, group.members.length));
  return pressedBy === undefined && counted < group.members.length ? counted + 1 : counted;
}

/**
 * A member's tag on one session, for having taken part in the week before it: a hash over the
 * session and the member, so the session names no one by id, and one session's tags do not match
 * another's. Like a step key's tag it can be tested against candidate ids, so an erasure drops it.
 */
export function tookPartTag(sessionId: string, memberId: string): string {
  return stableId('tp', sessionId, memberId);
}

/** The session's tags of who took part before (see `tookPartTag`) without the member's; the same array when there is none of theirs. */
export function withoutTookPartTagOf(sessionId: string, tags: readonly string[] | undefined, memberId: string): readonly string[] | undefined {
  const tag = tookPartTag(sessionId, memberId);
  return tags?.includes(tag) ? tags.filter((t) => t !== tag) : tags;
}

/** How many step keys a session remembers: far more presses than a group makes in the minutes Teams redelivers in. */
export const STEP_KEYS_KEPT = 20;

/**
 * The key a session stored of one "Volgende"/"Vorige" press before stop 49 (untagged): a hash of
 * the card's action key, the member and where the press went. Such keys are no longer written;
 * an erasure drops those still stored (see `withoutStepKeysOf`).
 */
export function moveKey(pressKey: string, memberId: string, index: number): string {
  return stableId('mv', pressKey, memberId, String(index));
}

/**
 * The key of one "Volgende"/"Vorige" press as the session stores it: the member's tag on this
 * session (see `stepKeyTag`), a dot, then the card's action key (set when the card was rendered)
 * with where the press goes. The same press delivered again has it; another member's press, or
 * the other button on the same card, does not. The tag lets an erasure drop exactly the erased
 * member's keys: each is a hash over their id that a reader holding the card could test ids against.
 */
export function stepKey(sessionId: string, pressKey: string, memberId: string, index: number): string {
  return `${stepKeyTag(sessionId, memberId)}.${stableId('mv', pressKey, String(index))}`;
}

/** What each of a member's step keys on a session starts with (before the dot). */
export function stepKeyTag(sessionId: string, memberId: string): string {
  return stableId('sm', sessionId, memberId);
}

/**
 * The session's step keys without the member's, and without untagged ones (stored before tags,
 * whose presser is unknown): only presses of theirs (refused now anyway) and a few older presses
 * delivered again are let through. The same array when there is nothing to drop.
 */
export function withoutStepKeysOf(sessionId: string, keys: readonly string[] | undefined, memberId: string): readonly string[] | undefined {
  if (!keys) return keys;
  const tag = `${stepKeyTag(sessionId, memberId)}.`;
  const kept = keys.filter((k) => k.includes('.') && !k.startsWith(tag));
  return kept.length === keys.length ? keys : kept;
}

/**
 * Moves the shared pointer to an explicit index, so two members pressing "next" at once move it
 * once. Leaving the first question closes the opening check-in: its average is published then,
 * once, and never updated answer by answer. With `key` (see `stepKey`) the press is remembered on
 * the session, also when the pointer was there already: the same press again (Teams redelivers it)
 * moves nothing, also after another member moved the group on, or once the session has ended.
 * With `from` (the question the pressed card showed) a step from a card the group has moved past
 * moves nothing either: a slow "next" would otherwise pull everyone back.
 */
export function goToQuestion(state: SessionState, index: number, now: Date, key?: string, from?: number): Session {
  const s = state.session;
  if (key && s.stepKeys?.includes(key)) return s;
  requireOpen(s);
  if (from !== undefined && s.currentIndex !== from) return s;
  if (!Number.isInteger(index) || index < 0 || index >= s.questionIds.length) throw new DomainError('invalidInput', 'question index');
  const closesCheckIn = index !== 0 && !s.energy.in.closedAt;
  const opensCheckOut = !s.checkOutOpened && reachesCheckOut(index, s.questionIds.length);
  const remembered = key ? { stepKeys: [...(s.stepKeys ?? []), key].slice(-STEP_KEYS_KEPT) } : {};
  if (s.currentIndex === index && !closesCheckIn && !opensCheckOut) return key ? { ...s, ...remembered } : s;
  return {
    ...s,
    currentIndex: index,
    ...remembered,
    ...(closesCheckIn ? { energy: { ...s.energy, in: closeRound(state.checkIns, 'in', now) } } : {}),
    ...(opensCheckOut ? { checkOutOpened: true as const } : {}),
  };
}

export function markWarned(s: Session): Session {
  return s.warned ? s : { ...s, warned: true };
}

/** Closes the session and whatever check-in round is still open. */
export function closeSession(state: SessionState, now: Date): Session {
  const s = state.session;
  if (s.status === 'closed') return s;
  const energy = {
    in: s.energy.in.closedAt ? s.energy.in : closeRound(state.checkIns, 'in', now),
    out: s.energy.out.closedAt ? s.energy.out : closeRound(state.checkIns, 'out', now),
  };
  return { ...s, status: 'closed', closedAt: now.toISOString(), energy };
}

export function minutesLeft(s: Session, now: Date): number {
  return Math.max(0, Math.ceil((new Date(s.endsAt).getTime() - now.getTime()) / 60_000));
}

/**
 * Members check out from the last question on, or once the ten-minute warning was given. On a
 * day of one question the last question is the first, where members check in: they check out at
 * the warning, not in the session's first minute. Once open it stays open (`Session.checkOutOpened`):
 * going back to finish an earlier question refuses no check-out pressed on the card that offered it.
 */
export function checkOutOpen(s: Pick<Session, 'warned' | 'currentIndex' | 'checkOutOpened'>, agendaLength: number): boolean {
  return s.warned || !!s.checkOutOpened || reachesCheckOut(s.currentIndex, agendaLength);
}

/** Whether the question at `index` is where check-out opens: the last one, on a day of more than one. */
function reachesCheckOut(index: number, agendaLength: number): boolean {
  return agendaLength > 1 && index === agendaLength - 1;
}

/** The opening round closes when the group leaves the first question; a day of one question never does, and it closes with the session. */
export function checkInClosesWithSession(agendaLength: number): boolean {
  return agendaLength <= 1;
}

export function currentQuestionId(s: Session): number | undefined {
  return s.questionIds[s.currentIndex];
}

/**
 * Group questions left without an answer; they carry over to the next session. Personal
 * questions never block the group, and the validation question counts as done once decided.
 */
export function unfinishedQuestions(framework: Framework, state: Pick<SessionState, 'session' | 'contributions'>, decided: boolean, proposalDone: boolean): number[] {
  return state.session.questionIds.filter((id) => {
    const q = findQuestion(framework, id);
    if (!q || q.scope === 'personal') return false;
    const answered = state.contributions.some((c) => c.sessionId === state.session.id && c.questionId === id);
    if (q.kind === 'validation') return !decided;
    if (q.kind === 'aiProposal') return !proposalDone && !answered;
    return !answered;
  });
}

/** How long a "show the card again" holds: presses within it find the copy posted or on its way. */
export const SHOWING_WINDOW_MS = 15_000;

export type ShowingClaim = 'mine' | 'justShown' | 'onItsWay';

function freshShowing(s: Session, now: Date): CardShowing | undefined {
  return s.showing && now.getTime() - Date.parse(s.showing.at) < SHOWING_WINDOW_MS ? s.showing : undefined;
}

/** Takes the showing for this press unless another one holds it; unchanged when nothing changes. */
export function claimShowing(s: Session, key: string, now: Date): Session {
  const held = freshShowing(s, now);
  if (held || s.status !== 'open') return s;
  return { ...s, showing: { key, at: now.toISOString() } };
}

/** What a press finds after its claim: its own showing to post, or another one's, out or coming. */
export function showingClaim(s: Session, key: string, now: Date): ShowingClaim {
  const held = freshShowing(s, now);
  if (held?.key === key && !held.done) return 'mine';
  return held?.done ? 'justShown' : 'onItsWay';
}

/** The copy is out: the session follows it from now on. */
export function markShown(s: Session, key: string, activityId: string): Session {
  if (s.showing?.key !== key) return s.cardActivityId === activityId ? s : { ...s, cardActivityId: activityId };
  if (s.showing.done && s.cardActivityId === activityId) return s;
  return { ...s, cardActivityId: activityId, showing: { ...s.showing, done: true } };
}

/** The copy could not be posted: the next press may try at once. */
export function releaseShowing(s: Session, key: string): Session {
  if (s.showing?.key !== key || s.showing.done) return s;
  const { showing: _released, ...rest } = s;
  return rest;
}
