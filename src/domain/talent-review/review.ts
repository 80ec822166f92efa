import { DateTime, IANAZone } from 'luxon';
import type { Language } from '../framework/framework';
import { DomainError } from '../shared/errors';
import { stableId } from '../shared/ids';
import { MaturityPhase } from './maturity';
import { overLimit, trimText } from '../shared/text';
import { workingDayFrom } from '../shared/working-days';
import type { HolidayCalendar } from '../week-cycle/holidays';
import { isChatWithBot } from '../shared/chat-with-bot';

/** A planned half-yearly talentontwikkelgesprek between a manager and one direct report. */
export interface TalentReview {
  id: string;
  type: 'talentReview';
  managerId: string;
  reportId: string;
  reportName: string;
  /** The conversation's date, yyyy-mm-dd, in the manager's time zone. */
  date: string;
  timeZone: string;
  prepDaysBefore: number;
  /** The manager's personal chat with the bot, for the proactive prep card. */
  conversationRef: Record<string, unknown>;
  /**
   * A phase the manager proposes for the conversation. The phase itself is the professional's
   * choice (their Prof-traject): this never overwrites it, and the professional sees it.
   */
  phaseProposal?: { phase: MaturityPhase; at: string };
  /** What the manager facilitated (time, room, means): their own accountability, shown to the professional after the conversation. */
  facilitated?: string;
  /** When the account last changed. */
  facilitatedAt?: string;
  /**
   * When the account was first written, set once: HR's report counts an account in a month only
   * when it was written before the month ended (computeFacilitation). Absent on accounts stored
   * before stop 50 (the store reads `facilitatedAt` for it then).
   */
  firstFacilitatedAt?: string;
  /** The manager agreed that HR's report quotes the facilitation text (grouped per team). Off unless ticked. */
  shareFacilitation?: boolean;
  /**
   * When sharing was switched on and stayed on since: kept through edits of the text, gone when
   * the manager switches sharing off, a new moment when they switch it on again. HR's report
   * quotes an account in a month only when it was shared before the month ended
   * (computeFacilitation). Absent on accounts shared before it existed (the store reads
   * `facilitatedAt`, their last change, for it then).
   */
  sharedSince?: string;
  /** The report's teams when the facilitation was recorded, for grouping in HR's report. */
  /** Only on accounts from before stop 31 (a per-team label HR no longer shows); dropped when the account changes. */
  facilitationTeams?: string[];
  /**
   * When the plan puts the prep card (ISO): fixed when planned, by the holidays then in force, so
   * a later change of the holiday region or data moves neither the card nor its job's id (the
   * manager was told this day). Reviews planned before stop 34 have none: computed (plannedPrepAt).
   */
  prepAt?: string;
  /** When the scheduled prep card reached the manager's chat (it is rendered when it is sent). */
  prepSentAt?: string;
  /**
   * The scheduled prep card did not reach the manager's chat (Teams refused it for good: 413, 403,
   * or it was not sent): how many times, and the last. Planning the conversation again sends it
   * again, under a new key (prepDeliveryAttempt), as the outbox never sends one key twice.
   */
  prepNotDelivered?: { count: number; at: string };
  /** The messages in the manager's chat that show this prep card: rebuilt when the report changes what they share. */
  prepCards?: PrepCardMessage[];
  /** Counts the report's changes to what they share, so a card rendered before a change is rebuilt. */
  sharedRevision?: number;
  /** The conversation this one was moved from (its id): a move pressed again finds it here. */
  movedFrom?: string;
  /**
   * The date it was moved from: a move pressed again after one that stored the move and failed
   * before the professional was told tells them then (once: the notice's key). Absent on
   * conversations moved before stop 53.
   */
  movedFromDate?: string;
  /**
   * The keys of the presses that put this conversation on its date, the last few: the plan card's
   * "Plannen" (since stop 45) and every move, carried along on every move. Such a press delivered
   * again, also after later moves, plans or moves nothing.
   */
  moveKeys?: string[];
  /**
   * The keys of the prep card's presses it took (see `prepPressKey`), the latest few: Teams
   * delivering one of them again after the manager changed their account or proposal changes
   * nothing. Absent on reviews stored before stop 41.
   */
  pressKeys?: string[];
  createdAt: string;
}

