import { Language } from '../../domain/framework/framework';
import { PersonalAnswer } from '../../domain/personal/personal-answer';
import { Opinion } from '../../domain/proposal/proposal';
import { AccountabilityNote, DeletedNote } from '../../domain/verantwoording/accountability-note';
import { Anonymiser, forgetInCycle, forgetInGroup, forgetInGroupTrace, forgetInProposal, forgetInSession, isNoErasure } from '../../domain/verantwoording/erasure';
import { ofType } from '../../domain/verantwoording/personal-record';
import { UserPreferences } from '../../domain/verantwoording/preferences';
import { ProfTraject } from '../../domain/verantwoording/prof-traject';
import { TimeUsed } from '../../domain/verantwoording/time-used';
import { CheckIn } from '../../domain/week-cycle/session-items';
import { VerantwoordingDeps } from './deps';
import { attendedSessions, PersonInGroup, tracesOf } from './group-traces';
import { buildOverview, CycleEntry, ProposalSummary } from './overview';
import { erasureTicket, rememberErasureGroups } from './erasure-ticket';
import { saveWindowClosed, windowClockNow } from './save-window';
import { ErasureTicket } from '../../domain/verantwoording/erasure-ticket';
import { Group, markedForErasure, unmarkedForErasure } from '../../domain/week-cycle/group';
import { cancelErasureResume, ErasureResumePayload, MAX_RESUME_ROUNDS, scheduleErasureResume } from './erasure-resume';
import { eraseReviews, exportReviews, ReviewsExport, reviewTraces, ReviewTraces } from './my-data-reviews';
import { OutboxPerson } from '../../domain/outbox/outbox.port';
import { isBeingHandedOver, LearningNeedPassOn, LearningNeedWithdrawn } from '../../domain/learning-needs/learning-need';
import { PrepSummaryDoc } from '../../domain/talent-review/prep-summary';
import { PrepTeamChoice, PrepTeamChoices } from '../../domain/talent-review/prep-teams';
import { myPartIn, MyPartInProposal, PutBeforeByMeExport, putBeforeByMe, putBeforeMe, PutBeforeMeExport } from './my-data-proposals';
import { forgetPollStarter } from '../pulse-poll/forget-starter';
import { leaveErasureReceipts, rememberErasureReceipt } from './erasure-receipt';
import { exportPollsStarted, PollStartedExport } from './my-data-polls';
import { forgetLegacyOfferJobs } from '../week-cycle/offer-prof-traject';
import { ActiveWeek, TrajectEndMark } from '../../domain/verantwoording/active-weeks';
import { recordedWeeks } from './active-weeks';
import { MembershipEntry } from '../../domain/week-cycle/ports';
import type { PrepRefreshOwedDoc } from '../../domain/talent-review/prep-refresh-owed';

