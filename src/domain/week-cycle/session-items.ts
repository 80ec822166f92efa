import { stableId } from '../shared/ids';

/** The author or member id left on a group's record after a person erased their data. */
export const ERASED_ID = 'erased';

/**
 * What members add during a session. Each is its own small document in the group's partition,
 * created once with a deterministic id, so many members can write at the same moment without
 * conflicts, and a retried or redelivered action stores nothing twice.
 */
interface SessionItemBase {
  id: string;
  groupId: string;
  cycleId: string;
  sessionId: string;
  at: string;
}

/** A member's addition to the group's shared answer of a question. */
export interface Contribution extends SessionItemBase {
  type: 'contribution';
  questionId: number;
  authorId: string;
  authorName: string;
  text: string;
}

export type EnergyPhase = 'in' | 'out';

/** A member's private energy score (1-5) at the start or the end of a session. */
export interface CheckIn extends SessionItemBase {
  type: 'checkIn';
  phase: EnergyPhase;
  memberId: string;
  score: number;
  /**
   * A random key, set when the check-in is stored: what a closed round lists as counted (see
   * `EnergyRound.counted`). Random, so once the check-in is erased nothing links it to anyone.
   * Absent on check-ins stored before rounds listed them.
   */
  token?: string;
}

/** A member saying "ik ben erbij": present without having to write or check in. */
export interface Presence extends SessionItemBase {
  type: 'presence';
  memberId: string;
}

export type SessionItem = Contribution | CheckIn | Presence;

/** The member a session item is theirs. */
export function authorOf(item: SessionItem): string {
  return item.type === 'contribution' ? item.authorId : item.memberId;
}

/**
 * One contribution per press of a rendered card: the card's idempotency key plus what was sent.
 * The same press again (a retry, a redelivery) gives the same id; a new text on the same card
 * gives a new one, so nothing a member typed is taken for a retry.
 */
export function contributionId(sessionId: string, authorId: string, key: string, questionId: number, text: string): string {
  return stableId('ct', sessionId, authorId, key, String(questionId), text);
}

/** One check-in per member and phase: the first score counts. */
export function checkInId(sessionId: string, phase: EnergyPhase, memberId: string): string {
  return stableId('ci', sessionId, phase, memberId);
}

export function presenceId(sessionId: string, memberId: string): string {
  return stableId('pr', sessionId, memberId);
}
