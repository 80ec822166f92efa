import { DateTime } from 'luxon';
import { stableId } from '../shared/ids';
import { LearningNeedBatch } from './learning-need';
import { learningNeedsSection, LearningNeedsSection } from './report';

/**
 * L&O hears each week's handover without asking (stop 51): after a tenant's weekly handover wrote
 * its batch, each HR/L&O person the app can name gets one card in their own 1:1 chat with what the
 * report may show of that one handover, no more.
 */

/** Where a tenant is reached from a scheduled job (no turn, no chat): a stored conversation of the tenant. */
export interface TenantRoute {
  serviceUrl: string;
  botId?: string;
}

/** What the card shows: the week, and the report's section over that one handover. */
export interface WeeklyLoView {
  /** ISO week, e.g. 2026-W49, and its number (49) as the card names it. */
  week: string;
  weekNumber: number;
  /** The week's Monday and Sunday: the report's period one press away. */
  from: string;
  to: string;
  section: LearningNeedsSection;
  /**
   * Earlier weeks whose handover could not be completed (the job gave up after its day of
   * retries): their week numbers. What was not handed over then was taken along in this one.
   */
  unfinished?: number[];
  /** This card comes late: its own week's handover could not be completed then (see `unfinished`). */
  late?: true;
}

/**
 * The card's view of one handover, exactly as the report over that week shows it (the same rules,
 * decided for this one handover); undefined when nothing of it may be shown: no card then, so no
 * card can say that a rest too small to count existed.
 */
export function weeklyLoView(batch: LearningNeedBatch, minimum: number): WeeklyLoView | undefined {
  const from = batch.weekStart;
  const to = DateTime.fromISO(from).plus({ days: 6 }).toISODate()!;
  const section = learningNeedsSection([batch], { from, to }, minimum);
  if (section.counted === 0) return undefined;
  return { week: batch.week, weekNumber: weekNumberOf(batch.week), from, to, section };
}

/** The week number an ISO week (2026-W49) names on a card. */
export function weekNumberOf(week: string): number {
  return Number(week.split('-W')[1]);
}


/**
 * A week's handover that began and has not completed yet (the job told L&O last): one small
 * record per week, no person, no count (at most the ids of tenants still to be told: `waiting`). A
 * record left from an earlier week means that week's job gave up, or a tenant's batch of it was held
 * back; the next handover finds it and tells L&O.
 */
export interface HandoverRunRecord {
  id: string;
  type: 'learningNeedHandoverRun';
  week: string;
  /**
   * The week's needs were handed over (its batches written); only telling L&O was left undone. Such
   * a week's cards come late, and no later card says its needs were taken along (found in review, stop 52).
   */
  handedOver?: true;
  /**
   * The tenants whose batch of the week is still to be told (held back while off ALLOWED_TENANT_IDS,
   * or a card of theirs given up for it); the other tenants were told. Absent: every tenant with a
   * batch of the week is told (a run that did not finish, or a record from before this list). Tenant
   * ids only (found in review, stop 53: a later telling to every tenant sent the others' HR the card
   * again once the outbox had forgotten their keys).
   */
  waiting?: string[];
  /** Cosmos TTL in seconds: gone on its own if no later handover ever looks. */
  ttl: number;
}

/** A week whose handover has not completed, as a later handover finds it (`HandoverRuns.unfinishedBefore`). */
export interface UnfinishedWeek {
  week: string;
  handedOver: boolean;
  /** Only these tenants are still to be told of it; absent: every tenant with a batch of the week. */
  waiting?: string[];
}

/**
 * Who is still to be told of a week after a telling: the tenants it `told` are off the list, those
 * it `held` back (off ALLOWED_TENANT_IDS) on it. A record without a list (every tenant was to be
 * told) keeps only the held ones. Empty: the week is done. Sorted, without repeats.
 */
export function stillWaiting(waiting: readonly string[] | undefined, told: readonly string[], held: readonly string[]): string[] {
  const rest = waiting ? waiting.filter((t) => !told.includes(t)) : [];
  return [...new Set([...rest, ...held])].sort();
}

/** How long a handover run's record lives: also how long a weekly card's key is kept, so a late telling never sends a card twice. */
export const HANDOVER_RUN_KEEP_SECONDS = 90 * 24 * 3600;

/** Port: the record of each week's handover while it has not completed. */
export interface HandoverRuns {
  /** Written when a week's handover job begins (again: nothing changes). */
  begin(week: string): Promise<void>;
  /**
   * Marked once the week's needs were handed over (its batches written), before L&O is told: every
   * tenant is to be told (no `waiting` list). With `tenantId` (a card of that tenant given up while
   * it is off ALLOWED_TENANT_IDS): that tenant is added to the week's list, or the record written
   * with it alone; a record without a list stays without one. Written every time (also when the
   * tenant was on the list already), so a telling that read the record before sees it changed.
   */
  handedOver(week: string, tenantId?: string): Promise<void>;
  /**
   * After L&O was told of the week (`told`: the tenants it was told to; `held`: those held back):
   * the record keeps the tenants still waiting (`stillWaiting`), and goes once none is. `since`:
   * the record as this telling found it (`unfinishedBefore`, `find`); if it was written since (a
   * card given up meanwhile kept its tenant, perhaps one this telling counted as told: its queue
   * found the card's key still held), nobody it waits for is taken off, only the held added; the
   * next telling finds what was queued under the cards' keys and queues only what is missing.
   */
  told(week: string, told: readonly string[], held: readonly string[], since?: UnfinishedWeek): Promise<void>;
  /** The weeks before `week` whose handover began and never completed, oldest first. */
  unfinishedBefore(week: string): Promise<UnfinishedWeek[]>;
  /** The week's own record as it stands (undefined: none), for its telling's `told` (`since`). */
  find(week: string): Promise<UnfinishedWeek | undefined>;
}

/** One card per tenant, week and person however often the handover runs: the outbox's key (hashed: it names nobody). */
export function weeklyLoKey(tenantId: string, week: string, userId: string): string {
  return `learningNeeds.weekly:${stableId('lnw', tenantId, week, userId)}`;
}

/** Port: the card queued in a person's 1:1 chat under its key (once per key). */
export interface WeeklyLoNotices {
  toLo(to: { tenantId: string; route: TenantRoute; userId: string }, view: WeeklyLoView, key: string): Promise<void>;
  /** Takes the card queued under `key` out of the outbox again (not sent yet: nothing goes). */
  withdraw(key: string): Promise<void>;
}

/** Port: how a tenant is reached; undefined when the app knows no conversation of it. */
export interface TenantRoutes {
  routeOf(tenantId: string): Promise<TenantRoute | undefined>;
}
