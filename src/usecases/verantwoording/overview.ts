import { findQuestion, Language } from '../../domain/framework/framework';
import { answerRev, Visibility } from '../../domain/personal/personal-answer';
import { decisionSource, Proposal, Verdict } from '../../domain/proposal/proposal';
import { AccountabilityNote } from '../../domain/verantwoording/accountability-note';
import { ofType, PersonalRecord, visibilityRevOf } from '../../domain/verantwoording/personal-record';
import { ProfTraject, withTrajectRev } from '../../domain/verantwoording/prof-traject';
import { hoursUsed, TimeUsed, timeUsedRev } from '../../domain/verantwoording/time-used';
import { DEFAULT_LEARNING_HOURS_PER_WEEK, grantedTime, GrantedTime } from '../../domain/talent-review/learning-time';
import { ConversationForProfessional, conversationsForProfessional } from '../talent-review/for-professional';
import { ProposalToManager } from '../../domain/talent-review/proposal-to-manager';
import { VerantwoordingDeps } from './deps';
import { attendedSessions, leftAtOf, PersonInGroup, proposalsContributedTo, tracesOf } from './group-traces';
import { weeksTakenPart } from './time-used';
import { progressOf } from './active-weeks';
import { TrajectProgress } from '../../domain/verantwoording/active-weeks';

/**
 * Where a summary's text comes from. 'decision': the group's own text (its proposal, or its own
 * words when it adapted one). 'adoptedAiDraft': the AI's draft that the group adopted as it is: the
 * group's decision, but the AI's words, so wherever it is shown it says AI drafted it.
 * 'adaptedFromAiDraft': the group's own words, made from an AI draft: wherever shown it says so. 'aiDraft':
 * an AI draft the group has not decided on: labelled as the AI's concept that the group has not
 * judged, never as the group's proposal. 'none': nothing written out yet.
 */
export type ProposalTextSource = 'decision' | 'adoptedAiDraft' | 'adaptedFromAiDraft' | 'aiDraft' | 'none';

export interface ProposalSummary {
  id: string;
  groupId: string;
  groupName: string;
  cycleId: string;
  source: ProposalTextSource;
  /** As decided ('' for a rejection, which keeps no text), or the AI's undecided draft (see `source` for whose words). */
  text: string;
  status: Verdict | 'open';
  /** Why the group rejected it: a rejection has no text, so its reason is what there is to show. */
  reason?: string;
  firstStep?: string;
  /** The group shared it with L&O: when, and L&O's latest answer with its date (copied onto the proposal; names nobody). */
  lo?: { sharedAt: string; answer?: { text: string; at: string } };
}

export interface AnswerEntry {
  id: string;
  questionId: number;
  question: string;
  text: string;
  visibility: Visibility;
  /** How often its sharing changed: a share press sends it back (`withVisibility`). Always set by `buildOverview`. */
  visibilityRev?: number;
  /** The revision of its text (`answerRev`): a share sends it back, so words changed since are not shared unseen (`requireTextSeen`). Always set by `buildOverview`. */
  rev?: number;
  updatedAt: string;
}

/** One cycle (week) of one group, as the professional lived it. */
export interface CycleEntry {
  groupId: string;
  groupName: string;
  cycleId: string;
  weekNumber?: number;
  /** When the professional was first there this week (or answered, or judged). */
  at: string;
  sessionsAttended: number;
  hours: number;
  hoursCorrected: boolean;
  /** The revision of the hours shown: a correction sends it back, so one made from an older view is refused (`correctHours`). */
  timeRev: number;
  /** A week of a group they were in: its time is theirs to correct and share, also when the system counted 0 sessions. */
  correctable: boolean;
  timeVisibility: Visibility;
  /** How often the sharing of the time changed: a share press sends it back (`withVisibility`). Always set by `buildOverview`. */
  timeVisibilityRev?: number;
  proposals: ProposalSummary[];
  answers: AnswerEntry[];
}

