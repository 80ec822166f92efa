import { randomUUID } from 'node:crypto';
import { questionsBeforeProposal } from '../../domain/framework/framework';
import { beginsJudging, decide, finishDrafting, firstStepPressKey, FirstStepStatus, judge, judgeBeforeDecision, judgementId, judgementPressedBefore, judgementPressKey, judgementsOfText, MAX_PROPOSAL_LENGTH, MAX_REASON_LENGTH, mayTurnAgainstAdoption, Opinion, Proposal, proposalText, recordFirstStep, recountDecision, repeatsDecision, repeatsJudgement, startDrafting, textFingerprint, Verdict, withPressKey } from '../../domain/proposal/proposal';
import { DomainError } from '../../domain/shared/errors';
import { stableId } from '../../domain/shared/ids';
import { CycleState } from '../../domain/week-cycle/ports';
import { ERASED_ID } from '../../domain/week-cycle/session-items';
import { SessionState, sharedAnswer } from '../../domain/week-cycle/session';
import { Actor, WeekCycleDeps } from './deps';
import { ensureMember, requireMember, takeBackIfAuthorLeft } from './membership';
import { loadSession } from './session-actions';
import { judging, stillMemberOf } from './session-view';
import { ensureProposal, loadCycleState } from './start-session';
import { refuseOverLimit } from './typed-limits';

/** The group's answers to the questions before the proposal, across the cycle's sessions. */
export function cycleAnswers(deps: WeekCycleDeps, state: CycleState) {
  const questions = questionsBeforeProposal(deps.frameworks[state.group.language]);
  const bySession = new Map(state.sessions.map((s) => [s.id, s.seq]));
  return questions.map((q) => {
    const contributions = state.contributions
      .filter((c) => c.questionId === q.id)
      .sort((a, b) => (bySession.get(a.sessionId) ?? 0) - (bySession.get(b.sessionId) ?? 0) || a.at.localeCompare(b.at));
    return { questionId: q.id, question: q.text, answer: contributions.map((c) => c.text).join('\n') };
  });
}

/** The group's answers the AI drafts from, as stored now (only the questions answered). */
async function answersToDraftFrom(deps: WeekCycleDeps, groupId: string, cycleId: string) {
  return answersOf(deps, await loadCycleState(deps, groupId, cycleId));
}

function answersOf(deps: WeekCycleDeps, state: CycleState) {
  return cycleAnswers(deps, state).filter((a) => a.answer);
}

/**
 * The names a draft must not hold (see `draftNamesAPerson`): the members now, and whoever wrote or
 * judged in the cycle and has left since. Not the erased: their items carry no name of theirs.
 */
function namesInTheGroup(state: CycleState): string[] {
  const wrote = state.contributions.filter((c) => c.authorId !== ERASED_ID).map((c) => c.authorName);
  const judged = state.judgements.filter((j) => j.memberId !== ERASED_ID).map((j) => j.memberName);
  return [...new Set([...state.group.members.map((m) => m.name), ...wrote, ...judged])];
}

async function openProposalState(deps: WeekCycleDeps, groupId: string, sessionId: string, actor: Actor, read?: SessionState): Promise<SessionState & { proposal: Proposal }> {
  const loaded = read ?? (await loadSession(deps, groupId, sessionId));
  // Refused before the presser joins: a press the session refuses makes nobody a member (nor sends an offer).
  if (loaded.session.status !== 'open') throw new DomainError('sessionClosed');
  const group = await ensureMember(deps, loaded.group, actor);
  // Sessions that work on the proposal create it when they open; this covers any that did not.
  const proposal = loaded.proposal ?? (await ensureProposal(deps, loaded.session, group.name));
  return { ...loaded, group, proposal };
}

