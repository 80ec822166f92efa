import { z } from 'zod';
import { DRAFT_FAILURES } from '../domain/proposal/proposal-draft';
import { ITEM_IDS } from '../domain/pulse-poll/instrument';
import { LEARNING_NEED_KEYS_KEPT, LEARNING_THEMES, MAX_LEARNING_NEED_TEXT } from '../domain/learning-needs/learning-need';
import { LO_OFFER_KEYS_KEPT, MAX_LO_OFFER_LINK, MAX_LO_OFFER_TEXT } from '../domain/learning-needs/lo-offer';
import { MATURITY_PHASES } from '../domain/talent-review/maturity';
import { GROUP_NAME_MAX } from '../domain/week-cycle/group';
import { unitCeiling } from '../domain/shared/text';
import { MAX_PREP_TEAM_CHOICES } from '../domain/talent-review/prep-teams';
import { MAX_LO_ANSWER_LENGTH, SHARED_PROPOSAL_KEYS_KEPT } from '../domain/proposal/proposal-to-lo';
import { ContainerName } from './containers';

/**
 * What every stored document must look like, one zod schema per document `type`, per container.
 * They are the check behind "nothing malformed is ever stored": the fuzz test (tests/fuzz) reads
 * every document of every container after a thousand hostile activities and parses each with
 * its schema. The schemas are strict, so a new field, or a new document type, needs its line
 * here: add it to the container's entry in DOCUMENT_SCHEMAS (documents without a `type` field,
 * like groups and jobs, are listed under UNTYPED).
 */

const id = z.string().min(1).max(1024);
const isoTime = z.string().datetime({ offset: true });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().min(0);
const language = z.enum(['nl', 'en']);
const visibility = z.enum(['private', 'shared']);
const verdict = z.enum(['accept', 'adapt', 'reject']);
const noControlCharacters = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$/;
/** Text a person (or the AI) wrote: a string of bounded length without control characters. */
const text = (max = 20_000) => z.string().max(max).regex(noControlCharacters, 'control characters');
/** Opaque to the domain (a Teams conversation reference), but always an object naming its conversation. */
const conversationRef = z.object({ conversation: z.object({ id: z.string() }).passthrough() }).passthrough();

// --- sessions: everything of one group, in its partition ------------------------------------

const member = z.object({ id, name: text(512), teamsId: id.optional() }).strict();

const groupFields = {
  id,
  tenantId: id.optional(),
  conversationId: id,
  conversationKind: z.enum(['groupChat', 'channel', 'personal']),
  // Within GROUP_NAME_MAX characters as they show: at most twice that in code units (unitCeiling).
  name: text(unitCeiling(GROUP_NAME_MAX)),
  members: z.array(member),
  schedule: z.object({ days: z.array(z.number().int().min(1).max(7)), startTime: z.string().regex(/^\d{2}:\d{2}$/), timeZone: z.string().min(1).max(60) }).strict(),
  language,
  plannedWeeks: z.number().int().min(1).max(52),
  conversationRef,
  cyclesStarted: count,
  currentCycleId: id.optional(),
  createdBy: id,
  createdAt: isoTime,
  // Set while the app is removed from the group's chat (its rhythm rests).
  pausedAt: isoTime.optional(),
};

/** The group in its own partition (`groupId` is its id). */
// Set while a member's erasure is under way: kept off the member list until it is done.
// `rev` counts its settings changes (absent: stored before revisions were kept).
const teamMirror = z.object({ pollId: id, teamName: z.string().max(256), closedAt: isoTime }).strict();
// `teamMirror`: the team's latest B3 mirror, for a group in one of its channels (no figure, no person).
const group = z.object({ ...groupFields, teamMirror: teamMirror.optional(), erasing: z.array(z.object({ id, teamsId: id.optional() }).strict()).max(64).optional(), lastErasureAt: isoTime.optional(), erasuresDone: count.optional(), rev: count.optional(), setupKeys: z.array(z.string().min(1).max(80)).max(10).optional(), type: z.literal('group'), groupId: id }).strict();
/** A group as stored before its data moved into one partition: read only by the start-up migration. */
const legacyGroup = z.object(groupFields).strict();

const cycle = z
  .object({
    id,
    type: z.literal('cycle'),
    groupId: id,
    weekNumber: z.number().int().min(1),
    agenda: z.array(z.object({ day: z.number().int().min(1).max(4), questionIds: z.array(z.number().int().positive()) }).strict()),
    sessionDates: z.array(isoDate),
    startedBy: id,
    startedAt: isoTime,
    agendaFixedAt: isoTime.optional(),
    completedAt: isoTime.optional(),
    // When the planned weeks' look-back went out for this week: never again after (stop 49).
    lookedBackAt: isoTime.optional(),
    // Counts the agenda's changes (absent: never changed, or stored before revisions were kept).
    agendaRev: count.optional(),
  })
  .strict();

