import { randomUUID } from 'node:crypto';
import { findQuestion } from '../../domain/framework/framework';
import { DomainError } from '../../domain/shared/errors';
import { trimText } from '../../domain/shared/text';
import { answerMayBeTakenBack, changePersonalAnswer, MAX_PERSONAL_ANSWER_LENGTH, PersonalAnswer, personalAnswerId, personalPressedBefore, personalPressKey, writePersonalAnswer } from '../../domain/personal/personal-answer';
import { attendeeIds, checkIn, claimShowing, closeSession, confirmPresence, contribute, EnergyPhase, goToQuestion, markShown, markWarned, MAX_CONTRIBUTION_LENGTH, releaseShowing, Session, SessionState, ShowingClaim, showingClaim, stepKey } from '../../domain/week-cycle/session';
import { authorOf, Contribution, SessionItem } from '../../domain/week-cycle/session-items';
import { countedInRound, withoutTakenBackCheckIn } from '../../domain/week-cycle/energy';
import { COUNTED_ITEM_GONE } from '../../domain/week-cycle/ports';
import { isMember } from '../../domain/week-cycle/group';
import { Actor, JOB_KINDS, WeekCycleDeps } from './deps';
import { ensureMember, takeBackIfAuthorLeft } from './membership';
import { completeCycleIfDone } from './start-session';
import { openSaveWindowBeforeGroupRead, sameAsWritten, SaveWindow } from '../verantwoording/save-window';
import { refuseOverLimit } from './typed-limits';

/** The session as this turn needs it: one query in the group's partition. */
export async function loadSession(deps: WeekCycleDeps, groupId: string, sessionId: string): Promise<SessionState> {
  const state = await deps.sessions.loadState(groupId, sessionId);
  if (state) return state;
  // A session's card is in the chat a moment before the session is stored (it goes out first, so
  // its id is stored with it): a press or refresh on it in that moment waits for the opening.
  await deps.openings.settled(groupId);
  const opened = await deps.sessions.loadState(groupId, sessionId);
  if (!opened) throw new DomainError('notFound', 'session');
  return opened;
}

/**
 * Joins the presser to the group (ensureMember). Called once the press is decided, never before:
 * a press the session refuses (it ended) stores nothing, so it makes nobody a member and queues
 * nobody a Prof-traject offer.
 */
async function asMember(deps: WeekCycleDeps, state: SessionState, actor: Actor): Promise<SessionState> {
  const group = await ensureMember(deps, state.group, actor);
  return group === state.group ? state : { ...state, group };
}

/**
 * The press is found stored already (the member's check-in with this score, their presence, a
 * step's key). A check-in or presence names no press, so this is Teams delivering the same press
 * again, or a new press of someone added back to the chat, who joins again as anyone acting does.
 * Someone who left and is not back is answered with the view: what they pressed is stored and
 * counts, so a refusal ("not stored") would be untrue; and nothing makes them a member again.
 */
async function asMemberIfBack(deps: WeekCycleDeps, state: SessionState, actor: Actor): Promise<SessionState> {
  try {
    return await asMember(deps, state, actor);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'leftMeanwhile') return state;
    throw err;
  }
}

/**
 * Stores a member's new item (unless this turn already saw it) and returns the state with it and
 * with the session as it stood at that write (one request). On a gated session (`Session.gated`)
 * the write needs the session's open gate: an item written after the close is refused with
 * nothing stored, so the close's summary and averages hold every item stored. Sessions opened
 * before the gate take back an item the read shows was written after the close.
 */