/** `whileOpen`: stored only while the session is open (its gate, see `Session.gated`), as the group's additions are. */
async function saveProposal(deps: WeekCycleDeps, state: SessionState & { proposal: Proposal }, change: (p: Proposal) => Proposal, whileOpen = false): Promise<SessionState> {
  const next = change(state.proposal);
  if (next === state.proposal) return state;
  const known = state.proposalVersion ? { doc: state.proposal, version: state.proposalVersion } : undefined;
  const proposal = await deps.proposals.update(state.group.id, state.proposal.id, change, known, whileOpen && state.session.gated ? state.session.id : undefined);
  return { ...state, proposal, proposalVersion: undefined };
}

/**
 * `judgingBegun`: no draft, because the group already judges its own proposal (see `startDrafting`).
 * `noAnswers`: no draft, because the group answered none of the questions it is drafted from (their
 * ids, as the group's framework has them): the AI would make one up from nothing, and the card would
 * say it came from their answers.
 */
export type DraftRequest = { started: false; state: SessionState; judgingBegun?: true; noAnswers?: number[] } | { started: true; state: SessionState; run: () => Promise<Proposal> };

/**
 * Marks the proposal as drafting and hands back the slow part to run after the invoke is
 * answered, because Teams waits only seconds for a card action. Not once the group has begun
 * judging: the AI's text would replace the one it judges. Not once it decided either: the press
 * (from a card of before the decision, or delivered again) gets the session as it stands.
 * The mark is stored only on the proposal as read with the judgements: a first judgement stored
 * meanwhile moves its version on (`beginsJudging`), and then this press reads again and finds it
 * (found in review, stop 61: a judgement on another instance between the read and the write let the
 * draft start, and land over the text judged).
 */
export async function requestDraft(deps: WeekCycleDeps, groupId: string, sessionId: string, actor: Actor, pressKey?: string): Promise<DraftRequest> {
  // One key for every try: a try whose write landed (its answer lost) is found as this press's draft.
  const attempt = randomUUID();
  for (let tries = 1; ; tries++) {
    try {
      return await requestDraftAsRead(deps, groupId, sessionId, actor, attempt, pressKey);
    } catch (err) {
      // Lost every try (the proposal kept changing): nothing started; the member is told someone was just before them.
      if (!(err instanceof DomainError && err.detail === READ_AGAIN) || tries >= DRAFT_TRIES) throw err;
    }
  }
}

/** Tries of a draft press whose proposal changed between its read and its write (a judgement, a decision, another press). */
const DRAFT_TRIES = 4;

async function requestDraftAsRead(deps: WeekCycleDeps, groupId: string, sessionId: string, actor: Actor, attempt: string, pressKey?: string): Promise<DraftRequest> {
  const state = await openProposalState(deps, groupId, sessionId, actor);
  const now = deps.clock.now();
  // AI off here stores nothing: a draft landed (and maybe judged) or under way on an instance with AI
  // stays as it is (found in review, stop 67: a press delivered again after a restart without AI
  // erased the draft the group judged). The card as stored says AI is off where it offers to ask.
  if (!deps.drafter.enabled) return { started: false, state };
  const press = pressKey ? stableId('dp', groupId, sessionId, pressKey) : undefined;
  // Judging has begun by the judgements that count, as the card shows them (see `judging`): one of a
  // member who left the chat counts for no one, so it neither stops the draft nor hides the button.
  const judged = judging(deps, state).judgements.length > 0;
  const wouldStart = startDrafting(state.proposal, actor.id, now, attempt, judged, press);
  if (wouldStart.judgingBegun) return { started: false, state, judgingBegun: true };
  if (wouldStart.started && !(await answersToDraftFrom(deps, groupId, state.session.cycleId)).length) {
    return { started: false, state, noAnswers: questionsBeforeProposal(deps.frameworks[state.group.language]).map((q) => q.id) };
  }
  // `judged` holds for the proposal as read: a start on a version stored since (its write lost on the
  // ETag, or its answer was lost and the store read it again) reads the judgements again first. A
  // version with this press's own start on it (a write whose answer was lost) starts nothing more.
  const next = await saveProposal(deps, state, (p) => {
    const start = startDrafting(p, actor.id, now, attempt, judged, press);
    if (start.started && state.proposalVersion && p !== state.proposal) throw new DomainError('conflict', READ_AGAIN);
    return start.proposal;
  });
  // Whose draft it is shows on the stored proposal, also when the answer to this write was lost.
  const ai = next.proposal?.ai;
  if (ai?.status !== 'drafting' || ai.attempt !== attempt) return { started: false, state: next };
  const run = async () => {
    const cycle = await loadCycleState(deps, groupId, state.session.cycleId);
    const result = await deps.drafter.draft({ language: state.group.language, answers: answersOf(deps, cycle), namesNotToShow: namesInTheGroup(cycle) }, AbortSignal.timeout(deps.draftBudgetMs));
    return deps.proposals.update(groupId, state.proposal.id, (p) => finishDrafting(p, result, deps.clock.now(), attempt));
  };
  return { started: true, state: next, run };
}

