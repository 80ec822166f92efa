import { teamLabels } from '../../domain/shared/team-labels';
import { Language } from '../../domain/framework/framework';
import { grantedTime, GrantedTime } from '../../domain/talent-review/learning-time';
import { MaturityPhase, phaseForConversation } from '../../domain/talent-review/maturity';
import { TeamPulse } from '../../domain/talent-review/ports';
import { prepSummaryItems } from '../../domain/talent-review/prep-summary';
import { notesShown, reflectionsShown } from '../../domain/talent-review/prep-shown';
import {
  conversationHeld,
  inManagerChat,
  PrepCardMessage,
  prepCardLanguage,
  prepCardsDroppedBy,
  prepDelivered,
  prepDeliveryAttempt,
  prepDueAt,
  prepNotDelivered,
  prepRefreshJobId,
  remembersPrepCard,
  samePrepCard,
  sharingChanged,
  TalentReview,
  withPrepCard,
} from '../../domain/talent-review/review';
import { DomainError } from '../../domain/shared/errors';
import { isDirectoryOutage } from '../../domain/directory/manager-directory';
import { JobScheduler } from '../../domain/scheduling/job';
import { ScheduledJobPurge } from '../../domain/verantwoording/erasure-ports';
import { ERASED_ID } from '../../domain/verantwoording/erasure';
import { forgetReportInReview } from '../../domain/verantwoording/erasure-reviews';
import { ErasureTicket, erasureTicketId } from '../../domain/verantwoording/erasure-ticket';
import { GroupTrace, MembershipEntry } from '../../domain/week-cycle/ports';
import { leftAtOf, proposalsContributedTo } from '../verantwoording/group-traces';
import { ProposalSummary, summariseProposal } from '../verantwoording/overview';
import { SharedVerantwoording, sharedWithManager } from '../verantwoording/shared-with-manager';
import { TalentReviewDeps } from './deps';
import { loadOwnReview } from './plan-review';
import { scheduleManagerCheck } from './prep-manager-check';
import { prepSummaryWithin, prepSummaryWithoutWaiting } from './prep-summary';
import { preferredLanguage } from '../verantwoording/preferences';
import { prepTeams, PrepTeams } from './prep-teams';

/** One shared week on the prep card: the professional's own figure where they corrected it. */
export interface SharedWeek {
  groupName: string;
  weekNumber?: number;
  hours: number;
  /** The professional's own figure: then no count of the system is shown beside it. */
  corrected: boolean;
  sessionsAttended: number;
}

/** Everything on a prep card: only what the report shared, plus the manager's own part. */
export interface PrepView {
  review: Pick<TalentReview, 'id' | 'reportName' | 'facilitated' | 'facilitatedAt' | 'shareFacilitation'> & { date?: string; timeZone: string };
  /** The professional's preview ("wat ziet mijn leidinggevende?"): the same content, without the manager's inputs. */
  preview: boolean;
  time: { hoursUsed: number; granted: GrantedTime; weeks: SharedWeek[] };
  /**
   * Newest first. `source` says whose text it is: an undecided AI draft is the AI's, never shown as
   * the group's. Not the first step: it names who does what ("wie doet wat, wanneer?") and stays with the group.
   */
  proposals: Pick<ProposalSummary, 'groupName' | 'source' | 'text' | 'status' | 'reason'>[];
  /** The reflections the card shows, newest first (prep-shown.ts); `moreReflections` counts the older ones it leaves out. */
  reflections: { question: string; text: string }[];
  moreReflections?: number;
  /** The notes the card shows, newest first; `moreNotes` counts the older ones it leaves out. */
  notes: string[];
  moreNotes?: number;
  traject?: { learningNeeds: string; talents: string; plannedWeeks: number };
  phase: { own?: MaturityPhase; proposed?: MaturityPhase; talkingPoints?: MaturityPhase };
  /** The report's teams the card shows (prep-teams.ts: shared with the manager, or as the report chose) and each one's B3-spiegel aggregate. */
  teams: { name?: string; pulse: TeamPulse }[];
  aiSummary?: string;
}

/** What a prep card is built from: a planned conversation, or for a preview the one the manager would plan. */
export type PrepSubject = Pick<TalentReview, 'id' | 'managerId' | 'reportId' | 'reportName' | 'timeZone' | 'facilitated' | 'facilitatedAt' | 'shareFacilitation' | 'phaseProposal'> & {
  date?: string;
  tenantId?: string;
};