export interface VerantwoordingOverview {
  userId: string;
  profTraject?: ProfTraject;
  /** Their own active weeks of the Prof-traject's planned weeks ("12 van 20"); with a Prof-traject only, and theirs alone to see. */
  trajectProgress?: TrajectProgress;
  cycles: CycleEntry[];
  /** Newest first. */
  notes: AccountabilityNote[];
  totals: { cycles: number; sessions: number; hours: number; notes: number };
  /** The learning time granted: the organisation's hours per active week times their Prof-traject's weeks. */
  granted: GrantedTime;
  /** Talentontwikkelgesprekken about them: the manager's phase proposal, and after the conversation what the manager facilitated. Newest first. */
  conversations: ConversationForProfessional[];
  /** Proposals they put before their manager (their own act, never the group's), oldest first; absent: none read. */
  putBefore?: PutBeforeEntry[];
  /** An erasure of the person began and has not finished (its ticket is among their records): what is shown is about to go. */
  erasureUnfinished?: true;
}

/** One time the person put a proposal before their manager, and the manager's answer when there is one. */
export interface PutBeforeEntry {
  proposalId: string;
  groupId: string;
  /** Absent when the directory gave no name, or the manager's data was erased. */
  managerName?: string;
  sentAt: string;
  answer?: { text: string; at: string };
  /** Teams refused the manager's chat for good: it never reached them. */
  undelivered?: true;
}

function putBeforeEntries(records: readonly { type: string }[]): PutBeforeEntry[] {
  return records
    .filter((r): r is ProposalToManager => r.type === 'proposalToManager')
    .sort((a, b) => a.sentAt.localeCompare(b.sentAt))
    .map((r) => ({ proposalId: r.proposalId, groupId: r.groupId, ...(r.managerName ? { managerName: r.managerName } : {}), sentAt: r.sentAt, ...(r.answer ? { answer: { text: r.answer.text, at: r.answer.at } } : {}), ...(r.undelivered ? { undelivered: true as const } : {}) }));
}

/** The text a summary shows, and whose it is: the group's decision (in the AI's words when it adopted the AI's draft as it is), else the AI's undecided draft. */
function textOf(p: Proposal): Pick<ProposalSummary, 'source' | 'text'> {
  if (p.decision) return { source: decisionSource(p), text: p.decision.text };
  if (p.ai.status === 'drafted') return { source: 'aiDraft', text: p.ai.draft.proposal };
  return { source: 'none', text: '' };
}

export function summariseProposal(p: Proposal): ProposalSummary {
  const rejectedBecause = p.decision?.verdict === 'reject' ? p.decision.reason.trim() : '';
  return {
    id: p.id,
    groupId: p.groupId,
    groupName: p.groupName,
    cycleId: p.cycleId,
    ...textOf(p),
    status: p.decision?.verdict ?? 'open',
    ...(rejectedBecause ? { reason: rejectedBecause } : {}),
    ...(p.decision?.firstStep ? { firstStep: p.decision.firstStep } : {}),
    ...(p.lo ? { lo: { sharedAt: p.lo.sharedAt, ...(p.lo.answer ? { answer: { text: p.lo.answer.text, at: p.lo.answer.at } } : {}) } } : {}),
  };
}

interface CycleKey {
  groupId: string;
  cycleId: string;
}

/**
 * Everything of one professional's verantwoording, per cycle: time used (sessions attended x 1
 * hour, or their own figure), the proposals they contributed to, their answers to the personal
 * questions; with their notes and Prof-traject. Reads the caller's own partition, and one
 * single-partition query per group their membership index names. `records`: all the caller's
 * records as they stand, when the turn has just read them (the add of a `notitie`); their
 * partition is then not read again, their membership index included (it is one of them).
 */
export async function buildOverview(deps: VerantwoordingDeps, userId: string, language: Language, opts: { maxCycles?: number; records?: PersonalRecord[] } = {}): Promise<VerantwoordingOverview> {
  const [records, groups, conversations] = await Promise.all([
    opts.records ?? deps.records.listAll(userId),
    tracesOf(deps, userId, undefined, opts.records),
    deps.talentReviews ? conversationsForProfessional(deps.talentReviews, userId, deps.clock.now()) : Promise.resolve([]),
  ]);
  return { ...assembleOverview(deps, userId, language, { records, groups }, opts.maxCycles ?? 500), conversations };
}