/** A message that shows a prep card. */
export interface PrepCardMessage {
  conversationId: string;
  activityId: string;
  /**
   * The language it was last rendered in (on the manager's turn, their Teams client's when they
   * chose none): a rebuild outside their turn keeps it, so the message never changes language
   * under them. Absent on messages remembered before stop 38.
   */
  language?: Language;
}

/**
 * The most messages kept per review (it bounds the document). The oldest goes first, and a message
 * that goes is withdrawn (prepCardsDroppedBy): it will not be rebuilt, so it must not keep showing
 * what the report shares.
 */
export const MAX_PREP_CARDS = 10;

export const PREP_HOUR = 9;
/** The plan and move presses a conversation remembers (Teams delivers a press again within minutes, not after many moves). */
export const MAX_MOVE_KEYS = 10;
export const MAX_FACILITATED_LENGTH = 2000;

export function reviewId(managerId: string, reportId: string, date: string): string {
  return stableId('review', managerId, reportId, date);
}

/** Plans a conversation: a real date, today or later and within a year, in a known time zone. */
export function planReview(input: Omit<TalentReview, 'id' | 'type' | 'createdAt'>, now: Date): TalentReview {
  if (!IANAZone.isValidZone(input.timeZone)) throw new DomainError('invalidInput', { detail: 'time zone', input: { field: 'timeZone', rule: 'format' } });
  const day = DateTime.fromISO(input.date, { zone: input.timeZone });
  if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw new DomainError('invalidInput', { detail: 'date', input: { field: 'date', rule: 'format' } });
  const today = DateTime.fromJSDate(now, { zone: input.timeZone }).startOf('day');
  if (day < today || day > today.plus({ years: 1 })) throw new DomainError('invalidInput', { detail: 'date out of range', input: { field: 'date', rule: 'range' } });
  if (!Number.isInteger(input.prepDaysBefore) || input.prepDaysBefore < 0 || input.prepDaysBefore > 30) {
    throw new DomainError('invalidInput', { detail: 'prep days', input: { field: 'prepDaysBefore', rule: 'range', params: { min: 0, max: 30 } } });
  }
  if (input.managerId === input.reportId) throw new DomainError('forbidden', 'own review');
  return { ...input, id: reviewId(input.managerId, input.reportId, input.date), type: 'talentReview', createdAt: now.toISOString() };
}

/** Days a prep card does not come on: weekends always, and the organisation's public holidays. */
export type PrepDaysOff = Pick<HolidayCalendar, 'isHoliday'>;

type PrepPlan = Pick<TalentReview, 'date' | 'timeZone' | 'prepDaysBefore'> & Partial<Pick<TalentReview, 'prepAt'>>;

/** 09:00 in the manager's time zone, the configured days before: where plans put the card before days off moved it. */
function daysBeforeAt(review: PrepPlan): DateTime {
  return DateTime.fromISO(review.date, { zone: review.timeZone }).minus({ days: review.prepDaysBefore }).set({ hour: PREP_HOUR, minute: 0, second: 0, millisecond: 0 });
}

/**
 * Where a plan puts the prep card: 09:00 in the manager's time zone, the configured days before;
 * on a weekend or a public holiday, 09:00 on the working day before, so the card still comes at
 * least the days ahead the manager chose, on a day they are at work (it may have passed).
 */
function workingDayPrepAt(review: PrepPlan, daysOff: PrepDaysOff): Date {
  return workingDayFrom(daysBeforeAt(review), (d) => daysOff.isHoliday(d), -1).toJSDate();
}

/** The plan with its prep card's moment fixed by the days off in force now (see `prepAt`). */
export function withPrepMoment<T extends PrepPlan>(review: T, daysOff: PrepDaysOff): T {
  return { ...review, prepAt: workingDayPrepAt(review, daysOff).toISOString() };
}

/** When the plan puts the prep card: the moment fixed when planned; for plans without one, as a plan now would. */
export function plannedPrepAt(review: PrepPlan, daysOff: PrepDaysOff): Date {
  return review.prepAt ? new Date(review.prepAt) : workingDayPrepAt(review, daysOff);
}