export function tenantOfReview(review: Pick<TalentReview, 'conversationRef'>): string | undefined {
  return (review.conversationRef.conversation as { tenantId?: string } | undefined)?.tenantId;
}

export function subjectOf(review: TalentReview): PrepSubject {
  return { ...review, tenantId: tenantOfReview(review) };
}

/**
 * Proposals of the weeks the report shared, that they helped make: every decided one (a rejection
 * too, which keeps no text), and an undecided one that has an AI draft to show, marked as such.
 * Newest first, as the card shows only the most recent ones.
 */
function sharedProposals(traces: Map<string, GroupTrace>, memberships: MembershipEntry[], shared: SharedVerantwoording): PrepView['proposals'] {
  const sharedCycles = new Set(shared.timeUsed.map((t) => t.cycleId));
  return [...traces.entries()]
    .flatMap(([groupId, trace]) => proposalsContributedTo(trace, shared.userId, leftAtOf(trace, shared.userId, memberships.find((m) => m.groupId === groupId))))
    .filter((p) => sharedCycles.has(p.cycleId))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
    .map(summariseProposal)
    .filter((p) => p.source !== 'none')
    .map(({ groupName, source, text, status, reason }) => ({ groupName, source, text, status, ...(reason ? { reason } : {}) }));
}

function sharedWeeks(traces: Map<string, GroupTrace>, shared: SharedVerantwoording): SharedWeek[] {
  return shared.timeUsed
    .map((t) => {
      const trace = traces.get(t.groupId);
      const cycle = trace?.cycles.find((c) => c.id === t.cycleId);
      return {
        groupName: trace?.group?.name ?? '',
        ...(cycle ? { weekNumber: cycle.weekNumber } : {}),
        hours: t.hours,
        corrected: t.corrected,
        sessionsAttended: t.sessionsAttended,
      };
    })
    .sort((a, b) => a.groupName.localeCompare(b.groupName) || (a.weekNumber ?? 0) - (b.weekNumber ?? 0));
}

/**
 * Builds a prep card's content. The report's data comes only through `sharedWithManager`, so a
 * private entry cannot reach the card; the same function serves the manager and the preview.
 * The AI summary is the one stored for what is shared (prep-summary.ts), in the manager's language:
 * `language` for the manager's card, `summaryLanguage` for a preview in the professional's language;
 * when the manager chose no language, the one stored for the same items, whatever its language
 * (PrepSummaryInput), so the preview and the card never replace each other's.
 * `inTurn`: rendered in someone's turn, which waits for a new summary only briefly (deps.turnSummary).
 * `summaryLater`: rendered by the outbox, which waits for no new summary at all: it is handed
 * the summary still being made (prepSummaryWithoutWaiting).
 */
export async function assemblePrep(deps: TalentReviewDeps, subject: PrepSubject, language: Language, opts: AssembleOptions): Promise<PrepView> {
  return (await assemblePrepWithTeams(deps, subject, language, opts)).view;
}

type AssembleOptions = { preview: boolean; summaryLanguage?: Language; inTurn?: boolean; summaryLater?: (made: Promise<string | undefined>) => void };

/**
 * assemblePrep, with every team of the report and the professional's choices about them (their
 * preview's toggles). The card shows only the teams `teams.shown` names: a team the professional
 * switched off (or that is not shown by default) is not even asked for its B3-spiegel.
 */