/** A check-in round: no figure while open, one published average (with its answers) once closed. */
const energyRound = z.object({ closedAt: isoTime.optional(), average: z.number().min(1).max(5).optional(), answers: count.optional(), withdrawn: z.literal(true).optional(), counted: z.array(id).max(500).optional() }).strict();

const session = z
  .object({
    id,
    type: z.literal('session'),
    groupId: id,
    cycleId: id,
    seq: z.number().int().min(1),
    day: z.number().int().min(1).max(4),
    questionIds: z.array(z.number().int().positive()),
    carriedOver: z.array(z.number().int().positive()),
    currentIndex: count,
    status: z.enum(['open', 'closed']),
    startedAt: isoTime,
    endsAt: isoTime,
    warned: z.boolean(),
    // Set when the group first reaches the last question: check-out stays open after going back.
    checkOutOpened: z.literal(true).optional(),
    closedAt: isoTime.optional(),
    closedByCommand: id.optional(),
    membersChangedAt: isoTime.optional(),
    energy: z.object({ in: energyRound, out: energyRound }).strict(),
    cardActivityId: id.optional(),
    openedBy: id.optional(),
    gated: z.literal(true).optional(),
    // The group's own proposal from an earlier session, for question 7 carried over (answers of 2000 characters each).
    carriedProposal: text(60_000).optional(),
    // Who took part in the week before this session, when it judges a proposal written before: tags (hashes), no ids.
    tookPartBeforeTags: z.array(id).max(100).optional(),
    // The same as stop 64 stored it: a count, no one named.
    tookPartBefore: z.number().int().positive().max(10_000).optional(),
    stepBy: id.optional(),
    // Keys of the latest "Volgende"/"Vorige" presses applied (STEP_KEYS_KEPT).
    stepKeys: z.array(id).max(20).optional(),
    showing: z.object({ key: id, at: isoTime, done: z.boolean().optional() }).strict().optional(),
  })
  .strict();

const sessionItem = { id, groupId: id, cycleId: id, sessionId: id, at: isoTime };
const contribution = z.object({ ...sessionItem, type: z.literal('contribution'), questionId: z.number().int().positive(), authorId: id, authorName: text(512), text: text(2000).min(1) }).strict();
/** A session's open gate (see `Session.gated`): no content, only there while the session is open. */
const sessionGate = z.object({ id, type: z.literal('sessionGate'), groupId: id }).strict();
const checkIn = z.object({ ...sessionItem, type: z.literal('checkIn'), phase: z.enum(['in', 'out']), memberId: id, score: z.number().int().min(1).max(5), token: id.optional() }).strict();
const presence = z.object({ ...sessionItem, type: z.literal('presence'), memberId: id }).strict();

/** The group's rhythm: its planned active weeks, the weeks it skipped, and what the plan was made from. */
const plan = z
  .object({
    id,
    type: z.literal('plan'),
    groupId: id,
    weeks: z.array(z.object({ week: z.number().int().min(1), dates: z.array(isoDate).min(1).max(7) }).strict()),
    skipped: z.array(isoDate),
    basis: z.object({ days: z.array(z.number().int().min(1).max(7)), plannedWeeks: z.number().int().min(0).max(52), region: z.string().max(20) }).strict(),
    updatedAt: isoTime,
    changedBy: id.optional(),
    recentChanges: z.array(id).max(20).optional(),
    moved: z.array(z.object({ week: z.number().int().min(1), start: isoDate }).strict()).max(60).optional(),
    opening: z.object({ week: z.number().int().min(1), until: isoTime, date: isoDate.optional() }).strict().optional(),
  })
  .strict();

const draft = z.object({ proposal: text(2000), assumptions: z.array(text(400)), risks: z.array(text(400)), questionsToCheck: z.array(text(400)) }).strict();
const judgement = z
  .object({ id, type: z.literal('judgement'), groupId: id, cycleId: id, proposalId: id, memberId: id, memberName: text(512), opinion: z.enum(['agree', 'doubt', 'disagree']), reason: text(1000).min(1), textFingerprint: id.optional(), keys: z.array(id).max(20).optional(), at: isoTime })
  .strict();