/** When the prep card is due: as planned (plannedPrepAt); now if that has passed. */
export function prepDueAt(review: PrepPlan, now: Date, daysOff: PrepDaysOff): Date {
  const due = plannedPrepAt(review, daysOff);
  return due.getTime() < now.getTime() ? now : due;
}

function prepJobIdAt(reviewId: string, at: Date): string {
  return `${reviewId}_prep_${at.toISOString().replace(/[-:]|\.\d+/g, '')}`;
}

/**
 * The scheduled job that sends a review's prep card under its current plan. The planned moment
 * is part of the id: a plan whose prep days or time zone change gets a job of its own (written
 * before the review changes), and a retry of the same plan finds the job it wrote before.
 * Reviews planned before this named their job `<id>_prep` (legacyPrepJobId).
 */
export function prepJobId(review: Pick<TalentReview, 'id'> & PrepPlan, daysOff: PrepDaysOff): string {
  return prepJobIdAt(review.id, plannedPrepAt(review, daysOff));
}

/** The prep job's id a plan without a fixed moment (before stop 34) gets from the days off in force now. */
export function prepJobIdByDaysOffNow(review: Pick<TalentReview, 'id'> & PrepPlan, daysOff: PrepDaysOff): string {
  return prepJobIdAt(review.id, workingDayPrepAt(review, daysOff));
}

/** The prep job's id for a plan made before days off moved the card (its moment may be a Saturday). */
export function prepJobIdBeforeDaysOff(review: Pick<TalentReview, 'id'> & PrepPlan): string {
  return prepJobIdAt(review.id, daysBeforeAt(review).toJSDate());
}

/** The prep job's id for reviews planned before the planned moment was part of it. */
export function legacyPrepJobId(reviewId: string): string {
  return `${reviewId}_prep`;
}

/** The conversation having taken a plan or move press (its card's key): delivered again, that press changes nothing. */
export function withPressKey<T extends Pick<TalentReview, 'moveKeys'>>(review: T, key: string | undefined): T {
  if (key === undefined || review.moveKeys?.includes(key)) return review;
  return { ...review, moveKeys: [...(review.moveKeys ?? []), key].slice(-MAX_MOVE_KEYS) };
}

/** The conversation a plan or move press (its card's key) planned or moved before, if any. */
export function pressedBefore<T extends Pick<TalentReview, 'moveKeys'>>(reviews: T[], key: string | undefined): T | undefined {
  return key === undefined ? undefined : reviews.find((r) => r.moveKeys?.includes(key));
}

/**
 * The same conversation planned again (same report and date): the prep card follows the new time
 * zone, days ahead and the moment they give by the days off in force now (`prepAt`); everything
 * else stays as it is. The same object back when nothing changes.
 */
export function replan(review: TalentReview, planned: Pick<TalentReview, 'timeZone' | 'prepDaysBefore' | 'prepAt'>): TalentReview {
  if (review.timeZone === planned.timeZone && review.prepDaysBefore === planned.prepDaysBefore && review.prepAt === planned.prepAt) return review;
  return { ...review, timeZone: planned.timeZone, prepDaysBefore: planned.prepDaysBefore, prepAt: planned.prepAt };
}

/**
 * The conversation on another date, as the manager moves it: a plan of its own for that date
 * (checked as a new plan is), with the phase the manager proposed and the prep card presses it
 * took (delivered again, they change nothing on the moved one either), and nothing of the old
 * date's prep card: that one is withdrawn, and the new date gets its own.
 */
export function movedReview(review: TalentReview, input: { date: string; conversationRef: Record<string, unknown>; key?: string }, now: Date): TalentReview {
  const { managerId, reportId, reportName, timeZone, prepDaysBefore } = review;
  // The prep card keeps going to the chat the conversation was planned in (the manager's own with the bot).
  const planned = planReview({ managerId, reportId, reportName, date: input.date, timeZone, prepDaysBefore, conversationRef: chatOfMove(review, input.conversationRef) }, now);
  const { moveKeys } = withPressKey({ moveKeys: review.moveKeys }, input.key);
  return {
    ...planned,
    movedFrom: review.id,
    movedFromDate: review.date,
    ...(moveKeys?.length ? { moveKeys } : {}),
    ...(review.phaseProposal ? { phaseProposal: review.phaseProposal } : {}),
    ...(review.pressKeys?.length ? { pressKeys: review.pressKeys } : {}),
  };
}

