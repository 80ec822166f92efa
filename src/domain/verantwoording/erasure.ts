import { Language } from '../framework/framework';
import { Judgement, Proposal, withoutFirstStepKeysOf } from '../proposal/proposal';
import { stableId } from '../shared/ids';
import { Cycle } from '../week-cycle/cycle';
import { withdrawRound } from '../week-cycle/energy';
import { Group, withoutSetupKeysOf } from '../week-cycle/group';
import { GroupTrace } from '../week-cycle/ports';
import { attendeeIds, Session, withoutStepKeysOf, withoutTookPartTagOf } from '../week-cycle/session';
import { CheckIn, Contribution, EnergyPhase, ERASED_ID, Presence, presenceId } from '../week-cycle/session-items';

export { ERASED_ID } from '../week-cycle/session-items';

/**
 * Erasing a professional ("mijn gegevens wissen"). Their own records are deleted; what they
 * gave to a group stays with the group, without anything that points to them:
 * - contributions keep their text and time, with a neutral author (ERASED_ID, "Oud-deelnemer"),
 *   under a new id from the erasure's marker (their id was a hash over the author's id and the card's key);
 * - judgements keep verdict and reason, under a new random id, without their name;
 * - energy check-ins are removed (they are private scores), and so is every published average
 *   made with one of them (see EnergyRound.withdrawn); an average is never computed again;
 * - their presence becomes an anonymous marker's, so the group's hours still add up;
 * - they leave the group's member list; ids in createdBy/startedBy/decidedBy become ERASED_ID;
 * - the press keys of theirs kept on sessions, the group and proposals (stepKeys, setupKeys, a
 *   first step's outcome keys) go: each is a hash over their id and a key a card carried; so does
 *   their tag on a session for having taken part in the week before it (`tookPartTag`).
 * Every function returns the same object when there is nothing of the person in it.
 */
export const ERASED_NAME: Record<Language, string> = { nl: 'Oud-deelnemer', en: 'Former member' };

/** What every erasure's marker starts with: a presence under it is an erased person's, no one's to write to. */
export const ERASURE_MARKER_PREFIX = 'erased-';

/** Whether a member id in a group's records is an erasure's anonymous marker, not a person. */
export function isErasureMarker(memberId: string): boolean {
  return memberId.startsWith(ERASURE_MARKER_PREFIX);
}

/** Per erasure, one random marker (made by the caller) replaces the id in presence records. */
export interface Anonymiser {
  userId: string;
  /** e.g. "erased-3f9a1c2d": random, never derived from the person; kept until the erasure completes. */
  marker: string;
  language: Language;
}

/** What erasing one person changes in one group's partition. */
export interface GroupErasure {
  /**
   * Contributions in their anonymised form, under a new id (`erasedContributionId`): each is
   * swapped for its original (in `remove`, paired in `swaps`), never both there.
   */
  rewrite: Contribution[];
  /** Documents that name the person in their id: removed, and replaced by `create`. */
  remove: { id: string }[];
  create: (Presence | Judgement)[];
  /**
   * A removed judgement's or contribution's id, to the id of its anonymous copy in `create` or
   * `rewrite`: the two are swapped in one transaction, so no reader (a decision's recount, a
   * summary) ever sees both and counts it twice.
   */
  swaps: Record<string, string>;
  /** Shared documents that name the person: changed with an ETag (forgetInProposal / forgetInCycle / forgetInGroup). */
  proposalIds: string[];
  cycleIds: string[];
  /** Sessions with a published energy average made with the person's score, or a step key of theirs (forgetInSession): changed before the check-ins are removed. */
  sessionIds: string[];
  group: boolean;
}

/**
 * Everything of the person in one group's partition. Replacement ids come from the erasure's
 * marker, so an interrupted erasure that runs again (with the same marker) writes the same documents.
 */
export function forgetInGroupTrace(groupId: string, trace: GroupTrace, a: Anonymiser, erased: readonly CheckIn[] = []): GroupErasure {
  const rewrite: GroupErasure['rewrite'] = [];
  const remove: { id: string }[] = [];
  const create: GroupErasure['create'] = [];
  const swaps: Record<string, string> = {};
  for (const c of trace.contributions) {
    if (c.authorId !== a.userId) continue;
    const copy = { ...c, id: erasedContributionId(c, a.marker), authorId: ERASED_ID, authorName: ERASED_NAME[a.language] };
    rewrite.push(copy);
    remove.push({ id: c.id });
    swaps[c.id] = copy.id;
  }
  const attended = new Map<string, { cycleId: string; at: string }>();
  for (const s of trace.sessions) {
    const mine = {
      presence: trace.presence.filter((p) => p.sessionId === s.id),
      checkIns: trace.checkIns.filter((c) => c.sessionId === s.id),
    };
    if (attendeeIds(mine).includes(a.userId)) attended.set(s.id, { cycleId: s.cycleId, at: s.startedAt });
  }
  for (const [sessionId, s] of attended) {
    create.push({ id: presenceId(sessionId, a.marker), type: 'presence', groupId, cycleId: s.cycleId, sessionId, memberId: a.marker, at: s.at });
  }
  for (const p of trace.presence) if (p.memberId === a.userId) remove.push({ id: p.id });
  for (const c of trace.checkIns) if (c.memberId === a.userId) remove.push({ id: c.id });
  for (const j of trace.judgements) {
    if (j.memberId !== a.userId) continue;
    // Without its press keys: each is a hash of a card's key and the member's id, which a reader
    // holding the card could test candidate ids against (and a press of theirs joins nobody now).
    const { keys: _pressKeys, ...kept } = j;
    const copy = { ...kept, id: stableId('jd', j.proposalId, a.marker), memberId: ERASED_ID, memberName: ERASED_NAME[a.language] };
    remove.push({ id: j.id });
    create.push(copy);
    swaps[j.id] = copy.id;
  }
  return {
    rewrite,
    remove,
    create,
    swaps,
    proposalIds: trace.proposals.filter((p) => forgetInProposal(p, a) !== p).map((p) => p.id),
    cycleIds: trace.cycles.filter((c) => forgetInCycle(c, a) !== c).map((c) => c.id),
    sessionIds: trace.sessions.filter((s) => forgetInSession(s, [...trace.checkIns, ...erased], a) !== s).map((s) => s.id),
    group: !!trace.group && forgetInGroup(trace.group, a) !== trace.group,
  };
}