async function withItem<K extends 'contributions' | 'checkIns' | 'presence'>(deps: WeekCycleDeps, state: SessionState, list: K, item: SessionState[K][number] & SessionItem): Promise<SessionState> {
  if ((state[list] as SessionItem[]).some((x) => x.id === item.id)) return state;
  const written = await deps.items.addReadingSession(item, state.session.gated);
  if ('gateClosed' in written) throw new DomainError('sessionClosed', 'added after the session ended');
  const stored = written.item;
  const session = written.session ?? { doc: (await deps.sessions.get(state.group.id, state.session.id)) ?? state.session, version: undefined };
  // Only an item this write created can have come after the close: one found stored may be older than it.
  // (On a gated session only when its gate outlived the close: a close by an older version of the app.)
  if (written.session && session.doc.status === 'closed' && !countedAtClose(session.doc, stored)) {
    await deps.items.remove(stored);
    throw new DomainError('sessionClosed', 'added after the session ended');
  }
  // The session changed since this turn read it (an erasure marks every open session of the group
  // as it takes the person off the list, `membersChangedAt`), or the write's answer was lost and
  // the item was found stored: if the author left meanwhile, an erasure that began (or ended) since
  // would not find what they added. It is taken back, and what they pressed refused. A session
  // unchanged since the read costs nothing more.
  if (!written.session || written.session.version !== state.sessionVersion) await takeBackIfAuthorLeft(deps, stored.groupId, authorOf(stored), () => takeBack(deps, stored));
  return { ...state, session: session.doc, sessionVersion: session.version, [list]: [...(state[list] as SessionItem[]).filter((x) => x.id !== stored.id), stored] };
}

/**
 * A member's own contribution, stored unless this turn's read already holds it. Its id names the
 * press (the card's key), so one found stored is the same press again (Teams delivers it again,
 * also after the member left the chat): it changes nothing, membership included. Anyone else
 * acting joins the group first (ensureMember). A presence or check-in names no press (one per
 * member and session): pressing it again after being added back to the chat joins them again.
 */
async function addOwnContribution(deps: WeekCycleDeps, loaded: SessionState, actor: Actor, item: Contribution): Promise<SessionState> {
  if (loaded.contributions.some((x) => x.id === item.id)) return loaded;
  return withItem(deps, await asMember(deps, loaded, actor), 'contributions', item);
}

/**
 * Deletes an item this turn stored for an author who left meanwhile. A check-in may already be
 * in a published average (a round closed in the moment between its write and now, and the erasure
 * that began meanwhile never saw it): that round is withdrawn first, in the same transaction as
 * the delete, and ETag-guarded on the session (as the erasure withdraws the rounds before it
 * deletes the check-ins: never the average standing without the score it was made with). A round
 * that closes after the delete cannot count it: its step reads the check-ins it counts.
 */
async function takeBack(deps: WeekCycleDeps, stored: SessionItem): Promise<void> {
  if (stored.type !== 'checkIn') return deps.items.remove(stored);
  await deps.items.removeWithSession(stored, (s) => withoutTakenBackCheckIn(s, stored));
}

/** Whether an item found stored after the close was in what the close counted (a check-in in its round). */
function countedAtClose(s: Session, item: SessionItem): boolean {
  return item.type === 'checkIn' && countedInRound(s.energy[item.phase], item);
}

/**
 * Replaces the session after an explicit step, with the version this turn read. `step` gets the
 * state it is computed from (its check-ins, for a round it closes).
 */
async function saveStep(deps: WeekCycleDeps, read: SessionState, step: (s: Session, state: SessionState) => Session): Promise<SessionState> {
  let state = read;
  for (let attempt = 0; ; attempt++) {
    const next = step(state.session, state);
    if (next === state.session) return state;
    const known = state.sessionVersion ? { doc: state.session, version: state.sessionVersion } : undefined;
    const from = state;
    try {
      const session = await deps.sessions.update(state.group.id, state.session.id, (s) => step(s, from), known, countedCheckIns(state.session, next, state));
      return { ...state, session, sessionVersion: undefined };
    } catch (err) {
      if (!(err instanceof DomainError && err.detail === COUNTED_ITEM_GONE) || attempt >= 3) throw err;
      // A check-in the round was closed with was erased meanwhile: close it again from what is stored.
      state = { ...(await loadSession(deps, state.group.id, state.session.id)), group: state.group };
    }
  }
}