/** Among a manager's conversations, the one a conversation (its id) was moved to, if it was. */
export function movedTo<T extends Pick<TalentReview, 'movedFrom'>>(reviews: T[], reviewId: string): T | undefined {
  return reviews.find((r) => r.movedFrom === reviewId);
}

/** A refusal of a move or a cancellation about the conversation's date (a day already planned, or one that has passed). */
export function dateRefused(reason: 'taken' | 'held'): DomainError {
  return new DomainError(reason === 'taken' ? 'conflict' : 'invalidInput', { detail: `review date ${reason}`, input: { field: 'date', rule: 'range', params: { [reason]: 1 } } });
}

/** The Teams id of the chat a conversation reference names; undefined when it names none. */
export function chatIdOf(conversationRef: Record<string, unknown>): string | undefined {
  const chat = (conversationRef.conversation as { id?: unknown } | undefined)?.id;
  return typeof chat === 'string' ? chat : undefined;
}


/**
 * A plan or move pressed outside the manager's own chat with the bot (in their 1:1 chat with a
 * colleague): refused before anything is stored, as the prep card, with what the report shares
 * with their manager alone, goes to the chat the conversation is planned in.
 */
export function requireChatWithBot(conversationRef: Record<string, unknown>): void {
  if (!isChatWithBot(chatIdOf(conversationRef))) throw new DomainError('otherGroup', 'talent review plan outside the chat with the bot');
}

/**
 * The chat a moved conversation's prep card goes to: the one it was planned in. A plan stored
 * before plans were kept to the chat with the bot may name another chat: then the one the manager
 * moved it from (checked by requireChatWithBot), so the prep card leaves that chat.
 */
function chatOfMove(review: TalentReview, pressedIn: Record<string, unknown>): Record<string, unknown> {
  return isChatWithBot(chatIdOf(review.conversationRef)) ? review.conversationRef : pressedIn;
}

/**
 * Whether a message is in the manager's own chat with the bot (where the review was planned): the
 * only place a prep card may be shown, kept, or rebuilt, as it holds what the report shares with
 * their manager alone.
 */
export function inManagerChat(review: Pick<TalentReview, 'conversationRef'>, card: PrepCardMessage): boolean {
  return chatIdOf(review.conversationRef) === card.conversationId;
}

export function samePrepCard(a: PrepCardMessage, b: PrepCardMessage): boolean {
  return a.activityId === b.activityId && a.conversationId === b.conversationId;
}

/** Whether the review remembers a message as showing its prep card: only such a message may show it (it is rebuilt). */
export function remembersPrepCard(review: Pick<TalentReview, 'prepCards'>, card: PrepCardMessage): boolean {
  return (review.prepCards ?? []).some((c) => samePrepCard(c, card));
}

/**
 * Remembers a message that shows the prep card, so it can be rebuilt. The same message twice, or
 * one outside the manager's chat, changes nothing. Beyond MAX_PREP_CARDS the oldest are dropped:
 * prepCardsDroppedBy names them.
 */
export function withPrepCard(review: TalentReview, card: PrepCardMessage): TalentReview {
  if (!inManagerChat(review, card)) return review;
  if (remembersPrepCard(review, card)) return withPrepCardLanguage(review, card);
  return { ...review, prepCards: [...(review.prepCards ?? []), card].slice(-MAX_PREP_CARDS) };
}

/** A remembered message rendered again in another language: it is rebuilt in that one from now on. */
function withPrepCardLanguage(review: TalentReview, card: PrepCardMessage): TalentReview {
  const cards = review.prepCards ?? [];
  if (!card.language || cards.every((c) => !samePrepCard(c, card) || c.language === card.language)) return review;
  return { ...review, prepCards: cards.map((c) => (samePrepCard(c, card) ? { ...c, language: card.language } : c)) };
}

/** The language a remembered message was last rendered in; undefined when it is not remembered, or was before languages were. */
export function prepCardLanguage(review: Pick<TalentReview, 'prepCards'>, card: PrepCardMessage): Language | undefined {
  return (review.prepCards ?? []).find((c) => samePrepCard(c, card))?.language;
}