/** Everything the app keeps about one professional, as one JSON document ("mijn gegevens"). */
export interface MyDataExport {
  format: 'lerend-werken.mijn-gegevens';
  version: 1;
  exportedAt: string;
  userId: string;
  preferences?: UserPreferences;
  profTraject?: ProfTraject;
  notes: AccountabilityNote[];
  /**
   * Notes they deleted in the last few days. A deleted note leaves, under its own id, that it was
   * deleted and nothing it said, so that Teams delivering the add again does not bring it back
   * (accountability-note.ts); the store removes it by itself at `keptUntil`. With its fingerprint
   * as kept (`chatMessage`: of the message that wrote it, one-way, salted with the note's id, as
   * `notes` show it; `firstText` of a form's note keyed with the form's own press key, never stored,
   * or salted with the id in records left before stop 57): it says nothing readable,
   * but it is what the record holds.
   */
  deletedNotes: DeletedNoteExport[];
  personalAnswers: PersonalAnswer[];
  timeUsed: TimeUsed[];
  /** The calendar weeks they were active in (a session attended, time recorded), as their Prof-traject counts them, oldest first. */
  activeWeeks: string[];
  /**
   * Their active-week records as kept, oldest first: the week and why it counts (the sessions
   * attended, the group weeks they recorded time for). A record with neither is from before the
   * reasons were kept and counts for good; one whose lists are both empty (time lowered back to 0)
   * counts no longer.
   */
  activeWeekRecords: Pick<ActiveWeek, 'week' | 'sessions' | 'timeRecorded' | 'recordedAt' | 'updatedAt'>[];
  /** The ends of their Prof-traject whose look-back card was queued (`queuedAt`; without it, an attempt cut short): planned weeks, first counted week. */
  trajectEnds: Pick<TrajectEndMark, 'plannedWeeks' | 'countsFrom' | 'queuedAt' | 'createdAt'>[];
  cycles: Omit<CycleEntry, 'proposals' | 'answers'>[];
  groups: GroupExport[];
  /** The weeks they started for a group: its week record keeps them as its starter (`startedBy`) until their erasure. Oldest first. */
  startedWeeks: { groupId: string; cycleId: string; weekNumber: number; at: string }[];
  sessionsAttended: { groupId: string; cycleId: string; sessionId: string; startedAt: string }[];
  energyCheckIns: { groupId: string; cycleId: string; sessionId: string; phase: 'in' | 'out'; score: number; at: string }[];
  contributions: { groupId: string; cycleId: string; sessionId: string; questionId: number; text: string; at: string }[];
  judgements: { groupId: string; proposalId: string; opinion: Opinion; reason: string; at: string }[];
  /** With their part in each proposal's own record: they decided it, or asked the AI for its draft (my-data-proposals.ts). */
  proposals: (ProposalSummary & MyPartInProposal)[];
  /** Planned talentontwikkelgesprekken, as the manager and as the professional, and the managers kept as having planned one about them (my-data-reviews.ts). */
  talentReviews: ReviewsExport;
  /**
   * Learning needs passed on to L&O: what waits for the handover (theme, text), and that the
   * others were handed over. What was handed over is anonymous and no longer anyone's to export.
   * A need they withdrew leaves a record of the withdrawal for good (until their erasure): listed
   * as `withdrawn`, with the answer it was about (its press keys are technical, left out).
   */
  learningNeeds: (Pick<LearningNeedPassOn, 'answerId' | 'status' | 'theme' | 'text'> | { answerId: string; status: 'withdrawn' })[];
  /**
   * The B3-spiegel polls they started (as HR): the polls keep them as starter until their erasure
   * (forgetPollStarter). Only what the poll keeps about them, never answers or figures (my-data-polls.ts).
   */
  pollsStarted: PollStartedExport[];
  /** The AI summary of what they share, as their manager's prep card and their preview show it (talent-review/prep-summary.ts). */
  prepSummary?: Pick<PrepSummaryDoc, 'text' | 'language' | 'updatedAt'>;
  /** Their own choices of which teams' B3-spiegel their manager's prep card shows, per team (talent-review/prep-teams.ts); absent: none made. */
  prepTeamChoices?: PrepTeamChoice[];
  /**
   * A rebuild of their manager's prep cards is owed (domain/talent-review/prep-refresh-owed.ts): a
   * change of what they share is stored, its rebuild waits for the nightly check; when it last could
   * not be done. Absent: none owed.
   */
  prepRebuildOwedAt?: string;
  /** Proposals their group adopted that they put before their manager, with the manager's answer (my-data-proposals.ts). */
  proposalsPutBeforeManager: PutBeforeByMeExport[];
  /** As a manager: proposals members put before them, as their card showed them, with the answers they gave (my-data-proposals.ts). */
  proposalsPutBeforeMe: PutBeforeMeExport[];
}

export interface DeletedNoteExport extends Pick<DeletedNote, 'deletedAt' | 'firstText' | 'chatMessage'> {
  noteId: string;
  keptUntil: string;
}

export interface GroupExport {
  id: string;
  name: string;
  /** Whether the group's member list holds them now. */
  member: boolean;
  /**
   * Their membership as their own membership index keeps it: member or not, since when (joined,
   * or left), and, joined again, when they last left. It decides which weeks count as theirs and
   * which of the group's proposals are part of their story. Absent: the index names the group no more.
   */
  membership?: Omit<MembershipEntry, 'groupId' | 'groupName'>;
  /** They set the group up: the group record keeps them as its creator (`createdBy`) until their erasure. */
  setUpByMe?: true;
}