export async function assemblePrepWithTeams(deps: TalentReviewDeps, subject: PrepSubject, language: Language, opts: AssembleOptions): Promise<{ view: PrepView; teams: PrepTeams }> {
  const shared = await sharedWithManager(deps.verantwoording, subject.reportId, language);
  const groupIds = [...new Set(shared.timeUsed.map((t) => t.groupId))];
  const [traceList, reportTeams, memberships, managerChose] = await Promise.all([
    Promise.all(groupIds.map((g) => deps.verantwoording.traces.traceOf(g, subject.reportId))),
    prepTeams(deps, subject),
    // When they left a group, for its proposals as they stood then (group-traces.ts, leftAtOf).
    deps.verantwoording.membership.groupsOf(subject.reportId),
    preferredLanguage(deps.verantwoording, subject.managerId),
  ]);
  const traces = new Map(groupIds.map((g, i) => [g, traceList[i]!]));
  const teams = reportTeams.shown;
  // Two teams of one name read apart by the same mark as in HR's report (teamLabels), among the teams the card shows.
  const labels = teamLabels(teams.map((team) => ({ name: team.name ?? '', teamId: team.teamId })));
  const pulses = await Promise.all(teams.map(async (team, i) => ({ ...(team.name ? { name: labels[i]! } : {}), pulse: subject.tenantId ? await deps.pulse.latest(subject.tenantId, team.teamId) : ({ status: 'none' } as TeamPulse) })));
  const traject = shared.profTraject;
  // The same pick the AI summary is made of (prepSummaryItems), so it summarises what the card shows.
  const reflections = reflectionsShown(shared.personalAnswers);
  const notes = notesShown(shared.notes);
  const view: PrepView = {
    review: {
      id: subject.id,
      reportName: subject.reportName,
      ...(subject.date ? { date: subject.date } : {}),
      timeZone: subject.timeZone,
      // The manager's own account is theirs: the professional reads it after the conversation, not in a preview.
      ...(!opts.preview && subject.facilitated ? { facilitated: subject.facilitated, facilitatedAt: subject.facilitatedAt, shareFacilitation: subject.shareFacilitation === true } : {}),
    },
    preview: opts.preview,
    time: {
      hoursUsed: shared.timeUsed.reduce((sum, t) => sum + t.hours, 0),
      granted: grantedTime(deps.learningHoursPerWeek, traject?.plannedWeeks),
      weeks: sharedWeeks(traces, shared),
    },
    proposals: sharedProposals(traces, memberships, shared),
    reflections: reflections.shown.map((a) => ({ question: a.question, text: a.text })),
    ...(reflections.more ? { moreReflections: reflections.more } : {}),
    notes: notes.shown.map((n) => n.text),
    ...(notes.more ? { moreNotes: notes.more } : {}),
    ...(traject ? { traject: { learningNeeds: traject.learningNeeds, talents: traject.talents, plannedWeeks: traject.plannedWeeks } } : {}),
    phase: phaseForConversation(traject?.maturityPhase, subject.phaseProposal?.phase),
    teams: pulses,
  };
  // Made once for what is shared and stored: the preview and every render of the manager's card show the same text.
  // A turn waits for a new one only briefly, the outbox not at all: the summary then comes with a later render.
  const summaryInput = { language: opts.summaryLanguage ?? language, items: prepSummaryItems(shared), ...(managerChose ? {} : { anyLanguage: true }) };
  const aiSummary = opts.summaryLater
    ? await prepSummaryWithoutWaiting(deps, subject.reportId, summaryInput, opts.summaryLater)
    : await prepSummaryWithin(deps, subject.reportId, summaryInput, opts.inTurn ? deps.turnSummary : undefined);
  if (aiSummary) view.aiSummary = aiSummary;
  return { view, teams: reportTeams };
}

/**
 * Whether a review's prep card may be shown in a message: only in the manager's chat where the
 * conversation was planned, as only messages there are remembered and rebuilt; anywhere else the
 * card would keep what the report later takes back. Refuses (forbidden) anyone but its manager.
 */
export async function prepShowableIn(deps: TalentReviewDeps, managerId: string, reviewId: string, shownIn: PrepCardMessage | undefined): Promise<boolean> {
  // Moved by a press at the same moment: the moved conversation's prep goes to the same chat.
  const review = await loadOwnReview(deps, managerId, reviewId, { followMove: true });
  return shownIn !== undefined && inManagerChat(review, shownIn);
}

/**
 * The prep card for the direct manager of a planned conversation. `shownIn`, the message that will
 * show it, is remembered, so it is rebuilt when the report changes what they share; a message
 * that cannot be (prepShowableIn) is refused.
 */
export async function buildPrep(deps: TalentReviewDeps, managerId: string, reviewId: string, language: Language, shownIn: PrepCardMessage | undefined): Promise<PrepView & { revision: number }> {
  const review = await loadOwnReview(deps, managerId, reviewId);
  if (!shownIn || !inManagerChat(review, shownIn)) throw new DomainError('forbidden', 'prep card outside the chat it was planned in');
  const view = await assemblePrep(deps, subjectOf(review), language, { preview: false, inTurn: true });
  const revision = review.sharedRevision ?? 0;
  await rememberPrepCard(deps, managerId, reviewId, { ...shownIn, language }, revision);
  return { ...view, revision };
}

