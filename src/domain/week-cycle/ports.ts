import { Cycle } from './cycle';
import { Group } from './group';
import { Session, SessionState } from './session';
import { CheckIn, Contribution, Presence, SessionItem } from './session-items';
import { Judgement, Proposal } from '../proposal/proposal';
import { PersonalAnswer } from '../personal/personal-answer';
import { ScheduledJob } from '../scheduling/job';

/**
 * A read-modify-write: the store reads the current document, applies `mutate`, and writes it
 * back only if nobody changed it meanwhile (ETag), retrying on conflict. `mutate` must be pure;
 * a thrown DomainError aborts without writing.
 */
export type Mutate<T> = (current: T) => T;

/**
 * Everything of one group lives in one partition: the group, its cycles, sessions, the items
 * members add, proposals and judgements. A turn reads what it needs with one query there.
 */
export interface GroupRepository {
  get(groupId: string): Promise<Group | undefined>;
  /** Creates the group; returns the stored one if it already exists (redelivered setup). */
  create(group: Group): Promise<{ group: Group; created: boolean }>;
  update(groupId: string, mutate: Mutate<Group>): Promise<Group>;
  /**
   * The ids of the groups set up in a team's channels (their conversation reference names the
   * team). Reads every group's partition: for Teams' team-wide events (the app removed from or
   * added to a team), never for a user's turn.
   */
  idsInTeam(teamId: string): Promise<string[]>;
}

export interface CycleRepository {
  get(groupId: string, cycleId: string): Promise<Cycle | undefined>;
  create(cycle: Cycle): Promise<{ cycle: Cycle; created: boolean }>;
  update(groupId: string, cycleId: string, mutate: Mutate<Cycle>, known?: { doc: Cycle; version: string }): Promise<Cycle>;
}

export interface SessionRepository {
  get(groupId: string, sessionId: string): Promise<Session | undefined>;
  /** `version`: the stored session's ETag, so a step in the same turn can replace it without reading it again. */
  create(session: Session): Promise<{ session: Session; created: boolean; version?: string }>;
  /**
   * ETag read-modify-write; `knownVersion` (from a state read this turn) saves the first read.
   * `counted`: the items (check-ins) the change was computed from; it is stored only while all of
   * them exist, else a `conflict` with `COUNTED_ITEM_GONE` and nothing is written.
   */
  update(groupId: string, sessionId: string, mutate: Mutate<Session>, knownVersion?: { doc: Session; version: string }, counted?: readonly string[]): Promise<Session>;
  /**
   * Opens a session with what belongs to it, as one transaction in the group's partition: all of
   * it is stored, or nothing. `opened: false` when the store refused: another press opened this
   * session first, or the cycle changed since it was read. Read again and decide.
   */
  open(opening: SessionOpening): Promise<{ opened: true; session: Session; version: string; cycle?: Cycle; proposal?: Proposal } | { opened: false }>;
  /** The group's sessions that are open now (one single-partition query). */
  openSessionIds(groupId: string): Promise<string[]>;
  /** One session as a turn needs it, in one single-partition query. */
  loadState(groupId: string, sessionId: string): Promise<SessionState | undefined>;
  /** A whole cycle (its sessions and what members added), for summaries and the AI draft. */
  loadCycle(groupId: string, cycleId: string): Promise<CycleState | undefined>;
}

/** A session as it opens, with what is written together with it. */
export interface SessionOpening {
  session: Session;
  /** The cycle with its agenda fixed (the week's first session), replacing the version read. */
  cycle?: { doc: Cycle; version: string };
  /** The proposal record, when this session works on it and it does not exist yet. */
  proposal?: Proposal;
  /** Jobs about this session (its time box), in the group's partition (`groupId` set). */
  jobs: ScheduledJob[];
}

/** A cycle with all it holds, read from the group's partition in one query. */
export interface CycleState {
  group: Group;
  cycle: Cycle;
  /** The cycle's version (ETag) as read. */
  cycleVersion?: string;
  sessions: Session[];
  contributions: Contribution[];
  checkIns: CheckIn[];
  presence: Presence[];
  proposal?: Proposal;
  /** Last week's proposal, whose first step the week's first session looks back on. */
  previousProposal?: Proposal;
  judgements: Judgement[];
}