/**
 * The group's own proposal as the session card shows it: what it wrote at the proposal question
 * in this session, or for question 7 carried over, what it wrote in the session before (the
 * session keeps it from its opening, and its card shows it). With the AI draft (see
 * `proposalText`) it is the text judged and adopted; only what the card shows counts.
 */
function ownProposal(deps: WeekCycleDeps, state: SessionState): string {
  const ai = deps.frameworks[state.group.language].questions.find((q) => q.kind === 'aiProposal');
  const here = ai ? sharedAnswer(state, ai.id).map((c) => c.text).join('\n') : '';
  // Question 7 carried over: the proposal written in an earlier session, which this card shows.
  return here || (state.session.carriedProposal ?? '');
}

/**
 * What is missing when there is no text yet to judge or decide on: no AI draft landed, and nothing
 * written at the proposal question, in this session or (carried over) one before (`ownProposal`). A judgement then judges nothing, and would show in every summary of the week as
 * one of "the proposal"; a decision would have no text to adopt. A decided proposal is never "no
 * proposal": a press on it gets the decision's own answer (the same press again, or judged after it).
 * Undefined when there is a text, or when the session is not open (the press is refused as closed).
 */
function missingProposal(deps: WeekCycleDeps, state: SessionState): NoProposal | undefined {
  if (state.session.status !== 'open' || state.proposal?.decision) return undefined;
  const own = ownProposal(deps, state);
  const text = state.proposal ? proposalText(state.proposal, own) : own;
  if (text.trim()) return undefined;
  return { question: deps.frameworks[state.group.language].questions.find((q) => q.kind === 'aiProposal')?.id };
}

/** No text to judge or decide on yet; `question`: where the group writes it (or the AI drafts it), when its framework has one. */
export interface NoProposal {
  question?: number;
}

/** The fingerprint of the text as it stands now (see `ownProposal`). */
function currentFingerprint(deps: WeekCycleDeps, state: SessionState & { proposal: Proposal }): string {
  return textFingerprint(proposalText(state.proposal, ownProposal(deps, state)));
}

/** Whether enough members judged the text as it stands for the group to decide on its shared card (any member pressing it). */
function readyToDecide(deps: WeekCycleDeps, state: SessionState): boolean {
  if (!state.proposal) return false;
  const { judgements, needed } = judging(deps, state);
  return judgementsOfText(state.proposal.id, judgements, currentFingerprint(deps, { ...state, proposal: state.proposal })).current.length >= needed;
}

/**
 * A member's judgement, of the text their card showed (`textFingerprint`). `opensDecision` when it
 * is the one that brings the judgements of the text as it stands up to what a decision needs:
 * from then on the group can decide, which everyone should see. `pressKey` names the press (the
 * card's action key, or the activity's id): the judgement keeps it, so the same press delivered
 * again after the member changed their judgement (under the same or another activity id) finds it
 * there and changes nothing. A too-long reason is refused before anything is read (see `refuseOverLimit`).
 */
