import { Cycle } from './cycle';
import { Group } from './group';
import { Session } from './session';
import { Proposal } from '../proposal/proposal';
import { PersonalAnswer } from '../personal/personal-answer';

/**
 * A read-modify-write: the store reads the current document, applies `mutate`, and writes it
 * back only if nobody changed it meanwhile (ETag), retrying on conflict. `mutate` must be pure;
 * a thrown DomainError aborts without writing.
 */
export type Mutate<T> = (current: T) => T;

export interface GroupRepository {
  get(groupId: string): Promise<Group | undefined>;
  /** Creates the group; returns the stored one if it already exists (redelivered setup). */
  create(group: Group): Promise<{ group: Group; created: boolean }>;
  update(groupId: string, mutate: Mutate<Group>): Promise<Group>;
  /** Groups that name the person: as a member, as creator, or in the stored conversation reference (cross-partition). */
  listByMember(userId: string, limit?: number): Promise<Group[]>;
}

export interface CycleRepository {
  get(groupId: string, cycleId: string): Promise<Cycle | undefined>;
  create(cycle: Cycle): Promise<{ cycle: Cycle; created: boolean }>;
  update(groupId: string, cycleId: string, mutate: Mutate<Cycle>): Promise<Cycle>;
  /** Cycles the person started (cross-partition; for erasure). */
  listStartedBy(userId: string): Promise<Cycle[]>;
}

export interface SessionRepository {
  get(groupId: string, sessionId: string): Promise<Session | undefined>;
  create(session: Session): Promise<{ session: Session; created: boolean }>;
  update(groupId: string, sessionId: string, mutate: Mutate<Session>): Promise<Session>;
  listByCycle(groupId: string, cycleId: string): Promise<Session[]>;
  /** Which sessions the person attended, newest first (cross-partition, ids only). */
  listAttendance(userId: string, limit?: number): Promise<SessionAttendance[]>;
}

/** A session a person attended, without its content. */
export interface SessionAttendance {
  id: string;
  groupId: string;
  cycleId: string;
  startedAt: string;
}

export interface ProposalRepository {
  get(groupId: string, proposalId: string): Promise<Proposal | undefined>;
  create(proposal: Proposal): Promise<{ proposal: Proposal; created: boolean }>;
  update(groupId: string, proposalId: string, mutate: Mutate<Proposal>): Promise<Proposal>;
  listByGroup(groupId: string): Promise<Proposal[]>;
  /** Proposals the person contributed to, judged, decided or asked AI for (cross-partition). */
  listByContributor(userId: string): Promise<Proposal[]>;
  /** The newest proposals of these groups, at most `limit` (message-extension search). */
  listRecentByGroups(groupIds: string[], limit: number): Promise<Proposal[]>;
}

export interface PersonalAnswerRepository {
  get(userId: string, id: string): Promise<PersonalAnswer | undefined>;
  upsert(answer: PersonalAnswer): Promise<PersonalAnswer>;
  listForSession(userId: string, sessionId: string): Promise<PersonalAnswer[]>;
}