/**
 * The check-ins a step closes a round with: stored with it only while they all exist, so a
 * member's erasure that deleted one meanwhile (and withdrew the averages it found with it) never
 * finds an average made with their score published after.
 */
function countedCheckIns(before: Session, after: Session, state: SessionState): string[] {
  const closing = (['in', 'out'] as const).filter((phase) => !before.energy[phase].closedAt && after.energy[phase].closedAt && after.energy[phase].average !== undefined);
  const ids = state.checkIns.filter((c) => closing.includes(c.phase)).map((c) => c.id);
  // A transaction holds at most 100 operations: a round of more members than that is closed without the check (see README).
  return ids.length <= MAX_COUNTED_READS ? ids : [];
}

/** Reads of counted check-ins a closing step's transaction may hold, beside its replace and the gate's delete (Cosmos DB: 100 operations). */
const MAX_COUNTED_READS = 90;

/** A too-long answer is refused before the session is read (see `refuseOverLimit`). */
export async function addContribution(deps: WeekCycleDeps, groupId: string, sessionId: string, actor: Actor, input: { questionId: number; text: string; key: string }): Promise<SessionState> {
  refuseOverLimit({ field: 'text', text: input.text, max: MAX_CONTRIBUTION_LENGTH });
  const loaded = await loadSession(deps, groupId, sessionId);
  const framework = deps.frameworks[loaded.group.language];
  return addOwnContribution(deps, loaded, actor, contribute(framework, loaded, { ...input, authorId: actor.id, authorName: actor.name, at: deps.clock.now().toISOString() }));
}

/**
 * A member's energy score. Its write reads the session as it stood then (see `withItem`): an
 * opening check-in stored after another member moved on (its round closed) is kept for the
 * member, in no average, and their card says so; the published average is never computed again,
 * so no two readings differ by one member's score. The check-in is decided before membership (as
 * a contribution is): a refused score makes nobody a member, and one found stored is answered as
 * `asMemberIfBack` says.
 */
export async function recordEnergy(deps: WeekCycleDeps, groupId: string, sessionId: string, actor: Actor, phase: EnergyPhase, score: number): Promise<SessionState> {
  const loaded = await loadSession(deps, groupId, sessionId);
  const item = checkIn(loaded, phase, actor.id, score, deps.clock.now().toISOString(), randomUUID());
  const found = loaded.checkIns.some((c) => c.id === item.id && c.score === score);
  return withItem(deps, found ? await asMemberIfBack(deps, loaded, actor) : await asMemberForScore(deps, loaded, actor, phase), 'checkIns', item);
}

/**
 * A newcomer's score on a full group's card is refused about the score's input: their card comes
 * back with the score still picked and why beside it, not an error card that drops it.
 */
async function asMemberForScore(deps: WeekCycleDeps, state: SessionState, actor: Actor, phase: EnergyPhase): Promise<SessionState> {
  try {
    return await asMember(deps, state, actor);
  } catch (err) {
    if (!(err instanceof DomainError && err.code === 'notAMember') || err.input) throw err;
    throw new DomainError('notAMember', { detail: err.detail ?? 'group full', input: { field: phase === 'in' ? 'energyIn' : 'energyOut', rule: 'range' } });
  }
}

/** "Ik ben erbij": the member marks themselves present (decided before membership, as a check-in). */
export async function markPresent(deps: WeekCycleDeps, groupId: string, sessionId: string, actor: Actor): Promise<SessionState> {
  const loaded = await loadSession(deps, groupId, sessionId);
  const item = confirmPresence(loaded, actor.id, deps.clock.now().toISOString());
  const found = loaded.presence.some((p) => p.id === item.id);
  return withItem(deps, found ? await asMemberIfBack(deps, loaded, actor) : await asMember(deps, loaded, actor), 'presence', item);
}