function deletedNoteExport(d: DeletedNote): DeletedNoteExport {
  const keptUntil = new Date(Date.parse(d.deletedAt) + d.ttl * 1000).toISOString();
  return { noteId: d.id, deletedAt: d.deletedAt, keptUntil, ...(d.firstText ? { firstText: d.firstText } : {}), ...(d.chatMessage ? { chatMessage: d.chatMessage } : {}) };
}

function groupExport(g: PersonInGroup, userId: string, indexed: Omit<MembershipEntry, 'groupId'> | undefined): GroupExport {
  const membership = indexed && { member: indexed.member, since: indexed.since, ...(indexed.leftAt ? { leftAt: indexed.leftAt } : {}) };
  return { id: g.groupId, name: g.groupName, member: g.member, ...(membership ? { membership } : {}), ...(g.trace.group?.createdBy === userId ? { setUpByMe: true as const } : {}) };
}

/** Their learning needs as their partition keeps them: pass-ons (see `learningNeeds`), and what a withdrawal left. */
function learningNeedsOf(own: readonly { type: string }[]): MyDataExport['learningNeeds'] {
  return own.flatMap((r): MyDataExport['learningNeeds'] => {
    if (r.type === 'learningNeedWithdrawn') return [{ answerId: (r as LearningNeedWithdrawn).answerId, status: 'withdrawn' as const }];
    if (r.type !== 'learningNeedPassOn') return [];
    const p = r as LearningNeedPassOn;
    return [{ answerId: p.answerId, status: p.status, ...(p.theme ? { theme: p.theme } : {}), ...(p.text ? { text: p.text } : {}) }];
  });
}

