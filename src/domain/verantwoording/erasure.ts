import { Language } from '../framework/framework';
import { Proposal } from '../proposal/proposal';
import { Cycle } from '../week-cycle/cycle';
import { Group } from '../week-cycle/group';
import { Session } from '../week-cycle/session';

/**
 * Erasing a professional ("mijn gegevens wissen"). Their own records are deleted; what they
 * gave to a group stays with the group, without anything that points to them:
 * - contributions keep their text, with a neutral author (ERASED_ID, "Oud-deelnemer");
 * - judgements of a proposal keep verdict and reason under an anonymous key, without the name;
 * - energy check-ins under their id are removed (they are private scores);
 * - in attendance lists their id becomes an anonymous marker, so the group's hours still add up;
 * - they leave the group's member list; ids in createdBy/startedBy/decidedBy become ERASED_ID.
 * Every function returns the same object when there is nothing of the person in it.
 */
export const ERASED_ID = 'erased';
export const ERASED_NAME: Record<Language, string> = { nl: 'Oud-deelnemer', en: 'Former member' };

/** Per erasure, one random marker (made by the caller) replaces the id in attendance lists. */
export interface Anonymiser {
  userId: string;
  /** e.g. "erased-3f9a1c2d": unique per erasure, never derived from the person. */
  marker: string;
  language: Language;
}

export function forgetInSession(s: Session, a: Anonymiser): Session {
  let changed = false;
  const answers: Session['answers'] = {};
  for (const [q, list] of Object.entries(s.answers)) {
    answers[q] = list.map((c) => {
      if (c.authorId !== a.userId) return c;
      changed = true;
      return { ...c, authorId: ERASED_ID, authorName: ERASED_NAME[a.language] };
    });
  }
  const energy = { in: { ...s.energy.in }, out: { ...s.energy.out } };
  for (const phase of ['in', 'out'] as const) {
    if (a.userId in energy[phase]) {
      delete energy[phase][a.userId];
      changed = true;
    }
  }
  const attendeeIds = s.attendeeIds.map((id) => (id === a.userId ? a.marker : id));
  if (s.attendeeIds.includes(a.userId)) changed = true;
  return changed ? { ...s, answers, energy, attendeeIds } : s;
}

export function forgetInProposal(p: Proposal, a: Anonymiser, judgementKey: string): Proposal {
  let changed = false;
  let judgements = p.judgements;
  if (p.judgements[a.userId]) {
    const { [a.userId]: own, ...rest } = p.judgements;
    judgements = { ...rest, [judgementKey]: { ...own!, memberId: ERASED_ID, memberName: ERASED_NAME[a.language] } };
    changed = true;
  }
  const contributorIds = p.contributorIds.filter((id) => id !== a.userId);
  if (contributorIds.length !== p.contributorIds.length) changed = true;
  let decision = p.decision;
  if (decision?.decidedBy === a.userId) {
    decision = { ...decision, decidedBy: ERASED_ID };
    changed = true;
  }
  let ai = p.ai;
  if (ai.status === 'drafting' && ai.requestedBy === a.userId) {
    ai = { ...ai, requestedBy: ERASED_ID };
    changed = true;
  }
  return changed ? { ...p, judgements, contributorIds, ...(decision ? { decision } : {}), ai } : p;
}

/**
 * Leaves the group. `conversationRef` is opaque here; whatever in it names the person (the
 * member who last set the group up) is dropped: proactive messages need only the conversation.
 */
export function forgetInGroup(g: Group, a: Anonymiser): Group {
  const members = g.members.filter((m) => m.id !== a.userId);
  const createdBy = g.createdBy === a.userId ? ERASED_ID : g.createdBy;
  const refUser = g.conversationRef.user;
  const refNamesPerson = refUser !== undefined && JSON.stringify(refUser).includes(JSON.stringify(a.userId).slice(1, -1));
  if (members.length === g.members.length && createdBy === g.createdBy && !refNamesPerson) return g;
  const conversationRef = { ...g.conversationRef };
  if (refNamesPerson) delete conversationRef.user;
  return { ...g, members, createdBy, conversationRef };
}

export function forgetInCycle(c: Cycle, a: Anonymiser): Cycle {
  return c.startedBy === a.userId ? { ...c, startedBy: ERASED_ID } : c;
}