const proposal = z
  .object({
    id,
    type: z.literal('proposal'),
    groupId: id,
    groupName: text(unitCeiling(GROUP_NAME_MAX)),
    cycleId: id,
    sessionId: id,
    title: text(500),
    ai: z.discriminatedUnion('status', [
      z.object({ status: z.literal('none') }).strict(),
      z.object({ status: z.literal('drafting'), since: isoTime, requestedBy: id, attempt: id.optional(), press: id.optional() }).strict(),
      z.object({ status: z.literal('drafted'), draft, at: isoTime, press: id.optional() }).strict(),
      z.object({ status: z.literal('failed'), reason: z.enum(DRAFT_FAILURES), at: isoTime, press: id.optional() }).strict(),
    ]),
    decision: z
      .object({
        verdict,
        reason: text(1000),
        text: text(4000),
        firstStep: text(1000),
        judged: z.object({ agree: count, doubt: count, disagree: count }).strict(),
        decidedBy: id,
        at: isoTime,
        attempt: id.optional(),
        textFingerprint: id.optional(),
        basedOnAiDraft: z.literal(true).optional(),
      })
      .strict()
      .optional(),
    firstStepOutcome: z.object({ status: z.enum(['done', 'underway', 'dropped']), note: text(1000).min(1), at: isoTime, keys: z.array(id).max(20).optional() }).strict().optional(),
    // Its share with L&O, copied from the tenant's record (proposal-to-lo.ts): names nobody.
    lo: z.object({ sharedAt: isoTime, revision: z.number().int().min(1), answer: z.object({ text: text(MAX_LO_ANSWER_LENGTH).min(1), at: isoTime }).strict().optional() }).strict().optional(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .strict();

// --- personal: one professional's own records ------------------------------------------------

const note = z
  .object({
    id,
    type: z.literal('note'),
    userId: id,
    text: text(4000).min(1),
    visibility,
    source: z.object({ kind: z.literal('message'), link: z.string().url().startsWith('https://').optional() }).strict().optional(),
    rev: z.number().int().min(1),
    firstText: id.optional(),
    chatMessage: id.optional(),
    chatDay: isoDate.optional(),
    visibilityRev: count.optional(),
    // `confirmed`: another delivery of its save found it and answered "saved": never taken back (optional: older notes have none).
    confirmed: z.literal(true).optional(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .strict();

/** A deleted note's id, kept a few days without its text, so the add that wrote it brings nothing back when delivered again. */
const deletedNote = z.object({ id, type: z.literal('deletedNote'), userId: id, firstText: id.optional(), chatMessage: id.optional(), deletedAt: isoTime, ttl: z.number().int().positive() }).strict();

const personalAnswer = z
  .object({ id, type: z.literal('personalAnswer'), userId: id, groupId: id, cycleId: id, sessionId: id, questionId: z.number().int().positive(), text: text(4000).min(1), visibility, visibilityRev: count.optional(), updatedAt: isoTime, keys: z.array(id).max(20).optional(), confirmed: z.literal(true).optional(), rev: z.number().int().min(1).optional() })
  .strict();

const profTraject = z
  .object({
    id,
    type: z.literal('profTraject'),
    userId: id,
    learningNeeds: text(2000),
    talents: text(2000),
    plannedWeeks: z.number().int().min(1).max(52),
    maturityPhase: z.enum(MATURITY_PHASES).optional(),
    visibility,
    // Absent on a Prof-traject stored before revisions were kept (read as 1).
    rev: z.number().int().min(1).optional(),
    visibilityRev: count.optional(),
    countsFrom: z.string().regex(/^\d{4}-W\d{2}$/).optional(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .strict();

/** A calendar week the person was active in (a session attended, time recorded), and that the look-back at an end of their Prof-traject was queued. */
// `sessions` and `timeRecorded` (why the week counts): absent on a record from before stop 47.
const activeWeek = z
  .object({ id, type: z.literal('activeWeek'), userId: id, week: z.string().regex(/^\d{4}-W\d{2}$/), sessions: z.array(id).optional(), timeRecorded: z.array(id).optional(), recordedAt: isoTime, updatedAt: isoTime.optional() })
  .strict();
const trajectEnd = z
  .object({ id, type: z.literal('trajectEnd'), userId: id, plannedWeeks: z.number().int().min(1).max(52), countsFrom: z.string().regex(/^\d{4}-W\d{2}$/).optional(), queuedAt: isoTime.optional(), createdAt: isoTime })
  .strict();

const timeUsed = z
  // `rev`: absent on a record stored before revisions were kept, or holding only a visibility (timeUsedRev).
  .object({ id, type: z.literal('timeUsed'), userId: id, groupId: id, cycleId: id, hours: z.number().min(0).max(40).optional(), visibility, rev: z.number().int().min(1).optional(), visibilityRev: count.optional(), updatedAt: isoTime })
  .strict();

const preferences = z.object({ id, type: z.literal('preferences'), userId: id, language: language.optional(), clientLanguage: language.optional(), updatedAt: isoTime }).strict();

/** The managers who planned a conversation about the person: their own index, in their own partition. */
const reviewManagers = z.object({ id, type: z.literal('reviewManagers'), userId: id, managerIds: z.array(id).max(1000), updatedAt: isoTime, ttl: z.literal(-1) }).strict();
/** The groups a person belongs (or belonged) to: their own index, in their own partition. */
const membershipIndex = z
  .object({ id, type: z.literal('membershipIndex'), userId: id, groups: z.record(z.object({ groupName: text(unitCeiling(GROUP_NAME_MAX)), member: z.boolean(), since: isoTime, leftAt: isoTime.optional(), stampedOver: isoTime.optional(), press: id.optional() }).strict()), updatedAt: isoTime, ttl: z.literal(-1).optional() })
  .strict();

/** The AI summary on the prep card, stored once for what the person shares (a hash of it): their own data, in their own partition. */
const prepSummary = z.object({ id, type: z.literal('prepSummary'), userId: id, inputHash: z.string().regex(/^[A-Za-z0-9_-]{43}$/), language, text: text(2000).min(1), updatedAt: isoTime }).strict();
/** The person's choice of which of their teams' B3-spiegel their manager's prep card shows (domain/talent-review/prep-teams.ts). */
const prepTeamChoices = z
  .object({ id, type: z.literal('prepTeamChoices'), userId: id, rev: z.number().int().min(1), teams: z.array(z.object({ teamId: id, shown: z.boolean(), at: isoTime }).strict()).max(MAX_PREP_TEAM_CHOICES), updatedAt: isoTime })
  .strict();
/** A rebuild of the person's prep cards still owed (domain/talent-review/prep-refresh-owed.ts): nothing of what changed. */
const prepRefreshOwed = z.object({ id, type: z.literal('prepRefreshOwed'), userId: id, at: isoTime }).strict();

/** An erasure that is under way keeps its random marker here until it is done. */
const erasureTicket = z.object({ id, type: z.literal('erasureTicket'), userId: id, marker: z.string().regex(/^erased-[0-9a-f]{8}$/), createdAt: isoTime, groupIds: z.array(id).max(20_000).optional(), receiptIds: z.array(z.string().regex(/^er_[A-Za-z0-9_-]{43}$/)).max(10).optional() }).strict();

/** That the erasure pressed on one confirm card finished: its id a one-way hash of the card's key, in the receipts' own partition (domain/verantwoording/erasure-receipt.ts). */
const erasureReceipt = z.object({ id: z.string().regex(/^er_[A-Za-z0-9_-]{43}$/), type: z.literal('erasureReceipt'), userId: z.literal('~erasure-receipts'), ttl: z.number().int().positive() }).strict();

/** A proposal the group adopted, put before the member's manager by the member alone: in the member's partition. */
const proposalToManager = z
  .object({
    id,
    type: z.literal('proposalToManager'),
    userId: id,
    memberName: text(512).optional(),
    groupId: id,
    proposalId: id,
    managerId: id.optional(),
    managerName: text(512).optional(),
    // `firstStep` only on records from before it stayed with the group (it names who does what).
    proposal: z.object({ verdict: z.enum(['accept', 'adapt']), source: z.enum(['decision', 'adoptedAiDraft', 'adaptedFromAiDraft']), text: text(4000), reason: text(1000), firstStep: text(1000).optional() }).strict(),
    words: text(1000).min(1).optional(),
    sentAt: isoTime,
    // `confirmed`: a redelivery of the press queued its notice (or card) and answered on it: never taken back.
    answer: z.object({ text: text(2000).min(1), at: isoTime, key: z.string().min(1).max(200), confirmed: z.literal(true).optional() }).strict().optional(),
    answerKeys: z.array(z.string().min(1).max(200)).max(20).optional(),
    undelivered: z.literal(true).optional(),
    confirmed: z.literal(true).optional(),
    language: language.optional(),
    // Changes since its create, counted by the store (proposal-to-manager.repository.ts): absent on records from before.
    rev: z.number().int().min(1).optional(),
  })
  .strict();

/** A professional's request for a talentontwikkelgesprek, kept in their own partition (talent-review/review-request.ts). */
// `confirmed`: another delivery of the press found it and answered "sent": never taken back (optional: older records have none).
const reviewRequest = z.object({ id, type: z.literal('reviewRequest'), userId: id, managerId: id.optional(), sentAt: isoTime, message: text(500).min(1).optional(), confirmed: z.literal(true).optional() }).strict();
/** What a withdrawn request leaves under its id for three days: nothing it said, nor to whom. */
const reviewRequestWithdrawn = z.object({ id, type: z.literal('reviewRequestWithdrawn'), userId: id, withdrawnAt: isoTime, ttl: z.number().int().positive() }).strict();

/** A manager's account to their team, kept in the manager's own partition to look back on (talent-review/team-account.ts). */
const teamAccount = z
  .object({
    id,
    type: z.literal('teamAccount'),
    userId: id,
    text: text(2000).min(1),
    sentAt: isoTime,
    language,
    // How many it went to: nobody named (a member's erasure changes nothing the manager sees).
    recipientCount: z.number().int().min(1).max(1000).optional(),
    // Only in records kept before the count: whom it went to, and how many erased their data since.
    recipients: z.array(z.object({ id, name: text(512) }).strict()).max(1000).optional(),
    erasedRecipients: z.number().int().min(1).max(1000).optional(),
    toOwnManager: z.boolean(),
    // A redelivery of the press queued every card and answered "sent" on it: never taken back.
    confirmed: z.literal(true).optional(),
    // Stored anew after its cards ended (her erasure took it): never confirmed, taken back.
    keptAfterCards: z.literal(true).optional(),
  })
  .strict()
  .refine((r) => (r.recipientCount === undefined) !== (r.recipients === undefined), 'a count or (older) recipients, not both')
  .refine((r) => r.erasedRecipients === undefined || r.recipients !== undefined, 'erased only in an older record')
  .refine((r) => (r.recipientCount ?? (r.recipients?.length ?? 0) + (r.erasedRecipients ?? 0)) >= 1, 'sent to nobody');

/** What an account deleted from the manager's list leaves under its id for a week: nothing it said, nor to whom or how many. */
const teamAccountDeleted = z.object({ id, type: z.literal('teamAccountDeleted'), userId: id, deletedAt: isoTime, ttl: z.number().int().positive() }).strict();

// --- jobs: the durable scheduler -------------------------------------------------------------

const job = z
  .object({
    id,
    kind: z.string().min(1).max(100),
    dueAt: isoTime,
    payload: z.record(z.unknown()),
    status: z.enum(['pending', 'running', 'done', 'failed', 'cancelled']),
    attempts: count,
    lockedUntil: isoTime.optional(),
    owner: id.optional(),
    ttl: z.number().int().positive().optional(),
  })
  .strict();

/** A job about one group (a session's time box), in the group's partition: written with what it is about. */
const groupJob = job.extend({ type: z.literal('job'), groupId: id }).strict();

// --- polls and pollAnswers: the B3-spiegel ---------------------------------------------------

const pollTarget = z
  .object({
    id,
    teamId: id,
    teamName: text(512),
    aadGroupId: id.optional(),
    channelId: id,
    channelName: text(512).optional(),
    serviceUrl: z.string().url(),
    botId: id.optional(),
    memberCount: count.optional(),
    // How many of its members a team delivered before already reached: counted once in the all-teams base.
    sharedMembers: count.optional(),
    cardActivityId: id.optional(),
    delivered: z.boolean(),
    // Not delivered for good: its members would not fit in the tally's invitee lists, or shared too many with another open poll's team.
    notDelivered: z.enum(['tooMany', 'overlapsOpen']).optional(),
  })
  .strict();

const poll = z
  .object({
    id,
    pollId: id,
    type: z.literal('poll'),
    tenantId: id,
    scope: z.discriminatedUnion('kind', [z.object({ kind: z.literal('team'), teamId: id }).strict(), z.object({ kind: z.literal('all') }).strict()]),
    language,
    delivery: z.enum(['channel', 'private']),
    privateNudges: z.boolean(),
    nudgesQueued: z.array(z.number().int().min(0)).optional(),
    status: z.enum(['open', 'closed']),
    opensAt: isoTime,
    closesOn: isoDate,
    closesAt: isoTime,
    reminders: z.array(isoTime),
    targets: z.array(pollTarget),
    hrChannel: z.object({ conversationId: id, serviceUrl: z.string().url(), botId: id.optional(), language: z.enum(['nl', 'en']).optional() }).strict(),
    startedByTeamsId: id.optional(),
    startedBy: id.optional(),
    openedBy: id.optional(),
    closedOn: isoDate.optional(),
    closedBy: z.enum(['date', 'hr']).optional(),
    closedAt: isoTime.optional(),
    closedByCommand: id.optional(),
    announcedAt: isoTime.optional(),
  })
  .strict();

/** Which open poll holds a team, so two polls of one team never run at once. */
const teamLock = z.object({ id, pollId: id, type: z.literal('teamLock'), tenantId: id, teamId: id, holder: id.optional(), claimedAt: isoTime.optional() }).strict();
/** One poll start at a time per tenant: the start holding it (a random id) and until when; empty once let go. */
const pollStartLease = z.object({ id, pollId: id, type: z.literal('pollStartLease'), tenantId: id, holder: id.optional(), expiresAt: isoTime.optional() }).strict();

const histogram = z.tuple([count, count, count, count, count]);
/** Every answer of a poll folded into one document: keyed-hash markers and per-team histograms, nothing per person. */
const tally = z
  .object({
    id: z.literal('tally'),
    pollId: id,
    type: z.literal('tally'),
    respondents: z.array(z.string().regex(/^[A-Za-z0-9_-]{10,100}$/)),
    teams: z.record(z.object({ count, histograms: z.object(Object.fromEntries(ITEM_IDS.map((item) => [item, histogram]))).strict(), comments: z.array(text(1000).min(1)) }).strict()),
    invitees: z.record(z.array(z.string().regex(/^[A-Za-z0-9_-]{16}$/))).optional(),
    sealed: z.object({ on: isoDate, minRespondents: z.number().int().min(3) }).strict().optional(),
    migrating: z.boolean().optional(),
  })
  .strict();

/** Old shapes (before tallies), read only by the migration: who answered, as a keyed hash only. */
const respondent = z.object({ id, pollId: id, type: z.literal('respondent'), hash: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) }).strict();

/** An answer: random id, team, date, scores. Never a user id, name or time of day. */
const pollAnswer = z
  .object({
    id,
    pollId: id,
    type: z.literal('answer'),
    targetId: id,
    onDate: isoDate,
    scores: z.object(Object.fromEntries(ITEM_IDS.map((item) => [item, z.number().int().min(1).max(5)]))).strict(),
  })
  .strict();

const openAnswer = z.object({ id, pollId: id, type: z.literal('openAnswer'), targetId: id, text: text(1000).min(1) }).strict();

// --- installations ---------------------------------------------------------------------------

const installation = z
  .object({
    id,
    type: z.literal('installation'),
    tenantId: id,
    teamId: id,
    name: text(512),
    aadGroupId: id.optional(),
    generalChannelId: id,
    serviceUrl: z.string().url(),
    botId: id.optional(),
    installed: z.boolean(),
  })
  .strict();

/** A tenant's Jaarplan Duurzaam leren targets for one year: organisation data, no person in it. */
const jaarplanTarget = z.number().int().min(1).max(10_000_000);
const jaarplan = z
  .object({
    id,
    type: z.literal('jaarplan'),
    tenantId: z.string().max(1024),
    year: z.number().int().min(2000).max(2200),
    targets: z.object({ weekCycles: jaarplanTarget.optional(), learningHours: jaarplanTarget.optional(), proposalsValidated: jaarplanTarget.optional() }).strict(),
    // The half-yearly rhythm's two months, sorted and distinct; absent: June and December.
    moments: z.tuple([z.number().int().min(1).max(12), z.number().int().min(1).max(12)]).refine(([a, b]) => a < b).optional(),
    // 0: never saved by HR; the half-yearly rhythm started it to remember its reminders.
    revision: z.number().int().min(0),
    updatedAt: isoTime,
    keys: z.array(z.string().min(1).max(80)).max(20),
    // The half-years announced, by their first day: at most one per month of the year.
    remindedHalfYears: z.array(isoDate).max(12).optional(),
    // The last day of the latest of them (stop 53): the next half-year starts after it.
    announcedUntil: isoDate.optional(),
    // While a half-year's job runs again: its cards' keys (hashes), so none goes twice after the outbox forgot them.
    halfYearCardsQueued: z.object({ halfYear: isoDate, keys: z.array(z.string().min(1).max(80)).max(10_000) }).strict().optional(),
  })
  .strict();

// --- outbox ----------------------------------------------------------------------------------

const outboxTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('conversation'), conversationId: id }).strict(),
  z.object({ kind: z.literal('person'), userId: id, appUserId: id.optional() }).strict(),
  z.object({ kind: z.literal('update'), conversationId: id, activityId: id }).strict(),
]);
const hook = z.object({ kind: z.string().min(1).max(100), args: z.record(z.string()) }).strict();

const outboxJob = z
  .object({
    id,
    type: z.literal('outboxJob'),
    tenantId: id,
    route: z.object({ serviceUrl: z.string().url(), botId: id.optional() }).strict(),
    target: outboxTarget,
    payload: z.record(z.unknown()),
    guard: hook.optional(),
    sendIf: hook.optional(),
    onSent: hook.optional(),
    // Kept on a job given up as not delivered until it ran (see pendingHook).
    onRefused: hook.optional(),
    render: hook.optional(),
    keepSeconds: z.number().int().positive().optional(),
    giveUpAfterMs: z.number().int().nonnegative().optional(),
    batch: z.string().max(1024).optional(),
    about: z.array(id).max(50).optional(),
    // The people a shared card's refresh list names (Teams allows 60), and both their ids flat: an erasure keeps the card without them.
    listed: z.array(z.object({ userId: id, platformId: id }).strict()).max(60).optional(),
    listedIds: z.array(id).max(120).optional(),
    status: z.enum(['pending', 'sending', 'sent', 'undeliverable', 'failed', 'unconfirmed', 'skipped']),
    conversationKey: z.string().min(1).max(2048),
    notBefore: isoTime,
    attempts: count,
    checksFailed: count.optional(),
    createdAt: isoTime,
    order: z.string().min(1).max(100),
    owner: id.optional(),
    lockedUntil: isoTime.optional(),
    rechecking: z.literal(true).optional(),
    result: z.object({ activityId: id.optional(), conversationId: id.optional(), status: z.number().int().optional(), code: z.string().max(200).optional() }).strict().optional(),
    ttl: z.number().int().positive().optional(),
    // An erasure leaves its key behind, blank (outboxErasedKey), instead of freeing it.
    keyOutlivesErasure: z.literal(true).optional(),
    // Its key is keyed with the app's secret: once ended it keeps nothing naming anyone (endedNamingNobody).
    keyedKey: z.literal(true).optional(),
  })
  .strict();

/** What an erasure leaves of a job marked `keyOutlivesErasure`: its id (a hash of the key) and an expiry, nothing else. */
const outboxErasedKey = z.object({ id: z.string().regex(/^ob_[A-Za-z0-9_-]{22}$/), type: z.literal('outboxErasedKey'), ttl: z.number().int().positive() }).strict();

/**
 * A remembered 1:1 chat: since stop 60 under an id keyed with the app's secret, its owner keyed as
 * well (`ownerKey`, 22 characters); one of before has its owner's app id in clear (`ownerId`).
 */
const personalConversation = z
  .object({ id, type: z.literal('personalConversation'), conversationId: id, ownerKey: z.string().regex(/^[A-Za-z0-9_-]{22}$/).optional(), ownerId: id.optional() })
  .strict();
const tenantLease = z.object({ id, type: z.literal('tenantLease'), tenantId: id, owner: id, expiresAt: isoTime }).strict();

// --- reviews: talentontwikkelgesprekken -------------------------------------------------------

/** A cancelled conversation's plan or move press: a one-way hash of its card's key, in the records' own partition (domain/talent-review/cancelled-press.ts). */
const cancelledPress = z.object({ id: z.string().regex(/^cp_[A-Za-z0-9_-]{43}$/), type: z.literal('cancelledPress'), managerId: z.literal('~cancelled-presses'), ttl: z.number().int().positive() }).strict();

const talentReview = z
  .object({
    id,
    type: z.literal('talentReview'),
    managerId: id,
    reportId: id,
    reportName: text(512),
    date: isoDate,
    timeZone: z.string().min(1).max(60),
    prepDaysBefore: z.number().int().min(0).max(30),
    conversationRef,
    phaseProposal: z.object({ phase: z.enum(MATURITY_PHASES), at: isoTime }).strict().optional(),
    facilitated: text(2000).optional(),
    facilitatedAt: isoTime.optional(),
    firstFacilitatedAt: isoTime.optional(),
    shareFacilitation: z.boolean().optional(),
    sharedSince: isoTime.optional(),
    facilitationTeams: z.array(text(256)).max(20).optional(),
    prepAt: isoTime.optional(),
    prepSentAt: isoTime.optional(),
    prepNotDelivered: z.object({ count: count.min(1), at: isoTime }).strict().optional(),
    prepCards: z.array(z.object({ conversationId: id, activityId: id, language: language.optional() }).strict()).max(10).optional(),
    sharedRevision: count.optional(),
    movedFrom: id.optional(),
    movedFromDate: isoDate.optional(),
    moveKeys: z.array(z.string().min(1).max(80)).max(10).optional(),
    pressKeys: z.array(z.string().min(1).max(80)).max(20).optional(),
    createdAt: isoTime,
  })
  .strict();

// --- learning needs for L&O: the member's pass-on, and the anonymous batches ------------------

const learningTheme = z.enum(LEARNING_THEMES);
/** The tenant a pass-on or batch is for; `''` where Teams named none. Absent on those stored before tenants were recorded. */
const learningNeedTenant = z.string().max(1024);
const learningNeedPassOn = z
  .object({
    id,
    type: z.literal('learningNeedPassOn'),
    userId: id,
    answerId: id,
    status: z.enum(['pending', 'sealing', 'handedOver']),
    theme: learningTheme.optional(),
    text: text(MAX_LEARNING_NEED_TEXT).optional(),
    tenantId: learningNeedTenant.optional(),
    batchId: id.optional(),
    keys: z.array(id).max(LEARNING_NEED_KEYS_KEPT).optional(),
    rev: z.number().int().min(1).optional(),
    // `confirmed`: another delivery of the press found it and answered "passed on": never taken back.
    confirmed: z.literal(true).optional(),
    // What its owner pressed while a handover held it: only then.
    asked: z.union([z.object({ kind: z.literal('withdraw') }).strict(), z.object({ kind: z.literal('change'), theme: learningTheme, text: text(MAX_LEARNING_NEED_TEXT).optional() }).strict()]).optional(),
  })
  .strict()
  // Once handed over, nothing of what was passed on (nor to whom) stays with the person.
  .refine((p) => p.status !== 'handedOver' || (p.theme === undefined && p.text === undefined && p.tenantId === undefined && p.batchId === undefined && p.keys === undefined), 'handed over with content')
  .refine((p) => p.asked === undefined || p.status === 'sealing', 'asked while not held');
/** What a withdrawal leaves in a pass-on's place: the keys of the presses it took, nothing of what was passed on. */
const learningNeedWithdrawn = z.object({ id, type: z.literal('learningNeedWithdrawn'), userId: id, answerId: id, keys: z.array(id).max(LEARNING_NEED_KEYS_KEPT), rev: z.number().int().min(1).optional() }).strict();
const learningNeedBatch = z
  .object({
    id,
    type: z.literal('learningNeedBatch'),
    tenantId: learningNeedTenant.optional(),
    week: z.string().regex(/^\d{4}-W\d{2}$/),
    weekStart: isoDate,
    people: count,
    needs: count,
    // Since stop 54: the handover's minimum, and no people per theme nor the rest's number of themes (kept on batches from before).
    minimum: z.number().int().min(1).optional(),
    themes: z.record(learningTheme, z.object({ people: count.optional(), needs: count, texts: z.array(text(MAX_LEARNING_NEED_TEXT)) }).strict()),
    rest: z.object({ needs: count, themes: count.optional() }).strict().optional(),
    restLeftOut: z.literal(true).optional(),
  })
  .strict();

/** A week's handover that began and has not completed (weekly-to-lo.ts): the week only. */
const learningNeedHandoverRun = z.object({ id: z.string().regex(/^lnr_\d{4}-W\d{2}$/), type: z.literal('learningNeedHandoverRun'), week: z.string().regex(/^\d{4}-W\d{2}$/), handedOver: z.literal(true).optional(), waiting: z.array(z.string().min(1).max(1024)).min(1).optional(), ttl: z.number().int().positive() }).strict();

/** L&O's offer for one theme in one tenant: organisation data, no person in it (lo-offer.ts). */
const loOffer = z
  .object({
    id,
    type: z.literal('loOffer'),
    tenantId: z.string().max(1024),
    theme: z.enum(LEARNING_THEMES),
    text: text(MAX_LO_OFFER_TEXT).min(1).optional(),
    link: z.string().max(MAX_LO_OFFER_LINK).url().startsWith('https://').optional(),
    revision: z.number().int().min(1),
    updatedAt: isoTime,
    keys: z.array(z.string().min(1).max(80)).max(LO_OFFER_KEYS_KEPT),
  })
  .strict();

/** A proposal a group shared with L&O: organisation data, no member in it (proposal-to-lo.ts). */
const proposalToLo = z
  .object({
    id,
    type: z.literal('proposalToLo'),
    tenantId: z.string().max(1024),
    groupId: id,
    proposalId: id,
    groupName: text(unitCeiling(GROUP_NAME_MAX)),
    // `firstStep` only on records from before it stayed with the group (it names who does what).
    proposal: z.object({ verdict: z.enum(['accept', 'adapt']), source: z.enum(['decision', 'adoptedAiDraft', 'adaptedFromAiDraft']), text: text(4000).min(1), reason: text(1000), firstStep: text(1000).optional() }).strict(),
    decidedAt: isoTime,
    sharedAt: isoTime,
    revision: z.number().int().min(1),
    answer: z.object({ text: text(MAX_LO_ANSWER_LENGTH).min(1), at: isoTime, key: z.string().min(1).max(80) }).strict().optional(),
    keys: z.array(z.string().min(1).max(80)).max(SHARED_PROPOSAL_KEYS_KEPT),
    noticedAt: isoTime.optional(),
  })
  .strict();

/** Every container, and for each the schema of every document `type` it holds. */
export const DOCUMENT_SCHEMAS: Record<ContainerName, Record<string, z.ZodTypeAny>> = {
  groups: { group: legacyGroup },
  sessions: { group, plan, cycle, session, sessionGate, contribution, checkIn, presence, judgement, proposal, job: groupJob },
  proposals: {},
  personal: { note, deletedNote, personalAnswer, profTraject, timeUsed, preferences, membershipIndex, reviewManagers, erasureTicket, erasureReceipt, learningNeedPassOn, learningNeedWithdrawn, prepSummary, prepTeamChoices, prepRefreshOwed, proposalToManager, activeWeek, trajectEnd, teamAccount, teamAccountDeleted, reviewRequest, reviewRequestWithdrawn },
  jobs: { job },
  polls: { poll, respondent, teamLock, pollStartLease },
  pollAnswers: { tally, answer: pollAnswer, openAnswer },
  installations: { installation, jaarplan, loOffer, proposalToLo },
  outbox: { outboxJob, outboxErasedKey, personalConversation, tenantLease },
  reviews: { talentReview, cancelledPress },
  learningNeeds: { learningNeedBatch, learningNeedHandoverRun },
};

/** Containers whose documents carry no `type` field: every document there is of this type. */
export const UNTYPED: Partial<Record<ContainerName, string>> = { groups: 'group', jobs: 'job' };

/** Cosmos DB's own properties, which are no part of our documents. */
const SYSTEM_PROPERTIES = ['_rid', '_self', '_etag', '_attachments', '_ts'];

/**
 * Checks one stored document against its schema. Returns the problems (field paths and codes,
 * no values), or an empty list when it parses.
 */
export function documentProblems(container: ContainerName, doc: Record<string, unknown>): string[] {
  const rest = Object.fromEntries(Object.entries(doc).filter(([k]) => !SYSTEM_PROPERTIES.includes(k)));
  const type = typeof rest.type === 'string' ? rest.type : UNTYPED[container];
  const schema = type ? DOCUMENT_SCHEMAS[container][type] : undefined;
  if (!schema) return [`no schema for type ${JSON.stringify(rest.type ?? null)} in ${container}`];
  const parsed = schema.safeParse(rest);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${type}.${i.path.join('.')}: ${i.code}${i.message && i.code === 'invalid_string' ? ` (${i.message})` : ''}`);
}