/** The language of the message the review remembered last that says one: how the manager's card was last shown. */
export function lastShownPrepLanguage(review: TalentReview): Language | undefined {
  return [...(review.prepCards ?? [])].reverse().find((c) => inManagerChat(review, c) && c.language)?.language;
}

/** The messages withPrepCard drops to remember `card`: from then on nothing rebuilds them. */
export function prepCardsDroppedBy(review: TalentReview, card: PrepCardMessage): PrepCardMessage[] {
  if (!inManagerChat(review, card) || remembersPrepCard(review, card)) return [];
  const cards = review.prepCards ?? [];
  return cards.slice(0, Math.max(0, cards.length + 1 - MAX_PREP_CARDS));
}

/**
 * The messages no longer remembered once `forgotten` were withdrawn: nothing rebuilds them after
 * this. A message remembered meanwhile stays (the next check sees it). The same object back when
 * none of them is remembered, so a second run writes nothing.
 */
export function withoutPrepCards(review: TalentReview, forgotten: PrepCardMessage[]): TalentReview {
  const cards = review.prepCards ?? [];
  const kept = cards.filter((c) => !forgotten.some((f) => samePrepCard(c, f)));
  return kept.length === cards.length ? review : { ...review, prepCards: kept };
}

/**
 * The hour (in the organisation's time zone) of the daily check that withdraws prep cards from
 * a former manager's chat: at night, away from the 09:00 prep cards and the working day.
 */
export const MANAGER_CHECK_HOUR = 3;

/** The next daily manager check after `now`: tomorrow's when today's hour has passed. */
export function nextManagerCheckAt(now: Date, timeZone: string): Date {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const today = local.set({ hour: MANAGER_CHECK_HOUR, minute: 0, second: 0, millisecond: 0 });
  return (today > local ? today : today.plus({ days: 1 })).toJSDate();
}

/** One check job per day (its local date in the id): scheduling it again that day is a no-op. */
export function managerCheckJobId(at: Date, timeZone: string): string {
  return `review.prepManagerCheck:${DateTime.fromJSDate(at, { zone: timeZone }).toISODate()}`;
}

/**
 * The durable retry of a report's prep-card rebuild: one per report, so a later failure replaces
 * it and their erasure finds it (its payload names them).
 */
export function prepRefreshJobId(reportId: string): string {
  return stableId('prepRefresh', reportId);
}

/** Which delivery of the scheduled prep card this is: 0 for the first, one more after each that did not arrive. */
export function prepDeliveryAttempt(review: Pick<TalentReview, 'prepNotDelivered'>): number {
  return review.prepNotDelivered?.count ?? 0;
}

/** The scheduled prep card reached the manager's chat: the first moment it did is kept. */
export function prepDelivered(review: TalentReview, now: Date): TalentReview {
  return review.prepSentAt ? review : { ...review, prepSentAt: now.toISOString() };
}

/**
 * The delivery `attempt` of the scheduled prep card did not reach the manager's chat: counted, so
 * planning again sends it under a new key. Once per attempt (a retried write counts it once), and
 * not at all once a card arrived.
 */
export function prepNotDelivered(review: TalentReview, attempt: number, now: Date): TalentReview {
  if (review.prepSentAt || prepDeliveryAttempt(review) !== attempt) return review;
  return { ...review, prepNotDelivered: { count: prepDeliveryAttempt(review) + 1, at: now.toISOString() } };
}

/** The report changed what they share: every prep card rendered before now is out of date. */
export function sharingChanged(review: TalentReview): TalentReview {
  return { ...review, sharedRevision: (review.sharedRevision ?? 0) + 1 };
}

/** How many prep card presses a review remembers: far more than a manager changes it in the minutes Teams redelivers in. */
export const PREP_PRESS_KEYS_KEPT = 20;

/** What a prep card press applies: the account of what the manager facilitated, or a phase proposal. */
export type PrepPress = { kind: 'facilitated'; text: string; share?: boolean } | { kind: 'phase'; phase: MaturityPhase };

/**
 * The key of one prep card press: the card's action key (or the activity's id), the manager, and
 * what they pressed with. The same press delivered again has it; another press on the same card
 * with other words (the card was not replaced) does not.
 */
export function prepPressKey(pressKey: string, managerId: string, press: PrepPress): string {
  const content = press.kind === 'facilitated' ? [trimText(press.text), press.share === true ? 'share' : 'own'] : [press.phase];
  return stableId('rp', pressKey, managerId, press.kind, ...content);
}