export async function judgeProposal(
  deps: WeekCycleDeps,
  groupId: string,
  sessionId: string,
  actor: Actor,
  input: { opinion?: Opinion; reason: string; textFingerprint?: string },
  pressKey?: string,
): Promise<Judged> {
  refuseOverLimit({ field: 'reason', text: input.reason, max: MAX_REASON_LENGTH });
  // Each try replaces only the judgement it read: another write of it first (the member's other press
  // landing meanwhile, or this one delivered twice) makes it read again, and find its key there.
  const press: PressRead = { readUndecided: false, guardedRaces: 0 };
  for (let attempt = 1; ; attempt++) {
    const judged = await judgeAsRead(deps, groupId, sessionId, actor, input, pressKey, press);
    if (judged !== RACED) return judged;
    if (attempt >= JUDGEMENT_TRIES + Math.min(press.guardedRaces, GUARDED_RACES)) {
      const after = await judgementKeptChanging(deps, groupId, sessionId, actor, input, pressKey);
      if (after instanceof DomainError) throw after;
      return after;
    }
  }
}

/**
 * What became of a judgement press. `noProposal`: nothing stored (and nobody joined), because there
 * is no text to judge yet (see `missingProposal`).
 */
export type Judged = { state: SessionState; opensDecision: boolean; noProposal?: NoProposal };

/**
 * Nothing stored after every try: refused about the judgement or the decision (`busy`), so the
 * member's form comes back with what they entered kept, to send again with one press, not an error
 * card that loses it.
 */
function keptChanging(field: 'opinion' | 'decision'): DomainError {
  return new DomainError('conflict', { detail: `the ${field === 'opinion' ? 'judgement' : 'decision'} kept changing while it was stored`, input: { field, rule: 'format', params: { busy: 1 } } });
}

/**
 * A judgement that lost every try, answered from the session as it stands now (read once more).
 * Its judgement may be stored all the same: Teams delivered the same press again while this one
 * tried, and that delivery got through (the judgement carries this press's key), or another press
 * stored the same words. The member then gets their view, as a judgement stored answers (and as
 * this press delivered once more would), never a form saying nothing was stored. Otherwise refused:
 * the form the refusal comes back in is built from the session now, and once the session ended or
 * the group decided meanwhile it shows no judgement button, so its words must not say to press
 * again. Refused then as a press after it would be; a failed read refuses it as busy (nothing
 * stored that this read could find).
 */
async function judgementKeptChanging(
  deps: WeekCycleDeps,
  groupId: string,
  sessionId: string,
  actor: Actor,
  input: { opinion?: Opinion; reason: string; textFingerprint?: string },
  pressKey: string | undefined,
): Promise<Judged | DomainError> {
  const now = await loadSession(deps, groupId, sessionId).catch(() => undefined);
  const proposal = now?.proposal;
  const mine = proposal ? now.judgements.find((j) => j.id === judgementId(proposal.id, actor.id)) : undefined;
  if (now && proposal && mine) {
    const key = pressKey ? judgementPressKey(pressKey, actor.id, input) : undefined;
    const seen = input.textFingerprint ?? currentFingerprint(deps, { ...now, proposal });
    // As `judgeAsRead` answers the same press again: the view, counted in a decision stored meanwhile.
    if (judgementPressedBefore(mine, key) || repeatsJudgement(mine, { ...input, textFingerprint: seen })) {
      return { state: await recountIfLate(deps, now).catch(() => now), opensDecision: false };
    }
  }
  if (now && now.session.status !== 'open') return new DomainError('sessionClosed', 'judged after the session ended');
  if (now?.proposal?.decision) return new DomainError('conflict', { detail: 'judged after the group decided', input: { field: 'opinion', rule: 'format', params: { decided: 1 } } });
  return keptChanging('opinion');
}