/**
 * "Volgende"/"Vorige": the group to an explicit question. `pressKey` names the press (the card's
 * action key, or the activity's id): the same press again (Teams redelivers it, under the same or
 * another activity id) finds its key on the session and moves nothing, also after another member
 * moved the group on or the session ended; it gets the session as it stands.
 */
export async function moveToQuestion(deps: WeekCycleDeps, groupId: string, sessionId: string, actor: Actor, index: number, pressKey?: string, from?: number): Promise<SessionState> {
  const loaded = await loadSession(deps, groupId, sessionId);
  const now = deps.clock.now();
  const key = pressKey ? stepKey(sessionId, pressKey, actor.id, index) : undefined;
  // Decided before membership: a step the session refuses (it ended) makes nobody a member; the
  // same press found remembered is answered as `asMemberIfBack` says.
  const found = !!key && !!loaded.session.stepKeys?.includes(key);
  if (!found) goToQuestion(loaded, index, now, key, from);
  const state = found ? await asMemberIfBack(deps, loaded, actor) : await asMember(deps, loaded, actor);
  return saveStep(deps, state, (s, st) => goToQuestion({ ...st, session: s }, index, now, key, from));
}

/**
 * Questions 9-10: stored in the member's own partition, never in the group's. A first answer is
 * one create; changing it keeps whatever the member chose to share. A shared answer's text then
 * replaces the old one wherever the manager was shown it: also when this press finds its text
 * stored already, as the redelivery of a press whose turn ended before that rebuild. `pressKey`
 * names the press (the card's action key, or the activity's id): the answer keeps it, so the same
 * press delivered again after the member changed the answer (under the same or another activity
 * id) finds it there and changes nothing. `had`: the member's card showed a saved answer, so this
 * is most likely a change: read, then replace (two requests, not a refused create, a read and a
 * replace); a card without it tries the create first. Either order ends the same. A too-long
 * answer is refused before anything is read (see `refuseOverLimit`).
 */
export async function answerPersonally(deps: WeekCycleDeps, groupId: string, sessionId: string, actor: Actor, input: { questionId: number; text: string; had?: boolean }, pressKey?: string): Promise<{ state: SessionState; answer: PersonalAnswer }> {
  refuseOverLimit({ field: 'text', text: input.text, max: MAX_PERSONAL_ANSWER_LENGTH });
  // Its check is the session's read (the group in it): no request of its own (see createInWindow).
  const window = await openSaveWindowBeforeGroupRead(deps.ownRecords, actor.id);
  const loaded = await loadSession(deps, groupId, sessionId);
  const key = pressKey ? personalPressKey(pressKey, actor.id, input.questionId, input.text) : undefined;
  // Decided before membership: on an ended session only the same press again (Teams redelivers a
  // press it got no timely answer for) is found stored, and answered with the member's view (see
  // `asMemberIfBack`); anything else is refused, and makes nobody a member.
  const storedOnClosedRead = loaded.session.status === 'open' ? undefined : await deps.personalAnswers.getVersioned(actor.id, personalAnswerId(actor.id, sessionId, input.questionId));
  const storedOnClosed = storedOnClosedRead?.doc;
  const sameAgain = !!storedOnClosed && (storedOnClosed.text === trimText(input.text) || personalPressedBefore(storedOnClosed, key));
  if (loaded.session.status !== 'open' && !sameAgain) throw new DomainError('sessionClosed');
  const state = sameAgain ? await asMemberIfBack(deps, loaded, actor) : await asMember(deps, loaded, actor);
  const shown = async (answer: PersonalAnswer) => {
    if (answer.visibility === 'shared') await deps.sharingChanged?.(actor.id);
    return { state, answer };
  };
  if (storedOnClosedRead && sameAgain) return shown(await confirmFoundAnswer(deps, storedOnClosedRead));
  const q = findQuestion(deps.frameworks[state.group.language], input.questionId);
  if (!q || q.scope !== 'personal' || !state.session.questionIds.includes(q.id)) throw new DomainError('wrongQuestionKind', String(input.questionId));
  const fresh = writePersonalAnswer({ userId: actor.id, groupId, cycleId: state.session.cycleId, sessionId, questionId: q.id, text: input.text, updatedAt: deps.clock.now().toISOString(), key });
  const id = personalAnswerId(actor.id, sessionId, q.id);
  // Decided again on the answer as stored at the write: a press of before the one stored meanwhile changes nothing.
  const change = (known?: { doc: PersonalAnswer; version: string }) => deps.personalAnswers.update(actor.id, id, (a) => changePersonalAnswer(a, fresh, key), known);
  if (input.had) {
    const stored = await deps.personalAnswers.getVersioned(actor.id, id);
    if (stored) return shown(changePersonalAnswer(stored.doc, fresh, key) === stored.doc ? await confirmFoundAnswer(deps, stored) : await change(stored));
  }
  const { answer, created, version } = await createInWindow(deps, window, fresh);
  if (created) return shown(answer);
  if (changePersonalAnswer(answer, fresh, key) === answer) return shown(version ? await confirmFoundAnswer(deps, { doc: answer, version }) : answer);
  return shown(await change(version ? { doc: answer, version } : undefined));
}