/** Whether this press (its `prepPressKey`) was applied to the review before. */
function prepPressedBefore(review: TalentReview, key: string | undefined): boolean {
  return key !== undefined && !!review.pressKeys?.includes(key);
}

/**
 * The review having taken this press: its key kept, the latest few, also when the press changed
 * nothing (the same words again), or Teams delivering it again after a later change would apply it.
 */
function withPrepPressKey(review: TalentReview, key: string | undefined): TalentReview {
  return key === undefined ? review : { ...review, pressKeys: [...(review.pressKeys ?? []), key].slice(-PREP_PRESS_KEYS_KEPT) };
}

/**
 * The manager's account of what they facilitated, and whether HR may quote it (without name or
 * team). The same input twice changes nothing, nor does a press applied before (`key`, see
 * prepPressKey), delivered again after a later change. The report's teams, which accounts from
 * before stop 31 kept for a per-team label, are dropped when the account changes.
 */
export function recordFacilitated(review: TalentReview, input: { text: string; share?: boolean }, now: Date, key?: string): TalentReview {
  const t = trimText(input.text);
  if (!t) throw new DomainError('invalidInput', { detail: 'facilitated', input: { field: 'facilitated', rule: 'required' } });
  const over = overLimit(t, MAX_FACILITATED_LENGTH);
  if (over) throw new DomainError('invalidInput', { detail: 'facilitated', input: { field: 'facilitated', rule: 'tooLong', params: { max: MAX_FACILITATED_LENGTH, count: over } } });
  if (prepPressedBefore(review, key)) return review;
  const share = input.share === true;
  if (t === review.facilitated && share === (review.shareFacilitation === true) && !review.facilitationTeams) return withPrepPressKey(review, key);
  const { facilitationTeams: _dropped, sharedSince: _was, ...rest } = review;
  // The first moment stays through edits; an account from before stop 50 keeps its last change as
  // its first (the later of the two: it counts in no month it may not have been written in).
  const first = review.firstFacilitatedAt ?? (review.facilitated ? review.facilitatedAt : undefined) ?? now.toISOString();
  // Sharing began now unless it was on already. Not the first moment ever: a share switched off
  // and on again after a month ended would bring a withdrawn quote back into that month. An
  // account shared before `sharedSince` existed keeps its last change (the store's reading of it).
  const wasShared = review.shareFacilitation === true && !!review.facilitated;
  const sharedSince = !share ? undefined : wasShared ? (review.sharedSince ?? review.facilitatedAt ?? now.toISOString()) : now.toISOString();
  return withPrepPressKey({ ...rest, facilitated: t, facilitatedAt: now.toISOString(), firstFacilitatedAt: first, shareFacilitation: share, ...(sharedSince ? { sharedSince } : {}) }, key);
}

/**
 * The manager proposes a phase for the conversation; the professional's own choice is elsewhere
 * and stays theirs. A press applied before (`key`) changes nothing.
 */
export function proposePhase(review: TalentReview, phase: MaturityPhase, now: Date, key?: string): TalentReview {
  if (prepPressedBefore(review, key)) return review;
  return withPrepPressKey(review.phaseProposal?.phase === phase ? review : { ...review, phaseProposal: { phase, at: now.toISOString() } }, key);
}

/** Whether the conversation's day has passed in its own time zone: then its facilitation account is the professional's to read. */
export function conversationHeld(review: Pick<TalentReview, 'date' | 'timeZone'>, now: Date): boolean {
  return DateTime.fromJSDate(now, { zone: review.timeZone }).toISODate()! > review.date;
}

/**
 * Earlier versions let the manager pick the phase (`managerPhasePick`). It becomes a proposal,
 * dated when the conversation was planned; undefined when there is nothing to move.
 */
export function fromLegacyPhasePick(doc: TalentReview & { managerPhasePick?: MaturityPhase }): TalentReview | undefined {
  if (!doc.managerPhasePick) return undefined;
  const { managerPhasePick, ...rest } = doc;
  return rest.phaseProposal ? rest : { ...rest, phaseProposal: { phase: managerPhasePick, at: doc.createdAt } };
}