/** Tries of a judgement whose stored version changed under it: two are enough but for a member pressing on and on. */
const JUDGEMENT_TRIES = 4;
/**
 * Tries more for a judgement that lost on the proposal's version (its guard, below): each such loss
 * is another member's judgement or a decision that got through, so the whole group judging at once
 * (a full group pressing "oneens" together) gets every judgement stored, never a conflict card.
 */
const GUARDED_RACES = 16;
const RACED = Symbol('raced');

/**
 * What the tries of one press read: `readUndecided` once one of them read the proposal without a
 * decision. A try that then finds it decided is the member's judgement of before the decision (they
 * never saw it), not one of after it (see `judgeBeforeDecision`).
 */
interface PressRead {
  readUndecided: boolean;
  /** How many tries lost while guarded on the proposal's version. */
  guardedRaces: number;
}

async function judgeAsRead(
  deps: WeekCycleDeps,
  groupId: string,
  sessionId: string,
  actor: Actor,
  input: { opinion?: Opinion; reason: string; textFingerprint?: string },
  pressKey: string | undefined,
  press: PressRead,
): Promise<Judged | typeof RACED> {
  const loaded = await loadSession(deps, groupId, sessionId);
  const proposal = loaded.proposal;
  if (proposal && !proposal.decision) press.readUndecided = true;
  const mine = proposal ? loaded.judgements.find((j) => j.id === judgementId(proposal.id, actor.id)) : undefined;
  // What the write may replace: the version read, or none (a state read without versions writes as before).
  const version = mine ? loaded.judgementVersions?.[mine.id] : undefined;
  const asRead = mine ? (version ? { version } : undefined) : ('none' as const);
  // A card that names no text (one from before cards did) judges the text as it stands.
  const seen = input.textFingerprint ?? (proposal ? currentFingerprint(deps, { ...loaded, proposal }) : undefined);
  const key = pressKey ? judgementPressKey(pressKey, actor.id, input) : undefined;
  // The same press again, its judgement stored (as it is, or changed by a later press since): the member's
  // view, even after the group decided or the session ended, counted in a decision stored meanwhile (its
  // first delivery may have stopped before it did).
  // Nobody joins by it: its first delivery made them a member, and they may have left the chat since.
  if (judgementPressedBefore(mine, key)) return { state: await recountIfLate(deps, loaded), opensDecision: false };
  if (repeatsJudgement(mine, { ...input, textFingerprint: seen })) {
    // The same words under a new press: its key is kept too, so this press delivered again after a later change finds it.
    if (key && version) {
      const kept = await deps.proposals.putJudgement(withPressKey(mine, key), { id: loaded.session.id, gated: loaded.session.gated }, { version });
      if ('raced' in kept) return RACED;
    }
    return { state: await recountIfLate(deps, loaded), opensDecision: false };
  }
  // Nothing to judge: refused before the member joins or the proposal record is made (see `openProposalState`).
  const noProposal = missingProposal(deps, loaded);
  if (noProposal) return { state: loaded, opensDecision: false, noProposal };
  const state = await openProposalState(deps, groupId, sessionId, actor, loaded);
  const at = deps.clock.now().toISOString();
  const said = { memberId: actor.id, memberName: actor.name, opinion: input.opinion, reason: input.reason, at, textFingerprint: currentFingerprint(deps, state), seen, key };
  // Decided since an earlier try of this press read it: counted as a judgement of before the decision,
  // unless it would record the adoption of a text the group judged against (refused, input kept).
  const judgement = press.readUndecided ? judgeBeforeDecision(state.proposal, said, mine, state.judgements, stillMemberOf(state)) : judge(state.proposal, said, mine);
  // A judgement that could count against an adoption is stored only on the proposal as read: a decision
  // stored meanwhile makes this press read again (and count it, or refuse it, as above); one that read
  // the judgements before this one and is still on its way reads them again (see `decideProposal`).
  // Any other judgement only adds to what carries an adoption, and is counted in after it (`countLateJudgements`).
  // The judgement that begins the judging is stored on the proposal as read too: its new version makes
  // a draft asked at the same moment read again and find judging begun (`beginsJudging`, `requestDraft`).
  // Counted by the group as read, before this press made its member one again: a member back in the
  // chat whose old judgement counted for no one begins the judging too (found in review, stop 61).
  const begins = judgement !== mine && beginsJudging(state.proposal, judging(deps, { ...state, group: loaded.group }).judgements.length > 0);
  const guard = state.proposalVersion && (begins || mayTurnAgainstAdoption(mine, judgement)) ? { doc: state.proposal, version: state.proposalVersion } : undefined;
  const written = await deps.proposals.putJudgement(judgement, { id: state.session.id, gated: state.session.gated }, asRead, guard);
  // The session closed after this turn read it: like an answer then, refused with nothing stored.
  if ('gateClosed' in written) throw new DomainError('sessionClosed', 'judged after the session ended');
  if ('raced' in written) {
    if (guard) press.guardedRaces++;
    return RACED;
  }
  // As an answer (session-actions.ts, withItem): the session changed since this turn read it, or the
  // judgement was found stored after a lost answer, and its author may have left (been erased) meanwhile.
  if (!written.session || written.session.version !== state.sessionVersion) await takeBackIfAuthorLeft(deps, groupId, actor.id, () => deps.proposals.removeJudgement(written.judgement));
  const { judgement: stored, proposal: atWrite } = written;
  const next = { ...state, judgements: [...state.judgements.filter((j) => j.id !== stored.id), stored] };
  // Another member decided after this turn read the proposal: the judgement counts in their decision's
  // tally. It is stored: a failure to count it gives the view as written, never an error card (the
  // same press again counts it).
  if (atWrite.decision) return { state: { ...(await countLateJudgements(deps, groupId, sessionId).catch(() => ({ ...next, proposal: atWrite, proposalVersion: undefined }))), group: state.group }, opensDecision: false };
  if (readyToDecide(deps, state)) return { state: next, opensDecision: false };
  if (readyToDecide(deps, next)) return { state: next, opensDecision: true };
  // Short of a decision by what this press read: judgements of others pressed at the same moment
  // (each read before the others' writes) may have made up the rest, and none of them would know.
  return asStoredNow(deps, next);
}