/**
 * The answer a press found (not created) and answers with: another delivery of the press may have
 * written it (Teams delivering it again), whose create, answered after its window, takes it back as
 * its own (it is exactly as that delivery wrote it). So it is confirmed first (one replace under the
 * version found, only on this rare path), and that take-back leaves it; taken back before the
 * confirm landed: nothing is kept, so nothing is said saved (`saveTooSlow`: "try again"). As notes
 * do since stop 61 (found in review, stop 67). Nothing more when it cannot be taken back any more.
 */
async function confirmFoundAnswer(deps: WeekCycleDeps, found: { doc: PersonalAnswer; version: string }): Promise<PersonalAnswer> {
  if (!answerMayBeTakenBack(found.doc)) return found.doc;
  const confirmed = await deps.personalAnswers.confirm(found.doc.userId, found.doc.id, found);
  if (confirmed === 'takenBack') throw new DomainError('saveTooSlow', 'the answer found was taken back by the delivery that wrote it');
  return confirmed;
}

/**
 * A first answer's create, in the member's own partition, kept to the press's save window: one
 * answered after it may have landed after their erasure's last sweep (it stays 730 days), so it is
 * taken back and the press refused (found in review, stop 67). The window opened before the
 * session's read, whose group tells whether their erasure runs (it takes them off the member list
 * before its window counts; `asMember` refuses them then), and a newcomer's join checks the ticket.
 * Changes need no window: they replace the answer under its ETag, which fails once it was erased.
 */
function createInWindow(deps: WeekCycleDeps, window: SaveWindow, fresh: PersonalAnswer) {
  return window.keep(fresh, () => deps.personalAnswers.create(fresh), (r) => r.created || sameAsWritten(r.answer, fresh));
}

/**
 * A personal answer sent along with "Vernieuwen" for a question the group is no longer on: a draft
 * when it differs from what the member saved for it (the input is prefilled with their saved
 * answer, so that one is no draft). Returns the saved answer to show beside it; undefined when the
 * text is no draft.
 */
export async function personalDraftElsewhere(deps: WeekCycleDeps, state: SessionState, viewerId: string, questionId: number, text: string): Promise<{ saved?: PersonalAnswer } | undefined> {
  const q = findQuestion(deps.frameworks[state.group.language], questionId);
  const current = state.session.questionIds[state.session.currentIndex];
  if (!q || q.scope !== 'personal' || q.id === current || !state.session.questionIds.includes(q.id)) return undefined;
  const saved = await deps.personalAnswers.get(viewerId, personalAnswerId(viewerId, state.session.id, q.id));
  if (!trimText(text) || trimText(text) === saved?.text) return undefined;
  return saved ? { saved } : {};
}