function assembleOverview(deps: VerantwoordingDeps, userId: string, language: Language, data: { records: PersonalRecord[]; groups: PersonInGroup[] }, maxCycles: number): Omit<VerantwoordingOverview, 'conversations'> {
  const own = data.records.filter((r) => r.userId === userId);
  const index = ofType(own, 'membershipIndex')[0];
  const correctable = new Set<string>();
  const answers = ofType(own, 'personalAnswer');
  const times = new Map<string, TimeUsed>(ofType(own, 'timeUsed').map((t) => [t.cycleId, t]));
  const keys = new Map<string, CycleKey & { at: string; sessions: number }>();
  const touch = (k: CycleKey, at: string, session = false) => {
    const e = keys.get(k.cycleId) ?? { groupId: k.groupId, cycleId: k.cycleId, at, sessions: 0 };
    if (at < e.at) e.at = at;
    if (session) e.sessions += 1;
    keys.set(k.cycleId, e);
  };
  const proposals: Proposal[] = [];
  const weekNumbers = new Map<string, number>();
  const groupNames = new Map<string, string>();
  for (const g of data.groups) {
    groupNames.set(g.groupId, g.groupName);
    for (const c of g.trace.cycles) weekNumbers.set(c.id, c.weekNumber);
    // Every week of a group they were in, also one the system counted 0 sessions for.
    for (const c of weeksTakenPart(index?.groups[g.groupId], g.trace, userId)) {
      correctable.add(c.id);
      touch({ groupId: g.groupId, cycleId: c.id }, c.startedAt);
    }
    for (const s of attendedSessions(g.trace, userId)) touch({ groupId: g.groupId, cycleId: s.cycleId }, s.startedAt, true);
    for (const p of proposalsContributedTo(g.trace, userId, leftAtOf(g.trace, userId, index?.groups[g.groupId]))) {
      proposals.push(p);
      touch(p, p.createdAt);
    }
  }
  for (const a of answers) touch(a, a.updatedAt);
  for (const t of times.values()) touch(t, t.updatedAt);

  const chosen = [...keys.values()].sort((a, b) => b.at.localeCompare(a.at)).slice(0, maxCycles);
  const framework = deps.frameworks[language];
  const entries: CycleEntry[] = chosen.map((c) => {
    const time = times.get(c.cycleId);
    const cycleProposals = proposals.filter((p) => p.cycleId === c.cycleId).map(summariseProposal);
    const weekNumber = weekNumbers.get(c.cycleId);
    return {
      groupId: c.groupId,
      groupName: groupNames.get(c.groupId) ?? cycleProposals[0]?.groupName ?? '',
      cycleId: c.cycleId,
      ...(weekNumber !== undefined ? { weekNumber } : {}),
      at: c.at,
      sessionsAttended: c.sessions,
      hours: hoursUsed(c.sessions, time),
      hoursCorrected: time?.hours !== undefined,
      timeRev: timeUsedRev(time),
      correctable: correctable.has(c.cycleId),
      timeVisibility: time?.visibility ?? 'private',
      timeVisibilityRev: visibilityRevOf(time),
      proposals: cycleProposals,
      answers: answers
        .filter((a) => a.cycleId === c.cycleId)
        .sort((a, b) => a.questionId - b.questionId)
        .map((a) => ({ id: a.id, questionId: a.questionId, question: findQuestion(framework, a.questionId)?.text ?? '', text: a.text, visibility: a.visibility, visibilityRev: visibilityRevOf(a), rev: answerRev(a), updatedAt: a.updatedAt })),
    };
  });
  const notes = ofType(own, 'note').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  // With its revision, which the tab sends back when it saves (a stale save gets 409).
  const stored = ofType(own, 'profTraject')[0];
  const traject = stored && withTrajectRev(stored);
  return {
    userId,
    ...(traject ? { profTraject: traject } : {}),
    ...(traject ? { trajectProgress: progressOf(own, data.groups, userId) } : {}),
    cycles: entries,
    notes,
    totals: {
      cycles: keys.size,
      sessions: [...keys.values()].reduce((n, c) => n + c.sessions, 0),
      hours: [...keys.values()].reduce((sum, c) => sum + hoursUsed(c.sessions, times.get(c.cycleId)), 0),
      notes: notes.length,
    },
    granted: grantedTime(deps.learningHoursPerWeek ?? DEFAULT_LEARNING_HOURS_PER_WEEK, traject?.plannedWeeks),
    putBefore: putBeforeEntries(own as unknown as { type: string }[]),
    ...((own as unknown as { type: string }[]).some((r) => r.type === 'erasureTicket') ? { erasureUnfinished: true as const } : {}),
  };
}