/**
 * The session read again after this press stored its judgement (one query of the group's partition,
 * only when this judgement left the group short of a decision by what it read; none once the group
 * can decide): of presses that race, the one whose write lands last reads all of them, opens the
 * decision for everyone and shows its member the form. Whether another press raced shows nowhere
 * but in the judgements stored: they are documents of their own, which this write does not read.
 * The judgement is stored: a failed read gives the view as written, never an error card.
 */
async function asStoredNow(deps: WeekCycleDeps, next: SessionState & { proposal: Proposal }): Promise<Judged> {
  const now = await loadSession(deps, next.group.id, next.session.id).catch(() => undefined);
  if (!now?.proposal || now.proposal.id !== next.proposal.id) return { state: next, opensDecision: false };
  // Another member decided meanwhile: the decision's press updates the shared card; this one counts in its tally.
  if (now.proposal.decision) return { state: { ...(await recountIfLate(deps, now).catch(() => now)), group: next.group }, opensDecision: false };
  return { state: { ...now, group: next.group }, opensDecision: readyToDecide(deps, now) };
}

/** The state read, or with the decision's tally brought up to its stored judgements when one is missing. */
async function recountIfLate(deps: WeekCycleDeps, read: SessionState): Promise<SessionState> {
  const p = read.proposal;
  if (!p?.decision || recountDecision(p, read.judgements, stillMemberOf(read)) === p) return read;
  return countLateJudgements(deps, read.group.id, read.session.id);
}

/** The proposal changed after this read: read the judgements again too. */
const READ_AGAIN = 'the proposal changed since the judgements were read';

/**
 * Brings the decision's tally up to the judgements stored now (`recountDecision`), from a read of
 * both: a retry after another press changed the proposal reads the judgements again as well, so
 * a tally never goes back to one without a judgement another press counted in.
 */