/**
 * A prep card built by buildPrep (of the report's sharing at `revision`) reached its message. It
 * may have come late (Teams answered its update with a 503 and the retry landed later): after a
 * rebuild that the report's change of sharing queued meanwhile, whose card it replaced. Then the
 * message is rebuilt once more, from what they share now.
 */
export async function prepCardLanded(deps: TalentReviewDeps, managerId: string, reviewId: string, card: PrepCardMessage, revision: number): Promise<void> {
  const review = await deps.reviews.get(managerId, reviewId);
  if (!review || !inManagerChat(review, card) || !remembersPrepCard(review, card) || (review.sharedRevision ?? 0) <= revision) return;
  await deps.prepCards.refresh(review, card, `${refreshKey(review, card)}:after:${revision}`);
}

/**
 * The language a remembered message was last rendered in, for its rebuild outside the manager's
 * turn; undefined when it is not remembered (or was before languages were).
 */
export async function rememberedPrepLanguage(deps: TalentReviewDeps, managerId: string, reviewId: string, card: PrepCardMessage): Promise<Language | undefined> {
  const review = await deps.reviews.get(managerId, reviewId);
  return review ? prepCardLanguage(review, card) : undefined;
}

/**
 * The scheduled prep card reached the manager's chat (the outbox's onSent, also for a delivery
 * that came after the job stopped waiting): from now on it counts as received, and its message
 * is remembered, in the language it was rendered in. `summaryLater`: it went without the AI
 * summary, which was being made; when it was stored before the message was remembered (so
 * summaryStored did not rebuild it), the message is rebuilt now to show it.
 */
export async function scheduledPrepLanded(deps: TalentReviewDeps, managerId: string, reviewId: string, card: PrepCardMessage, renderedRevision: number, summaryLater = false): Promise<void> {
  const now = deps.clock.now();
  await deps.reviews.update(managerId, reviewId, (r) => prepDelivered(r, now));
  await rememberPrepCard(deps, managerId, reviewId, card, renderedRevision);
  if (!summaryLater) return;
  const review = await deps.reviews.get(managerId, reviewId);
  if (review && inManagerChat(review, card) && remembersPrepCard(review, card) && (await deps.prepSummaries.get(review.reportId))) {
    await deps.prepCards.refresh(review, card, summaryKey(review, card));
  }
}

/** The report's erasure, while it runs: its ticket is in their partition until the very end. */
async function erasureOf(deps: TalentReviewDeps, reportId: string): Promise<ErasureTicket | undefined> {
  const r = await deps.verantwoording.records.get(reportId, erasureTicketId(reportId));
  return r?.type === 'erasureTicket' ? r : undefined;
}

/**
 * A prep card as it is sent: built from what the report shares at this moment, with the revision
 * of their sharing it shows (read first: a change after it makes the card out of date). Undefined
 * when the review is gone, the planner no longer manages the report, or the report is erased or
 * being erased (their data is still there until the erasure ends, and must not reach a card).
 * Undefined too for a rebuild of a message (`shownIn`) the review no longer remembers: it was
 * dropped and withdrawn, and nothing would rebuild it again after this.
 *
 * It is rendered by the outbox, which must send it at once (a rebuild takes back what the report
 * no longer shares, and every other message of the instance waits behind a slow render): it never
 * waits for a new AI summary. `summaryLater` then says one is being made; once it is stored the
 * messages the review remembers are rebuilt with it (summaryStored), and a scheduled card that
 * lands after that is rebuilt when it is remembered (scheduledPrepLanded).
 */