/**
 * The id of an erased person's contribution, anonymised: from the erasure's marker (random, never
 * derived from the person; a run again writes the same) and what the document itself holds, never
 * from the author's id or the card's key.
 */
export function erasedContributionId(c: Contribution, marker: string): string {
  return stableId('ce', marker, c.sessionId, String(c.questionId), c.at, c.text);
}

/**
 * Drops the person's step keys (see `withoutStepKeysOf`) and their tag for having taken part
 * before (see `withoutTookPartTagOf`), and withdraws each published energy
 * average of the session that the person checked in for. Their
 * own check-in goes, but the average, its number of answers and the others' stored scores
 * together would still give their score to a database reader. `checkIns` hold the person's
 * (also those an earlier round of the same erasure deleted: a round can be published with one in
 * the moment before it went); a session they did not check in for comes back unchanged.
 */
export function forgetInSession<S extends Pick<Session, 'id'> & Partial<Pick<Session, 'energy' | 'stepKeys' | 'tookPartBeforeTags'>>>(s: S, checkIns: readonly CheckIn[], a: Anonymiser): S {
  const stepKeys = withoutStepKeysOf(s.id, s.stepKeys, a.userId);
  const tookPart = withoutTookPartTagOf(s.id, s.tookPartBeforeTags, a.userId);
  const withEnergy = forgetScoresInSession(s, checkIns, a);
  if (stepKeys === s.stepKeys && tookPart === s.tookPartBeforeTags) return withEnergy;
  return { ...withEnergy, ...(stepKeys === s.stepKeys ? {} : { stepKeys: [...(stepKeys ?? [])] }), ...(tookPart === s.tookPartBeforeTags ? {} : { tookPartBeforeTags: [...(tookPart ?? [])] }) };
}

function forgetScoresInSession<S extends Pick<Session, 'id'> & Partial<Pick<Session, 'energy'>>>(s: S, checkIns: readonly CheckIn[], a: Anonymiser): S {
  const theirs = checkIns.filter((c) => c.sessionId === s.id && c.memberId === a.userId);
  const withdraw = (['in', 'out'] as const).filter((phase) => {
    const round = s.energy?.[phase];
    if (round?.average === undefined) return false;
    // A round that lists what it counted (`EnergyRound.counted`) is withdrawn only when it counted theirs.
    return theirs.some((c) => c.phase === phase && (!round.counted || !c.token || round.counted.includes(c.token)));
  });
  if (withdraw.length === 0) return s;
  const energy = { ...s.energy! };
  for (const phase of withdraw) energy[phase] = withdrawRound(energy[phase]);
  return { ...s, energy };
}

/** Whether erasing the person changes nothing in the group's partition (nothing of theirs is left there). */
export function isNoErasure(e: GroupErasure): boolean {
  return e.rewrite.length === 0 && e.remove.length === 0 && e.create.length === 0 && e.proposalIds.length === 0 && e.cycleIds.length === 0 && e.sessionIds.length === 0 && !e.group;
}

export function forgetInProposal(p: Proposal, a: Anonymiser): Proposal {
  // Their first-step press keys go, as their step and setup keys do (see `withoutFirstStepKeysOf`).
  let next = withoutFirstStepKeysOf(p, a.userId);
  if (p.decision?.decidedBy === a.userId) next = { ...next, decision: { ...p.decision, decidedBy: ERASED_ID } };
  if (p.ai.status === 'drafting' && p.ai.requestedBy === a.userId) next = { ...next, ai: { ...p.ai, requestedBy: ERASED_ID } };
  return next;
}

/**
 * Leaves the group. `conversationRef` is opaque here; whatever in it names the person (the
 * member who last set the group up) is dropped: proactive messages need only the conversation.
 * Their setup keys go too (see `withoutSetupKeysOf`).
 */
export function forgetInGroup(g: Group, a: Anonymiser): Group {
  const members = g.members.filter((m) => m.id !== a.userId);
  const createdBy = g.createdBy === a.userId ? ERASED_ID : g.createdBy;
  const refUser = g.conversationRef.user;
  const refNamesPerson = refUser !== undefined && JSON.stringify(refUser).includes(JSON.stringify(a.userId).slice(1, -1));
  // Their setup presses' keys (each a hash over their id and the form's key).
  const setupKeys = withoutSetupKeysOf(g.id, g.setupKeys, a.userId);
  if (members.length === g.members.length && createdBy === g.createdBy && !refNamesPerson && setupKeys === g.setupKeys) return g;
  const conversationRef = { ...g.conversationRef };
  if (refNamesPerson) delete conversationRef.user;
  return { ...g, members, createdBy, conversationRef, ...(setupKeys === g.setupKeys ? {} : { setupKeys: [...(setupKeys ?? [])] }) };
}

export function forgetInCycle(c: Cycle, a: Anonymiser): Cycle {
  return c.startedBy === a.userId ? { ...c, startedBy: ERASED_ID } : c;
}