async function countLateJudgements(deps: WeekCycleDeps, groupId: string, sessionId: string): Promise<SessionState> {
  for (let attempt = 0; ; attempt++) {
    const read = await loadSession(deps, groupId, sessionId);
    const known = read.proposal;
    if (!known?.decision) return read;
    const recounted = recountDecision(known, read.judgements, stillMemberOf(read));
    if (recounted === known) return read;
    try {
      const version = read.proposalVersion ? { doc: known, version: read.proposalVersion } : undefined;
      const proposal = await deps.proposals.update(groupId, known.id, (p) => {
        if (p !== known) throw new DomainError('conflict', READ_AGAIN);
        return recounted;
      }, version);
      return { ...read, proposal, proposalVersion: undefined };
    } catch (err) {
      if (!(err instanceof DomainError && err.detail === READ_AGAIN) || attempt >= 4) throw err;
    }
  }
}

/** What became of a decision press. `noProposal`: nothing stored, because there is no text to decide on yet (see `missingProposal`). */
export type Decided = { state: SessionState; noProposal?: NoProposal };

/**
 * The group's decision: explicit (no default verdict, a reason, the group's own words when it
 * adapts), once at least the configured share of the members present judged the text as it
 * stands, and on the text the member's card showed (`textFingerprint`). A different decision
 * after another member's is refused with the member's inputs, never dropped silently. Words over
 * their limits are refused before anything is read, whatever the verdict (see `refuseOverLimit`; the
 * form names every such field, `decisionInputProblems`).
 */
export async function decideProposal(
  deps: WeekCycleDeps,
  groupId: string,
  sessionId: string,
  actor: Actor,
  input: { verdict?: Verdict; reason: string; ownWords: string; firstStep: string; textFingerprint?: string },
): Promise<Decided> {
  refuseOverLimit(
    { field: 'decisionReason', text: input.reason, max: MAX_REASON_LENGTH },
    { field: 'adoptedText', text: input.ownWords, max: MAX_PROPOSAL_LENGTH },
    { field: 'firstStep', text: input.firstStep, max: MAX_REASON_LENGTH },
  );
  // This press's own key goes with the decision it stores: the press that finds it there decided.
  const attempt = randomUUID();
  for (let tries = 1; ; tries++) {
    try {
      return await decideAsRead(deps, groupId, sessionId, actor, input, attempt);
    } catch (err) {
      if (!(err instanceof DomainError && err.detail === READ_AGAIN)) throw err;
      // Lost every try: nothing stored. Refused as a press again would be (the form it comes back in is
      // built from the session as it stands, and shows a button to press again only when that could store it).
      if (tries >= DECISION_TRIES) {
        return decideAsRead(deps, groupId, sessionId, actor, input, attempt, true).catch((last: unknown) => {
          throw last instanceof DomainError ? last : keptChanging('decision');
        });
      }
    }
  }
}

/**
 * Tries of a decision whose proposal changed between its read and its write: each such change is a
 * press of another member (a judgement guarded on the proposal, see judgeAsRead), so as many as a
 * full group judging at once may make.
 */
const DECISION_TRIES = 4 + GUARDED_RACES;