export async function currentPrep(
  deps: TalentReviewDeps,
  managerId: string,
  reviewId: string,
  language: Language,
  shownIn?: PrepCardMessage,
): Promise<{ view: PrepView; revision: number; summaryLater?: true } | undefined> {
  const review = await deps.reviews.get(managerId, reviewId);
  if (!review || review.reportId === ERASED_ID) return undefined;
  if (shownIn && !remembersPrepCard(review, shownIn)) return undefined;
  // The erasure first: a report being erased is withdrawn from the card whether or not the directory answers.
  if (await erasureOf(deps, review.reportId)) return undefined;
  if ((await deps.directory.managerOf(review.reportId)) !== managerId) return undefined;
  let summaryLater = false;
  const later = (made: Promise<string | undefined>) => {
    summaryLater = true;
    const followed = made.then(async (text) => {
      if (text) await summaryStored(deps, managerId, reviewId);
    });
    if (deps.turnSummary) deps.turnSummary.finish(followed);
    else void followed.catch(() => undefined); // nothing to log to: the next render asks again
  };
  const view = await assemblePrep(deps, subjectOf(review), language, { preview: false, summaryLater: later });
  return { view, revision: review.sharedRevision ?? 0, ...(summaryLater ? { summaryLater: true as const } : {}) };
}

/** One rebuild per message for the summary made after its render, per revision of the sharing it summarises. */
function summaryKey(review: TalentReview, card: PrepCardMessage): string {
  return `${refreshKey(review, card)}:summary`;
}

/**
 * A summary made after a card went without it is stored: every message the review remembers is
 * rebuilt to show it (a rebuild renders the stored summary of what is shared then, or none).
 */
async function summaryStored(deps: TalentReviewDeps, managerId: string, reviewId: string): Promise<void> {
  const review = await deps.reviews.get(managerId, reviewId);
  if (!review || review.reportId === ERASED_ID) return;
  for (const card of (review.prepCards ?? []).filter((c) => inManagerChat(review, c))) await deps.prepCards.refresh(review, card, summaryKey(review, card));
}

export type ScheduledPrepOutcome = 'sent' | 'deliveryPending' | 'notDelivered' | 'alreadySent' | 'notManager' | 'gone' | 'notDue' | 'directoryUnavailable' | 'conversationHeld';

/**
 * The scheduled prep card: sent once, and only while the planner is still the direct manager.
 * It is rendered when it is sent (currentPrep), so it shows what the report shares then. It
 * counts as received (`prepSentAt`) only once it reached the chat: `deliveryPending` while Teams
 * fails transiently (the job asks again later), `notDelivered` when Teams refused it for good,
 * recorded so planning the conversation again sends it, instead of saying it was received.
 * `conversationHeld`: the job ran only after the conversation's day, and nothing was sent.
 */
export async function sendScheduledPrep(deps: TalentReviewDeps, managerId: string, reviewId: string): Promise<ScheduledPrepOutcome> {
  const review = await deps.reviews.get(managerId, reviewId);
  if (!review) return 'gone';
  if (review.prepSentAt) return 'alreadySent';
  // A job of an earlier plan (the manager moved the prep card later): the current plan's job sends it.
  if (prepDueAt(review, deps.clock.now(), deps.holidays).getTime() > deps.clock.now().getTime()) return 'notDue';
  // A job run late (the app down past the conversation, a stalled scheduler): a card asking to
  // prepare a conversation already held is stale, whatever the directory says. Nothing is sent.
  if (conversationHeld(review, deps.clock.now())) return 'conversationHeld';
  let manager: string | undefined;
  try {
    manager = await deps.directory.managerOf(review.reportId);
  } catch (err) {
    // The directory did not answer: the card is still worth sending until the conversation is held
    // (the job asks again; once the conversation is held it ends above).
    if (isDirectoryOutage(err)) return 'directoryUnavailable';
    throw err;
  }
  // "No manager" is a gap in the directory (an HR sync, a 404 from Graph), not a move to someone
  // else, as for the daily manager check: the card waits for it until the conversation is held.
  if (manager === undefined) return 'directoryUnavailable';
  if (manager !== managerId) return 'notManager';
  const attempt = prepDeliveryAttempt(review);
  const delivery = await deps.prepCards.post(review);
  if (delivery === 'pending') return 'deliveryPending';
  const now = deps.clock.now();
  if (delivery === 'delivered') {
    await deps.reviews.update(managerId, reviewId, (r) => prepDelivered(r, now));
    return 'sent';
  }
  await deps.reviews.update(managerId, reviewId, (r) => prepNotDelivered(r, attempt, now));
  return 'notDelivered';
}

function refreshKey(review: TalentReview, card: PrepCardMessage): string {
  return `${review.id}:${card.conversationId}:${card.activityId}:${review.sharedRevision ?? 0}`;
}