/** The judgement and decision inputs of the validation question, as the card names them. */
const DECISION_INPUTS = ['decision', 'decisionReason', 'adoptedText', 'firstStep'] as const;

/**
 * Judgement or decision inputs sent along with "Vernieuwen" after the group moved off the
 * validation question: the first field that holds something the member did not store (the
 * judgement inputs are prefilled with their stored judgement, which is no draft; the decision's
 * are never prefilled). Undefined when nothing is unsaved.
 */
export function judgementDraftElsewhere(deps: Pick<WeekCycleDeps, 'frameworks'>, state: SessionState, viewerId: string, typed: Partial<Record<'opinion' | 'reason' | (typeof DECISION_INPUTS)[number], string>>): string | undefined {
  const validation = deps.frameworks[state.group.language].questions.find((q) => q.kind === 'validation');
  if (!validation || !state.session.questionIds.includes(validation.id) || validation.id === state.session.questionIds[state.session.currentIndex]) return undefined;
  const own = state.proposal ? state.judgements.find((j) => j.memberId === viewerId && j.proposalId === state.proposal!.id) : undefined;
  if (typed.opinion && typed.opinion !== own?.opinion) return 'opinion';
  if (trimText(typed.reason ?? '') && trimText(typed.reason ?? '') !== (own?.reason ?? '')) return 'reason';
  return DECISION_INPUTS.find((field) => !!trimText(typed[field] ?? ''));
}

/** The viewer's own answer to the current question, when that question is personal. */
export async function ownAnswerToCurrent(deps: WeekCycleDeps, state: SessionState, viewerId: string): Promise<PersonalAnswer | undefined> {
  const id = state.session.questionIds[state.session.currentIndex];
  const q = id === undefined ? undefined : findQuestion(deps.frameworks[state.group.language], id);
  if (!q || q.scope !== 'personal') return undefined;
  return deps.personalAnswers.get(viewerId, personalAnswerId(viewerId, state.session.id, q.id));
}

export async function rememberCard(deps: WeekCycleDeps, state: SessionState, activityId: string): Promise<SessionState> {
  return saveStep(deps, state, (s) => (s.cardActivityId === activityId ? s : { ...s, cardActivityId: activityId }));
}

/**
 * "Toon sessie": takes the right to post a copy of the card for this press (ETag-guarded), or
 * finds that another press (or an earlier delivery of this one) just posted it or is posting it.
 */
export async function claimCardShowing(deps: WeekCycleDeps, state: SessionState, key: string = randomUUID()): Promise<{ claim: ShowingClaim; key: string; state: SessionState }> {
  const now = deps.clock.now();
  const next = await saveStep(deps, state, (s) => claimShowing(s, key, now));
  return { claim: showingClaim(next.session, key, now), key, state: next };
}

/** The copy this press posted is the session's card from now on. */
export async function rememberShownCard(deps: WeekCycleDeps, state: SessionState, key: string, activityId: string): Promise<SessionState> {
  return saveStep(deps, state, (s) => markShown(s, key, activityId));
}

/** The copy could not be posted: gives the showing back, so the next press posts at once. */
export async function releaseCardShowing(deps: WeekCycleDeps, state: SessionState, key: string): Promise<void> {
  await saveStep(deps, state, (s) => releaseShowing(s, key));
}

/**
 * The 10-minute warning: `warned` only for the one caller that flips the flag, also when the
 * store kept the flip but lost its answer (the caller finds its own key on the session). A job
 * passes its id as `key`, so its retry after a later failure still says the warning.
 */
export async function warnOnce(deps: WeekCycleDeps, groupId: string, sessionId: string, key: string = randomUUID()): Promise<{ state: SessionState; warned: boolean }> {
  const state = await loadSession(deps, groupId, sessionId);
  if (state.session.warned || state.session.status !== 'open') return { state, warned: state.session.warned && state.session.stepBy === key };
  const next = await saveStep(deps, state, (s) => (!s.warned && s.status === 'open' ? { ...markWarned(s), stepBy: key } : s));
  return { state: next, warned: next.session.stepBy === key };
}