async function decideAsRead(
  deps: WeekCycleDeps,
  groupId: string,
  sessionId: string,
  actor: Actor,
  input: { verdict?: Verdict; reason: string; ownWords: string; firstStep: string; textFingerprint?: string },
  attempt: string,
  lastLook = false,
): Promise<Decided> {
  const loaded = await loadSession(deps, groupId, sessionId);
  // The same press again, its decision stored: the member's view, also after the session ended,
  // with any judgement the first delivery could not count in (see `countLateJudgements`).
  // Nobody joins by it (see judgeProposal).
  if (repeatsDecision(loaded.proposal, input)) return { state: await recountIfLate(deps, loaded) };
  // Nothing to decide on: not a refused field (the card may show no decision form), but what is missing.
  const noProposal = missingProposal(deps, loaded);
  if (noProposal) return { state: loaded, noProposal };
  const state = await openProposalState(deps, groupId, sessionId, actor, loaded);
  const at = deps.clock.now().toISOString();
  // Only judgements of members still in the group count (see `judgementsOfMembers`), for the quorum and the tally.
  const { judgements: counting, present, tookPart } = judging(deps, state, actor.id);
  const own = ownProposal(deps, state);
  const decision = { ...input, present, quorum: deps.decisionQuorum, tookPart, decidedBy: actor.id, at, seen: input.textFingerprint, attempt };
  // After every try lost (see `decideProposal`): no write, only the refusal this press meets on the
  // session as it stands (the group decided meanwhile, the text changed, too few judgements of it);
  // else the form as sent, whose button stores it with one press.
  if (lastLook) {
    decide(state.proposal, counting, { ...decision, proposalText: proposalText(state.proposal, own) });
    throw keptChanging('decision');
  }
  // Stored only on the proposal as read: a judgement that could count against an adoption moves its
  // version on (see `judgeAsRead`), and then this decision reads the judgements again and decides
  // again, so an adoption never stands on a judgement changed or added against it since they were read.
  // This press's own decision, stored by a write whose answer was lost, is found as it is.
  // Only while the session is open: a decision stored after the close would be missing from its summary.
  const asRead = (p: Proposal) => !state.proposalVersion || p === state.proposal || p.decision?.attempt === attempt;
  const next = await saveProposal(
    deps,
    state,
    (p) => {
      if (!asRead(p)) throw new DomainError('conflict', READ_AGAIN);
      return decide(p, counting, { ...decision, proposalText: proposalText(p, own) });
    },
    true,
  );
  const stored = next.proposal;
  // Counted once: by the attempt that stored it, also when the store's answer was lost and the change
  // ran again on the stored decision; never by a press that found it stored (the same one delivered again).
  if (stored?.decision?.attempt === attempt) {
    const counted = judgementsOfText(stored.id, counting, textFingerprint(proposalText(stored, own))).current.length;
    deps.events.record({ name: 'proposalValidated', verdict: stored.decision.verdict, aiDrafted: stored.ai.status === 'drafted', judgements: counted });
    // A judgement stored after this turn read them (its press read the proposal before this decision) counts too.
    // The decision is stored: a failure here gives the view as written, never an error card; the press again counts them.
    return { state: { ...(await countLateJudgements(deps, groupId, sessionId).catch(() => next)), group: next.group } };
  }
  return { state: next };
}

/**
 * Transfer to practice: what became of the previous week's first step, told by the group.
 * `key` names the press (the card's action key, or the activity's id): with the member and what
 * they told it makes the press's key on the outcome, so Teams redelivering it stores nothing, also
 * after another member told something else, while a new press (another member, other words) does.
 * A too-long note is refused before anything is read (see `refuseOverLimit`).
 */
export async function lookBackOnFirstStep(
  deps: WeekCycleDeps,
  groupId: string,
  proposalId: string,
  actor: Actor,
  input: { status?: FirstStepStatus; note: string; key: string; seen?: string },
): Promise<Proposal> {
  refuseOverLimit({ field: 'note', text: input.note, max: MAX_REASON_LENGTH });
  await requireMember(deps, groupId, actor);
  const at = deps.clock.now().toISOString();
  const key = firstStepPressKey(proposalId, actor.id, input.key, input.status ?? '', input.note.trim());
  try {
    // `seen`: what the member's card showed of the outcome; another member's answer stored since is not replaced unseen.
    return await deps.proposals.update(groupId, proposalId, (p) => recordFirstStep(p, { status: input.status, note: input.note, at, key, ...(input.seen !== undefined ? { seen: input.seen } : {}) }));
  } catch (err) {
    if ((err as { code?: number }).code === 404) throw new DomainError('notFound', 'proposal');
    throw err;
  }
}