/** One withdrawal per dropped message, per message that dropped it, and per step (`phase`) of rememberPrepCard. */
function withdrawKey(review: TalentReview, dropped: PrepCardMessage, droppedFor: PrepCardMessage, phase: 'dropping' | 'dropped'): string {
  return `${review.id}:${dropped.conversationId}:${dropped.activityId}:${droppedFor.activityId}:${phase}`;
}

async function withdrawPrepCards(deps: TalentReviewDeps, review: TalentReview, dropped: PrepCardMessage[], droppedFor: PrepCardMessage, phase: 'dropping' | 'dropped'): Promise<void> {
  for (const card of dropped) await deps.prepCards.withdraw(review, card, withdrawKey(review, card, droppedFor, phase));
}

/**
 * Remembers a message that shows the prep card. When the report changed what they share after
 * the card was rendered (it was on its way when they did), its rebuild is queued now. The review
 * is changed under its ETag, so either this or refreshPrepCards sees the other's change.
 *
 * A new message schedules the daily manager check (prep-manager-check.ts), which withdraws it
 * once the directory no longer makes the planner the report's manager.
 *
 * A message dropped to make room (MAX_PREP_CARDS) is withdrawn, twice. Before it is forgotten: a
 * crash in between leaves a withdrawn message still remembered (the next change rebuilds it),
 * never a forgotten one still showing the prep; a redelivery reads the same messages and queues
 * the same withdrawals, once by their keys. Again after: a rebuild that a change of sharing
 * queued while the message was still remembered, and that went out after the first withdrawal,
 * is followed by this one (one chat's messages go out in order); a rebuild queued later finds
 * the message forgotten (currentPrep).
 */
export async function rememberPrepCard(deps: TalentReviewDeps, managerId: string, reviewId: string, card: PrepCardMessage, renderedRevision: number): Promise<void> {
  const seen = await deps.reviews.get(managerId, reviewId);
  // A new message shows the prep: the daily manager check must run while it does (before it is
  // remembered, so a failure here stores nothing; the day's check is scheduled once).
  if (seen && inManagerChat(seen, card) && !remembersPrepCard(seen, card)) await scheduleManagerCheck(deps);
  if (seen) await withdrawPrepCards(deps, seen, prepCardsDroppedBy(seen, card), card, 'dropping');
  // What every attempt dropped: one whose answer was lost did write, and its retry drops nothing.
  const dropped: PrepCardMessage[] = [];
  const review = await deps.reviews.update(managerId, reviewId, (r) => {
    for (const d of prepCardsDroppedBy(r, card)) if (!dropped.some((c) => samePrepCard(c, d))) dropped.push(d);
    return withPrepCard(r, card);
  });
  await withdrawPrepCards(deps, review, dropped, card, 'dropped');
  if (!inManagerChat(review, card)) return;
  if ((review.sharedRevision ?? 0) > renderedRevision) await deps.prepCards.refresh(review, card, refreshKey(review, card));
}

/**
 * The report changed what they share: every message showing a prep card about them is rebuilt in
 * place from what they share now, so nothing they took back stays in a manager's chat. Returns
 * how many rebuilds were queued.
 *
 * While the report is being erased (the erasure calls this before it removes the reviews), each
 * rebuild is queued for the review as the erasure leaves it: it names nobody, so the queued job
 * keeps nothing of the report, and the card it renders is the "no longer available" one.
 */
export async function refreshPrepCards(deps: TalentReviewDeps, reportId: string): Promise<number> {
  const erasure = await erasureOf(deps, reportId);
  let queued = 0;
  for (const managerId of await deps.reviewManagers.managersOf(reportId)) {
    for (const { id } of await deps.reviews.listAbout(managerId, reportId)) {
      const review = await deps.reviews.update(managerId, id, sharingChanged);
      const shown = erasure ? forgetReportInReview(review, { userId: reportId, marker: erasure.marker, language: deps.verantwoording.defaultLanguage }) : review;
      // Only the manager's own chat: a message elsewhere (remembered by an earlier version) is never rebuilt into a prep card.
      for (const card of (review.prepCards ?? []).filter((c) => inManagerChat(review, c))) {
        await deps.prepCards.refresh(shown, card, refreshKey(shown, card));
        queued++;
      }
    }
  }
  return queued;
}