/**
 * Ends a session, by a member or by the clock; `closed` only for the caller that closed it (as
 * `warnOnce`), which alone counts it. What follows a close is not done here: see `finishClose`,
 * which every caller runs, also one that found the session closed.
 */
export async function endSession(deps: WeekCycleDeps, groupId: string, sessionId: string, actor?: Actor, key: string = randomUUID()): Promise<{ state: SessionState; closed: boolean }> {
  const loaded = await loadSession(deps, groupId, sessionId);
  // Decided before membership: a session found ended stores nothing, so someone not in the group
  // is refused (and joins nothing); a member gets the closed session, and what follows its close.
  if (actor && loaded.session.status !== 'open' && !isMember(loaded.group, actor.id)) throw new DomainError('sessionClosed', 'ended before this press');
  const state = actor ? await asMember(deps, loaded, actor) : loaded;
  const now = deps.clock.now();
  const stepped = await saveStep(deps, state, (s, st) => (s.status === 'open' ? { ...closeSession({ ...st, session: s }, now), stepBy: key } : s));
  const flipped = stepped.session.stepBy === key;
  // What members added after this turn read the session and before the close was stored is
  // theirs and counts in the summary; after the close nothing more is added (Session.gated).
  // Also when another press closed it after this turn read it open: this turn's read may lack an addition.
  const readOpen = flipped || state.session.status === 'open';
  const next = readOpen && stepped.session.gated && stepped.session.status === 'closed' ? { ...(await loadSession(deps, groupId, sessionId)), group: stepped.group } : stepped;
  if (flipped) {
    const attendees = attendeeIds(next).length;
    const closedBy = actor ? 'member' : 'timebox';
    // Held means someone was there (as in the HR report); the rhythm's unattended sessions are apart.
    if (attendees === 0) deps.events.record({ name: 'sessionUnattended', day: next.session.day, closedBy });
    else deps.events.record({ name: 'sessionHeld', day: next.session.day, attendees, questionsAnswered: new Set(next.contributions.map((c) => c.questionId)).size, closedBy });
  }
  return { state: next, closed: flipped };
}

/**
 * What follows a close in the store: the week marked complete when its last day closed with
 * nothing left. Idempotent, so it runs for every end (a press, the clock) that finds the session
 * closed, not only the one that closed it: a retry after a fault finishes what the fault left.
 */
export async function finishClose(deps: WeekCycleDeps, state: SessionState): Promise<void> {
  if (state.session.status !== 'closed') return;
  await scheduleActiveWeeks(deps, state);
  await completeCycleIfDone(deps, state, deps.frameworks[state.group.language]);
}

/**
 * The session's week becomes an active week of each who attended, in their own partition, and
 * whose Prof-traject's planned weeks are reached then gets a look-back card (Mijn verantwoording
 * runs the job). A job, not work in this turn: a close pressed in the live session stays at one
 * more request (this create; the job's id makes it once per session however often a close is
 * finished), and writing into every attendee's partition, counting their weeks and queueing cards
 * happens once, durably, whichever instance claims it. Every close runs finishClose (a member's
 * press, the time box's job, a retry), where only the time box's job would miss a closed-early
 * session. Its payload names the group and session only, never a person.
 */
async function scheduleActiveWeeks(deps: WeekCycleDeps, state: SessionState): Promise<void> {
  if (!attendeeIds(state).length) return;
  const s = state.session;
  await deps.scheduler.schedule({ id: `${s.id}_activeWeeks`, kind: JOB_KINDS.activeWeeks, dueAt: deps.clock.now().toISOString(), payload: { groupId: s.groupId, sessionId: s.id }, groupId: s.groupId });
}