/** The items members add during a session; each created once (its id is its idempotency key). */
export interface SessionItemRepository {
  /**
   * Stores the item unless it exists, and reads its session as it stood at that write: a step
   * (closing a check-in round, ending the session) stored after the turn read the session shows
   * there. Without `session` when the item was stored before (or a retry found it stored).
   * `gated` (see `Session.gated`): stored only while the session's open gate exists, in the same
   * transaction; `gateClosed` when the session had closed, and nothing was stored.
   */
  addReadingSession<T extends SessionItem>(item: T, gated?: boolean): Promise<{ item: T; session?: { doc: Session; version: string } } | { gateClosed: true }>;
  /** Takes back an item this turn stored but the session had closed for (its error card then means nothing was stored). */
  remove(item: SessionItem): Promise<void>;
  /**
   * Takes back an item together with a change of its session that must land first (a published
   * average that counted a check-in withdrawn): one transaction, the session replaced as `change`
   * leaves it on the version just read (ETag), then the delete. A step stored between the read and
   * the transaction refuses it, and the change is computed again from the session as it is now;
   * the item is never gone while the session still holds what was made with it. Safe to run again:
   * an item already gone leaves the change alone, still ETag-guarded.
   */
  removeWithSession(item: SessionItem, change: Mutate<Session>): Promise<void>;
}

export interface ProposalRepository {
  get(groupId: string, proposalId: string): Promise<Proposal | undefined>;
  create(proposal: Proposal): Promise<{ proposal: Proposal; created: boolean }>;
  /** `openSessionId`: stored only while that session's open gate exists (see `Session.gated`), else `sessionClosed`. */
  update(groupId: string, proposalId: string, mutate: Mutate<Proposal>, knownVersion?: { doc: Proposal; version: string }, openSessionId?: string): Promise<Proposal>;
  /**
   * A member's judgement, replaced when they change their mind, and its proposal as it stood at
   * that write (a decision stored after the turn read the proposal shows there), and the version of
   * its session then (without it when a retry found the judgement stored). Safe to retry. A
   * `gated` session: stored only while its open gate exists (see `Session.gated`). `read` is what
   * the turn read of it: `{ version }` replaces only that version, `'none'` creates it only where
   * there is none; `raced` when another write came first (read again and decide again). `proposal`:
   * the proposal as the turn read it, for a judgement that could count against an adoption (see
   * `mayTurnAgainstAdoption`): stored only while the proposal is that version, which it moves on
   * (so a decision that read the judgements before reads them again); `raced` when it changed.
   */
  putJudgement(
    judgement: Judgement,
    session: { id: string; gated?: boolean },
    read?: { version: string } | 'none',
    proposal?: { doc: Proposal; version: string },
  ): Promise<{ judgement: Judgement; proposal: Proposal; session?: { version: string } } | { gateClosed: true } | { raced: true }>;
  /** Takes back a judgement this turn stored when its author turned out to have left (see `takeBackIfAuthorLeft`). */
  removeJudgement(judgement: Judgement): Promise<void>;
}

/**
 * One person's traces in one group, from that group's partition only: what they need for their
 * verantwoording, export, erasure and proposal search, without a query across partitions.
 */
export interface GroupTrace {
  group?: Group;
  cycles: Cycle[];
  proposals: Proposal[];
  contributions: Contribution[];
  checkIns: CheckIn[];
  presence: Presence[];
  judgements: Judgement[];
  /** The group's sessions (start times, for dates in the verantwoording; energy rounds, step keys and tags of who took part before, for erasure). */
  sessions: (Pick<Session, 'id' | 'cycleId' | 'startedAt' | 'day'> & Partial<Pick<Session, 'energy' | 'stepKeys' | 'tookPartBeforeTags'>>)[];
}