/** The export: the person's own records plus everything of theirs inside their groups' records. */
export async function exportMyData(deps: VerantwoordingDeps, userId: string, language: Language): Promise<MyDataExport> {
  const ownRecords = deps.records.listAll(userId).then((records) => records.filter((r) => r.userId === userId));
  const [own, groups, overview, talentReviews, proposalsPutBeforeMe] = await Promise.all([
    ownRecords,
    tracesOf(deps, userId, 1000),
    buildOverview(deps, userId, language),
    ownRecords.then((records) => exportReviews(deps, userId, records)),
    putBeforeMe(deps, userId),
  ]);
  // Found as the erasure finds them, by the same ids (the tab's export knows no Teams id of its own).
  const pollsStarted = await exportPollsStarted(deps.dataRights.polls, { userId, platformIds: platformIdsOf(userId, groups, {}) });
  const prefs = ofType(own, 'preferences')[0];
  const traject = ofType(own, 'profTraject')[0];
  const summary = (own as unknown as { type: string }[]).find((r): r is PrepSummaryDoc => r.type === 'prepSummary');
  const teamChoices = (own as unknown as { type: string }[]).find((r): r is PrepTeamChoices => r.type === 'prepTeamChoices');
  const rebuildOwed = (own as unknown as { type: string }[]).find((r): r is PrepRefreshOwedDoc => r.type === 'prepRefreshOwed');
  const byTime = <T extends { at: string }>(list: T[]) => list.sort((a, b) => a.at.localeCompare(b.at));
  const index = ofType(own, 'membershipIndex')[0];
  const proposalRecords = new Map(groups.flatMap((g) => g.trace.proposals.map((p) => [`${g.groupId}/${p.id}`, p] as const)));
  return {
    format: 'lerend-werken.mijn-gegevens',
    version: 1,
    exportedAt: deps.clock.now().toISOString(),
    userId,
    ...(prefs ? { preferences: prefs } : {}),
    ...(traject ? { profTraject: traject } : {}),
    notes: ofType(own, 'note'),
    deletedNotes: ofType(own, 'deletedNote').map(deletedNoteExport).sort((a, b) => a.deletedAt.localeCompare(b.deletedAt)),
    personalAnswers: ofType(own, 'personalAnswer'),
    timeUsed: ofType(own, 'timeUsed'),
    activeWeeks: recordedWeeks(own).sort(),
    activeWeekRecords: ofType(own, 'activeWeek')
      .map(({ week, sessions, timeRecorded, recordedAt, updatedAt }) => ({ week, ...(sessions ? { sessions } : {}), ...(timeRecorded ? { timeRecorded } : {}), recordedAt, ...(updatedAt ? { updatedAt } : {}) }))
      .sort((a, b) => a.week.localeCompare(b.week)),
    trajectEnds: ofType(own, 'trajectEnd')
      .map(({ plannedWeeks, countsFrom, queuedAt, createdAt }) => ({ plannedWeeks, ...(countsFrom ? { countsFrom } : {}), ...(queuedAt ? { queuedAt } : {}), createdAt }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    cycles: overview.cycles.map(({ proposals: _p, answers: _a, ...c }) => c),
    groups: groups.map((g) => groupExport(g, userId, index?.groups[g.groupId])),
    startedWeeks: byTime(groups.flatMap((g) => g.trace.cycles.filter((c) => c.startedBy === userId).map((c) => ({ groupId: g.groupId, cycleId: c.id, weekNumber: c.weekNumber, at: c.startedAt })))),
    sessionsAttended: groups.flatMap((g) => attendedSessions(g.trace, userId).map((s) => ({ groupId: g.groupId, ...s }))).sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
    energyCheckIns: byTime(groups.flatMap((g) => g.trace.checkIns.filter((c) => c.memberId === userId).map((c) => ({ groupId: g.groupId, cycleId: c.cycleId, sessionId: c.sessionId, phase: c.phase, score: c.score, at: c.at })))),
    contributions: byTime(groups.flatMap((g) => g.trace.contributions.filter((c) => c.authorId === userId).map((c) => ({ groupId: g.groupId, cycleId: c.cycleId, sessionId: c.sessionId, questionId: c.questionId, text: c.text, at: c.at })))),
    judgements: byTime(groups.flatMap((g) => g.trace.judgements.filter((j) => j.memberId === userId).map((j) => ({ groupId: g.groupId, proposalId: j.proposalId, opinion: j.opinion, reason: j.reason, at: j.at })))),
    proposals: overview.cycles.flatMap((c) => c.proposals).map((p) => ({ ...p, ...myPartIn(proposalRecords.get(`${p.groupId}/${p.id}`), userId) })),
    talentReviews,
    learningNeeds: learningNeedsOf(own as unknown as { type: string }[]),
    pollsStarted,
    proposalsPutBeforeManager: putBeforeByMe(own as unknown as { type: string }[]),
    proposalsPutBeforeMe,
    ...(summary ? { prepSummary: { text: summary.text, language: summary.language, updatedAt: summary.updatedAt } } : {}),
    ...(teamChoices ? { prepTeamChoices: teamChoices.teams.map(({ teamId, shown, at }) => ({ teamId, shown, at })) } : {}),
    ...(rebuildOwed ? { prepRebuildOwedAt: rebuildOwed.at } : {}),
  };
}

export interface ErasureReport {
  groups: number;
  contributions: number;
  removed: number;
  records: number;
  reviews: number;
  messages: number;
}

/** What the caller knows of the person beyond the groups' member lists (the chat turn: their Teams id and tenant). */
export interface KnownAccount {
  platformId?: string;
  tenantId?: string;
  /** The key of the confirm card pressed for this erasure: the finished erasure leaves its receipt (erasure-receipt.ts). */
  confirmKey?: string;
}

const tenantOf = (ref: Record<string, unknown> | undefined) => (ref?.conversation as { tenantId?: unknown } | undefined)?.tenantId;
const conversationOf = (ref: Record<string, unknown>) => (ref.conversation as { id?: unknown } | undefined)?.id;
const strings = (values: unknown[]) => [...new Set(values.filter((v): v is string => typeof v === 'string' && v.length > 0))];

/** The person's Teams ids: as the caller knows it, and as their groups' member lists (or erasure marks) keep it. */
function platformIdsOf(userId: string, groups: PersonInGroup[], known: KnownAccount): string[] {
  return strings([known.platformId, ...groups.flatMap((g) => [g.trace.group?.members.find((m) => m.id === userId)?.teamsId, g.trace.group?.erasing?.find((e) => e.id === userId)?.teamsId])]);
}

/** Everything the outbox may hold of the person: private messages, their remembered 1:1 chat, prep cards about them. */
function outboxPerson(userId: string, groups: PersonInGroup[], reviews: ReviewTraces, known: KnownAccount): OutboxPerson {
  const refs = [...groups.map((g) => g.trace.group?.conversationRef), ...reviews.asManager.map((r) => r.conversationRef), ...reviews.asReport.map((r) => r.conversationRef)];
  return {
    userId,
    platformIds: platformIdsOf(userId, groups, known),
    tenantIds: strings([known.tenantId, ...refs.map(tenantOf)]),
    conversationIds: strings(reviews.asManager.map((r) => conversationOf(r.conversationRef))),
    mentions: reviews.asReport.flatMap((r) => {
      const conversationId = conversationOf(r.conversationRef);
      return typeof conversationId === 'string' && r.reportName ? [{ conversationId, text: r.reportName }] : [];
    }),
  };
}

/** Rounds of "read what is left of the person in their groups, anonymise it" before an erasure gives up (and is run again). */
const MAX_ERASURE_ROUNDS = 5;

/** The person's traces in these groups: one single-partition query per group, a few at a time. */
async function tracesIn(deps: VerantwoordingDeps, userId: string, groupIds: string[]): Promise<PersonInGroup[]> {
  const out: PersonInGroup[] = [];
  for (let i = 0; i < groupIds.length; i += 8) {
    const batch = await Promise.all(groupIds.slice(i, i + 8).map(async (groupId) => ({ groupId, trace: await deps.traces.traceOf(groupId, userId) })));
    for (const { groupId, trace } of batch) out.push({ groupId, groupName: trace.group?.name ?? '', member: false, trace });
  }
  return out;
}

/**
 * Takes the person off the member list of every group their membership index names (and the
 * ticket remembers), naming them there as being erased: from then on a card action of theirs,
 * which reads the group document anyway, does not make them a member again (ensureMember). The
 * ticket remembers the groups first, as the index is deleted before the groups let go of them.
 */
async function leaveGroupsForErasure(deps: VerantwoordingDeps, ticket: ErasureTicket, left: Set<string>): Promise<ErasureTicket> {
  const indexed = (await deps.membership.groupsOf(ticket.userId)).map((e) => e.groupId);
  const remembered = await rememberErasureGroups(deps, ticket, indexed);
  for (const groupId of remembered.groupIds ?? []) {
    if (left.has(groupId)) continue;
    const group = await deps.groups.get(groupId);
    if (group && markedForErasure(group, ticket.userId) !== group) await deps.groups.update(groupId, (g) => markedForErasure(g, ticket.userId));
    // After the mark: an addition of theirs whose write is still under way sees its session changed, and checks the group.
    if (group) await markOpenSessions(deps, groupId);
    left.add(groupId);
  }
  return remembered;
}

/** Changes each open session of the group (see `Session.membersChangedAt`); a rerun marks them again, which is harmless. */
async function markOpenSessions(deps: VerantwoordingDeps, groupId: string): Promise<void> {
  const at = deps.clock.now().toISOString();
  for (const id of await deps.sessions.openSessionIds(groupId)) {
    await deps.sessions.update(groupId, id, (s) => (s.status === 'open' ? { ...s, membersChangedAt: at } : s));
  }
}

/**
 * Lets go of the groups once nothing of the person is left in them or in their own partition: they
 * may join afresh. In the same ETag-guarded write the group forgets them once more: a write that
 * put them back after the erasure last read the group (a setup form saved meanwhile, still
 * listing them) is undone before the mark that would lead a rerun there is lifted.
 */
async function releaseGroupsAfterErasure(deps: VerantwoordingDeps, ticket: ErasureTicket): Promise<void> {
  for (const groupId of ticket.groupIds ?? []) {
    const group = await deps.groups.get(groupId);
    if (!group) continue;
    const at = deps.clock.now().toISOString();
    const released = (g: Group) => unmarkedForErasure(forgetInGroup(g, { userId: ticket.userId, marker: ticket.marker, language: g.language ?? deps.defaultLanguage }), ticket.userId, at);
    if (released(group) !== group) await deps.groups.update(groupId, released);
  }
}

/**
 * Deletes the person's own partition but the ticket, listing it again until a listing finds
 * nothing else: a record written meanwhile (a note from their other device, a membership index
 * entry from a group setup) is found and deleted too. Returns how many records went. A
 * membership index naming a group the erasure has not been through stops it (before that index
 * is deleted), so the rerun finds that group.
 *
 * A learning need the weekly handover has sealed is left to it: its batch may already have been
 * built from it, and deleting it here would not keep it out of that batch. The handover puts it
 * in the batch only when it was sealed before this erasure's ticket, and gives it back otherwise
 * (learning-needs.ts, giveBackToErasures); either way the erasure stops unfinished here, the
 * ticket and its resume job stay, and a rerun deletes it once stripped or given back. So the
 * erasure never reports done while a batch with the person's words is still to be written.
 * Waiting needs (and stripped ones) are deleted: one sealed after the read here belongs to an
 * erasure that had begun, so the handover gives it back instead of handing it over.
 */
async function deleteOwnRecords(deps: VerantwoordingDeps, ticket: ErasureTicket): Promise<number> {
  let deleted = 0;
  for (let round = 1; ; round++) {
    const left = (await deps.records.listAll(ticket.userId)).filter((r) => r.userId === ticket.userId && r.id !== ticket.id && r.type !== 'erasureTicket');
    const own = left.filter((r) => !isBeingHandedOver(r));
    if (!own.length) {
      if (left.length) throw new Error('erasure: a learning need of theirs is being handed over right now; run it again once it went');
      return deleted;
    }
    // A group they joined since the erasure last looked is found by this index alone: keep it for the rerun.
    const known = new Set(ticket.groupIds ?? []);
    const joined = own.some((r) => r.type === 'membershipIndex' && Object.keys(r.groups).some((groupId) => !known.has(groupId)));
    if (joined) throw new Error('erasure: they joined another group meanwhile; run it again');
    if (round > MAX_ERASURE_ROUNDS) throw new Error('erasure: their own records kept coming; run it again');
    for (const r of own) await deps.records.delete(ticket.userId, r.id);
    deleted += own.length;
  }
}

/**
 * Erases a professional (see domain/verantwoording/erasure.ts for what stays with the group,
 * anonymously), in an order that can simply run again after a failure at any point:
 * 1. the erasure ticket (its random marker; deleted last, so a rerun writes the same documents);
 * 2. the person leaves their groups' member lists and is named there as being erased, so a card
 *    action of theirs meanwhile is refused instead of joining them again (no extra request per click);
 * 3. the outbox is purged (their Teams id as the groups knew it), their talentontwikkelgesprekken
 *    are anonymised;
 * 4. their traces in the groups are read and anonymised, and read again until a read finds
 *    nothing of theirs: an action whose turn began before they left and stored its item since is
 *    found too, while their membership index (and the ticket) still lead to those groups;
 * 5. their own partition is deleted (the membership index with it), listed again until nothing
 *    but the ticket is left, first listed a save window after the ticket (save-window.ts: a save
 *    of theirs in flight when the erasure began has ended by then); then the groups forget them
 *    once more and let go of them, and the ticket goes last.
 * With the ticket, a job is scheduled that runs the erasure again while the ticket is there
 * (erasure-resume.ts): an interrupted erasure finishes without the person. A failure after the
 * ticket was written leaves it unfinished, not undone: see tryEraseMyData.
 */
export async function eraseMyData(deps: VerantwoordingDeps, userId: string, known: KnownAccount = {}): Promise<ErasureReport> {
  const outcome = await tryEraseMyData(deps, userId, known);
  if (!outcome.done) throw outcome.error;
  return outcome.report;
}

/**
 * How an erasure ended. Not done and `started`: the ticket was written, so something may already
 * be erased (anonymised in the groups, off their member lists) and "nothing happened" would not be
 * true; `resumes` says whether the app finishes it by itself. Not started: nothing was erased.
 */
export type ErasureOutcome = { done: true; report: ErasureReport } | { done: false; started: boolean; resumes: boolean; error: unknown };

/** The erasure, with how it ended as a value (for an answer that says which): eraseMyData's steps. */
export async function tryEraseMyData(deps: VerantwoordingDeps, userId: string, known: KnownAccount = {}): Promise<ErasureOutcome> {
  let ticket: ErasureTicket;
  try {
    ticket = await erasureTicket(deps, userId);
  } catch (error) {
    return { done: false, started: false, resumes: false, error };
  }
  // From here on the ticket is stored: a save's check made later is refused (see saveWindowClosed).
  const ticketHeldSince = windowClockNow(deps);
  const resumes = await scheduleErasureResume(deps, ticket);
  try {
    if (known.confirmKey) ticket = await rememberErasureReceipt(deps, ticket, known.confirmKey);
    const report = await eraseWithTicket(deps, ticket, known, ticketHeldSince);
    await cancelErasureResume(deps, ticket.marker);
    return { done: true, report };
  } catch (error) {
    return { done: false, started: true, resumes, error };
  }
}

/** Runs of one resume round before it hands over to the next round (the scheduler's retries: 20 s, 40 s, 80 s apart). */
const QUICK_RESUME_RETRIES = 4;

/**
 * The background resume of an unfinished erasure (its job knows only the ticket's marker). Nothing
 * to do once the ticket is gone. A failed run schedules the next round (idempotent), an hour
 * later; the round's job is retried soon a few times (`attempt`, a passing fault) and then hands
 * over to that next round, so rounds do not pile up under the scheduler's day of retries. A later
 * round finds no ticket.
 */
export async function resumeErasure(deps: VerantwoordingDeps, payload: ErasureResumePayload, attempt = Number.POSITIVE_INFINITY): Promise<'erased' | 'nothing left' | 'next round'> {
  const ticket = await deps.records.erasureTicketWithMarker(payload.marker);
  if (!ticket) return 'nothing left';
  try {
    await eraseMyData(deps, ticket.userId);
    return 'erased';
  } catch (err) {
    const next = payload.round < MAX_RESUME_ROUNDS && (await scheduleErasureResume(deps, ticket, payload.round + 1));
    // Retried soon for a passing fault; after that the next round takes over (the scheduler would retry it for a day).
    if (next && attempt >= QUICK_RESUME_RETRIES) return 'next round';
    throw err;
  }
}

async function eraseWithTicket(deps: VerantwoordingDeps, first: ErasureTicket, known: KnownAccount, ticketHeldSince: number): Promise<ErasureReport> {
  let ticket = first;
  const { userId, marker } = ticket;
  const left = new Set<string>();
  ticket = await leaveGroupsForErasure(deps, ticket, left);
  // A member's press checks for an erasure by the group it reads anyway (no request of its own:
  // a personal answer, `openSaveWindowBeforeGroupRead`), so the window counts from these marks too.
  const groupsMarkedSince = windowClockNow(deps);
  let groups = await tracesIn(deps, userId, ticket.groupIds ?? []);
  const reviewsOf = await reviewTraces(deps, userId);
  const { messages } = await deps.dataRights.outbox.forgetPerson(outboxPerson(userId, groups, reviewsOf, known));
  // The B3-spiegel polls they started keep their ids (and perhaps their 1:1 chat) otherwise.
  await forgetPollStarter(deps.dataRights.polls, outboxPerson(userId, groups, reviewsOf, known));
  await deps.dataRights.pollMarkers?.forget(outboxPerson(userId, groups, reviewsOf, known));
  // Join offers scheduled before their job ids were random have a hash of the person's id as id.
  await forgetLegacyOfferJobs(deps.dataRights.jobs, userId, groups.flatMap((g) => g.trace.cycles.map((c) => c.id)));
  const reviews = await eraseReviews(deps, reviewsOf, { userId, marker, language: deps.defaultLanguage });
  // As a manager: proposals put before them keep the answer's words, no longer their name (their own records go with their partition).
  await deps.dataRights.proposalsToManager?.forgetManager(userId);
  // As a manager: the requests their reports keep of asking them no longer name them (the records stay the reports').
  await deps.dataRights.reviewRequests?.forgetManager(userId);
  // As a member: their managers' kept accounts to the team no longer name them (a run again finds none naming them).
  await deps.dataRights.teamAccounts?.forgetRecipient(userId);
  let contributions = 0;
  let removed = 0;
  // Their check-ins as found in each round: a round closed with one just before it was deleted shows up in the next.
  const erasedCheckIns = new Map<string, CheckIn[]>();
  for (let round = 1; ; round++) {
    let changed = false;
    for (const g of groups) {
      const who: Anonymiser = { userId, marker, language: g.trace.group?.language ?? deps.defaultLanguage };
      const erased = erasedCheckIns.get(g.groupId) ?? [];
      const changes = forgetInGroupTrace(g.groupId, g.trace, who, erased);
      const theirs = g.trace.checkIns.filter((c) => c.memberId === userId && !erased.some((e) => e.id === c.id));
      erasedCheckIns.set(g.groupId, [...erased, ...theirs]);
      if (isNoErasure(changes)) continue;
      changed = true;
      // Before the check-ins go: a run interrupted after their removal would not find the averages made with them.
      const checkIns = [...g.trace.checkIns, ...erased];
      for (const id of changes.sessionIds) await deps.sessions.update(g.groupId, id, (current) => forgetInSession(current, checkIns, who));
      await deps.traces.applyErasure(g.groupId, changes);
      for (const id of changes.proposalIds) await deps.proposals.update(g.groupId, id, (p) => forgetInProposal(p, who));
      for (const id of changes.cycleIds) await deps.cycles.update(g.groupId, id, (c) => forgetInCycle(c, who));
      if (changes.group) await deps.groups.update(g.groupId, (current) => forgetInGroup(current, who));
      contributions += changes.rewrite.length;
      // A contribution's original is swapped for its anonymous copy: counted as kept, not removed.
      removed += changes.remove.length - changes.rewrite.length;
    }
    const before = left.size;
    // A group they joined meanwhile (its index entry written since) is left as well.
    ticket = await leaveGroupsForErasure(deps, ticket, left);
    if (!changed && left.size === before) break;
    if (round >= MAX_ERASURE_ROUNDS) throw new Error('erasure: the groups kept changing; run it again');
    groups = await tracesIn(deps, userId, ticket.groupIds ?? []);
  }
  // A save of theirs whose check found no ticket yet (or a member's press that found the group
  // unmarked) ends within the save window (answered and stored, or taken back by itself): the
  // partition's last sweep starts once that window closed, so it finds what such a save stored
  // (save-window.ts). Mostly passed by now: this run's steps take time too.
  await saveWindowClosed(deps, Math.max(ticketHeldSince, groupsMarkedSince));
  // The conversations they planned, read again: a plan of theirs whose create was answered within
  // the window may have landed after the first read (the talent review's plan keeps to the window too).
  const plannedSince = await deps.dataRights.reviews.asManager(userId);
  const latePlans = plannedSince.length ? await eraseReviews(deps, { asManager: plannedSince, asReport: [] }, { userId, marker, language: deps.defaultLanguage }) : 0;
  // And the polls they started: a start of theirs answered within the window may have stored its poll after the first look (start-poll.ts).
  await forgetPollStarter(deps.dataRights.polls, outboxPerson(userId, groups, reviewsOf, known));
  // The membership index goes with the rest; the ticket still names the groups to let go of.
  const records = await deleteOwnRecords(deps, ticket);
  await releaseGroupsAfterErasure(deps, ticket);
  // The receipts of its confirm presses, then the erasure's own ticket, last of all: until then a
  // re-run reuses its marker, groups and receipts (a run pressed at the same time leaves its own).
  await leaveErasureReceipts(deps, ticket);
  await deps.records.delete(userId, ticket.id);
  return { groups: groups.length, contributions, removed, records, reviews: reviews + latePlans, messages };
}