/** The scheduled job that retries a rebuild of a report's prep cards (payload: `reportId`). */
export const PREP_REFRESH_JOB = 'review.prepRefresh';

/** How long a prep card waits for a directory that did not answer before it is tried again. */
export const DIRECTORY_RETRY_MS = 10 * 60_000;

/**
 * A rebuild of a card in the chat that found the directory unavailable: the card shows nothing of
 * the report meanwhile (what they took back must not stay on it), and this job rebuilds the
 * report's cards once the directory answers: tried again every DIRECTORY_RETRY_MS, one job per
 * window (a finished job's id would make scheduling it again a no-op).
 */
export async function rebuildWhenDirectoryAnswers(deps: TalentReviewDeps, managerId: string, reviewId: string): Promise<void> {
  const review = await deps.reviews.get(managerId, reviewId);
  if (!review || review.reportId === ERASED_ID) return;
  const at = deps.clock.now().getTime() + DIRECTORY_RETRY_MS;
  const window = Math.floor(at / DIRECTORY_RETRY_MS);
  await deps.scheduler.schedule({ id: `${prepRefreshJobId(review.reportId)}_directory_${window}`, kind: PREP_REFRESH_JOB, dueAt: new Date(at).toISOString(), payload: { reportId: review.reportId } });
}

/** Where a failed rebuild waits: `forget` first, as a finished run of the same id would make `schedule` a no-op. */
export type PrepRefreshRetries = JobScheduler & ScheduledJobPurge;

export type SharingFollowed = { outcome: 'rebuilt' } | { outcome: 'retrying' | 'owed' | 'notRetried'; error: unknown };

/**
 * After the report stored a change of what they share: their prep cards are rebuilt now; when
 * that fails (Cosmos DB, the outbox), by a durable job that the scheduler retries; when even the
 * job cannot be stored (the `jobs` container refuses too), the rebuild is owed in their own
 * partition, where their change was just stored, and the daily manager check does it
 * (rebuildOwedPrepCards). Never throws: the change is stored, so the person is not told it
 * failed, and what they took back leaves the cards without their doing anything more (it is
 * theirs to take back, whatever the managers' containers do). `notRetried` only when the owed
 * rebuild could not be stored either; a later change or a card's next delivery renders what
 * they share then.
 */
export async function followSharing(deps: TalentReviewDeps, retries: PrepRefreshRetries, reportId: string): Promise<SharingFollowed> {
  try {
    await refreshPrepCards(deps, reportId);
    return { outcome: 'rebuilt' };
  } catch (error) {
    try {
      const id = prepRefreshJobId(reportId);
      await retries.forget(id);
      await retries.schedule({ id, kind: PREP_REFRESH_JOB, dueAt: deps.clock.now().toISOString(), payload: { reportId } });
      return { outcome: 'retrying', error };
    } catch {
      try {
        await deps.prepRefreshesOwed.owe(reportId);
        return { outcome: 'owed', error };
      } catch {
        return { outcome: 'notRetried', error };
      }
    }
  }
}

/** The owed rebuilds one daily check takes (each a double failure, so rare); the rest wait for the next check. */
export const OWED_REBUILDS_PER_CHECK = 100;

/**
 * Part of the daily manager check: everyone whose prep-card rebuild is owed has it followed up
 * now, as after their change (followSharing): rebuilt, or else left to the retry job. Each owed
 * rebuild is settled once it is one or the other, unless owed again meanwhile. Reads one query
 * across people's partitions for the owed documents only (at most OWED_REBUILDS_PER_CHECK), then
 * per person what a rebuild reads; a scheduled job, never a user's turn. Counts only come back.
 */
export async function rebuildOwedPrepCards(deps: TalentReviewDeps): Promise<{ owed: number; settled: number }> {
  const owed = await deps.prepRefreshesOwed.oldest(OWED_REBUILDS_PER_CHECK);
  let settled = 0;
  for (const one of owed) {
    const { outcome } = await followSharing(deps, deps.scheduler, one.userId);
    if (outcome !== 'rebuilt' && outcome !== 'retrying') continue;
    // Not settled (the store refused): rebuilt once more by the next check, which shows the same.
    if (await deps.prepRefreshesOwed.settle(one).then(() => true, () => false)) settled++;
  }
  return { owed: owed.length, settled };
}