export interface GroupTraceRepository {
  traceOf(groupId: string, userId: string): Promise<GroupTrace>;
  /**
   * Applies an erasure to one group's partition, in an order that is safe to run again:
   * replacements first, then rewrites, then removals. `swaps`: a removed document's id to the id
   * of the created (or rewritten) one that replaces it, written in one transaction (never both there, never neither).
   */
  applyErasure(groupId: string, changes: { create: { id: string; groupId: string }[]; rewrite: { id: string; groupId: string }[]; remove: { id: string }[]; swaps?: Record<string, string> }): Promise<void>;
  /** Proposals of one group, newest first (message-extension search), with the group for its membership check. */
  proposalsOf(groupId: string, limit: number): Promise<{ group?: Group; proposals: Proposal[] }>;
}

/** Personal answers (9-10) in the member's own partition. */
export interface PersonalAnswerRepository {
  get(userId: string, id: string): Promise<PersonalAnswer | undefined>;
  /** The answer with its version (ETag), for a replace in the same turn. */
  getVersioned(userId: string, id: string): Promise<{ doc: PersonalAnswer; version: string } | undefined>;
  /** Creates the answer, or returns the stored one (and its version) when it exists. */
  create(answer: PersonalAnswer): Promise<{ answer: PersonalAnswer; created: boolean; version?: string }>;
  /** ETag-guarded; `known`: the answer and its version as read earlier in the turn (the first try skips the read). */
  update(userId: string, id: string, mutate: Mutate<PersonalAnswer>, known?: { doc: PersonalAnswer; version: string }): Promise<PersonalAnswer>;
  /**
   * Marks the answer `found` (as read at `version` by a press that did not write it) `confirmed`:
   * one replace under that version. Changed since: read again; confirmed or changed by its owner
   * (a take-back no longer matches it): that answer. Gone, or still as written under another
   * version (taken back and written again): 'takenBack'.
   */
  confirm(userId: string, id: string, found: { doc: PersonalAnswer; version: string }): Promise<PersonalAnswer | 'takenBack'>;
}

/** Port: the groups a person belongs to (or belonged to), kept in their own partition on every membership change. */
export interface MembershipIndex {
  groupsOf(userId: string): Promise<MembershipEntry[]>;
  /** Records that these people are (or are no longer) members of the group; idempotent. */
  record(groupId: string, groupName: string, changes: { joined: string[]; left: string[] }, at: string): Promise<void>;
  /**
   * A newcomer's own join (`ensureMember`), stamped `at` even where her entry names her a member
   * already (`withJoinStampedAt`): what `takeBackJoin` of an earlier delivery then leaves alone.
   */
  recordJoin(groupId: string, groupName: string, userId: string, at: string): Promise<void>;
  /**
   * A member a setup press (`press`: its tag) names, stamped `at` where it makes them a member
   * (`withSetupJoin`): what `takeBackJoin(at)` undoes when the write was answered too late.
   */
  recordSetupJoin(groupId: string, groupName: string, userId: string, at: string, press: string | undefined): Promise<void>;
  /**
   * Undoes a join `record` wrote at `at` (too late: see ensureMember), only while the entry is as it
   * wrote it; an index left naming no group goes. Nothing to undo is fine.
   */
  takeBackJoin(groupId: string, userId: string, at: string): Promise<void>;
}

export interface MembershipEntry {
  groupId: string;
  groupName: string;
  member: boolean;
  /** When they joined (a member) or left (a former member). */
  since: string;
  /** A member who left once and joined again: when they last left (their weeks before it stay theirs). */
  leftAt?: string;
  /** The `since` a redelivered join stamped over (`withJoinStampedAt`): its take-back puts it back. */
  stampedOver?: string;
  /** The setup press that named them a member (a hash of its random key): a redelivery of it stamps the entry anew (`withSetupJoin`). */
  press?: string;
}

/**
 * The detail of the `conflict` a session update refuses with when an item it was computed from
 * was deleted meanwhile (a member's check-in, by their erasure): nothing was stored, and the
 * change is computed again from what is stored now (see `saveStep`).
 */
export const COUNTED_ITEM_GONE = 'an item the change was computed from is gone';
