import { HrPeople, hrPeopleOfTenant, hrPeopleToAddress, HrPeopleSource } from '../../domain/directory/hr-people';
import { batchIdOf } from '../../domain/learning-needs/learning-need';
import { LearningNeedStore } from '../../domain/learning-needs/ports';
import { HandoverRuns, TenantRoutes, UnfinishedWeek, weekNumberOf, weeklyLoKey, weeklyLoView, WeeklyLoNotices, WeeklyLoView } from '../../domain/learning-needs/weekly-to-lo';
import { erasureTicketId } from '../../domain/verantwoording/erasure-ticket';
import { PersonalRecordRepository } from '../../domain/verantwoording/ports';

export interface WeeklyLoDeps extends HrPeopleSource {
  store: Pick<LearningNeedStore, 'getBatch' | 'batchesOfWeek'>;
  /** Read only: whether an HR person's erasure is under way (their erasure ticket). */
  records: Pick<PersonalRecordRepository, 'get'>;
  minimum: number;
  /**
   * HR_USER_IDS and HR_GROUP_ID (`hrGroup`), whose members `listHrGroup` lists (Graph; absent or
   * undefined locally: they get no card, and the outcome says so). See `hrPeopleToAddress`.
   */
  hrUserIds: readonly string[];
  hrGroup: boolean;
  routes: TenantRoutes;
  notices: WeeklyLoNotices;
  /** The record of each week's handover until it completed: how a week whose job gave up is found later. */
  runs: HandoverRuns;
  /** Whether the app serves a tenant now (ALLOWED_TENANT_IDS: `tenantServed`); absent: every tenant. */
  tenantServed?: (tenantId: string) => boolean;
}

/** What a card says beyond its handover's figures: see WeeklyLoView's `unfinished` and `late`. */
type Told = Pick<WeeklyLoView, 'unfinished' | 'late'>;

export type WeekOutcomes = ({ tenantId: string } & WeeklyLoOutcome)[];

/**
 * Written when the week's handover job begins, before anything is handed over: if the job gives
 * up after its day of retries, the record stays, and a later handover finds it (`tellLoAfterHandover`).
 */
export function handoverBegins(deps: Pick<WeeklyLoDeps, 'runs'>, week: string): Promise<void> {
  return deps.runs.begin(week);
}

/**
 * The week's needs were handed over (its batches written): a job that gives up after this left
 * only the telling undone, so a later handover tells that week late and says of it nothing more.
 */
export function handoverWritten(deps: Pick<WeeklyLoDeps, 'runs'>, week: string): Promise<void> {
  return deps.runs.handedOver(week);
}

/**
 * After the week's handover: L&O hears of it (`tellLoOfWeek`), and of every earlier week whose
 * handover began and never completed (its job gave up after its day of retries). Such a week's
 * batches that were written before it stopped are told now, late, under their own keys (a card
 * already queued then is not queued again); what it did not hand over waited and was taken along
 * in this handover, which this week's cards say (the week numbers only: no count of what was
 * carried over, which could be fewer people than the minimum). A tenant with nothing publishable
 * this week hears nothing of it: that the job failed tells L&O nothing about their needs. The
 * records go only after everything was queued, so a failure here is told by the next run; a record
 * that names the tenants still waiting (`HandoverRunRecord.waiting`) is told to those alone.
 */
export async function tellLoAfterHandover(
  deps: WeeklyLoDeps,
  week: string,
): Promise<{ week: WeekOutcomes; unfinished: { week: string; outcomes: WeekOutcomes }[]; hrGroupUnavailable: boolean }> {
  // HR_GROUP_ID is listed once for all tenants and weeks of this run.
  const people = await hrPeopleToAddress(deps);
  const earlier = await deps.runs.unfinishedBefore(week);
  // The week's own record as it stands before its telling (see `settle`).
  const own = await deps.runs.find(week);
  const unfinished: { week: string; outcomes: WeekOutcomes; since: UnfinishedWeek }[] = [];
  // A week that kept only some tenants waiting is told to those alone (found in review, stop 53).
  for (const e of earlier) unfinished.push({ week: e.week, outcomes: await tellLoOfWeek(deps, e.week, { late: true }, people, e.waiting), since: e });
  // Only a week whose needs were not handed over had them taken along now (a week that only failed to tell L&O did not).
  const takenAlong = earlier.filter((e) => !e.handedOver).map((e) => weekNumberOf(e.week));
  const outcomes = await tellLoOfWeek(deps, week, takenAlong.length ? { unfinished: takenAlong } : {}, people);
  // The group could not be listed: HR_USER_IDS have their cards, the group's members not yet. The
  // records stay, so the job's retry (or, if it gives up, the next handover) tells them, under the
  // same keys: nobody gets a card twice.
  const hrGroupUnavailable = people.group === 'unavailable';
  // A week with a batch of a tenant off ALLOWED_TENANT_IDS keeps its record too, naming the tenants
  // still waiting: a handover after one is allowed again tells its batch (late), and only theirs:
  // the other tenants' cards not again, whether or not the outbox still holds their keys (stop 53).
  // A queued card counts as told, also one found under its key; a card given up meanwhile (its
  // tenant off the list where the outbox sent from) writes the record again, and a record written
  // since this run read it takes nobody off (`since`, stop 54): the next handover tells that tenant.
  const settle = (w: string, o: WeekOutcomes, since: UnfinishedWeek | undefined) =>
    deps.runs.told(w, o.map((x) => x.tenantId), o.filter((x) => x.result === 'notAllowed').map((x) => x.tenantId), since);
  if (!hrGroupUnavailable) {
    for (const e of unfinished) await settle(e.week, e.outcomes, e.since);
    await settle(week, outcomes, own);
  }
  return { week: outcomes, unfinished: unfinished.map(({ week: w, outcomes: o }) => ({ week: w, outcomes: o })), hrGroupUnavailable };
}

export type WeeklyLoOutcome =
  /** No batch of this tenant this week (nothing handed over): nothing to tell. */
  | { result: 'noBatch' }
  /** Nothing of the handover may be shown (every theme and the rest below the minimum): no card. */
  | { result: 'nothingPublishable' }
  /** The app knows no conversation of the tenant (or Teams named no tenant): nowhere to send from. */
  | { result: 'noRoute' }
  /** The tenant is off ALLOWED_TENANT_IDS: its batch is kept, and told once it is allowed again. */
  | { result: 'notAllowed' }
  | {
      result: 'queued';
      hr: number;
      erasing: number;
      /** HR_GROUP_ID is set and this directory cannot list it (local mode): its members got no card. */
      hrGroupNotListed: boolean;
      /** HR_GROUP_ID's members: listed (and counted in `hr`), or the directory did not answer (told on the retry). */
      hrGroup?: 'listed' | 'unavailable';
    };

/**
 * After the week's handover: every tenant whose batch of the week was written is told (below), also
 * a batch an earlier run of this week wrote before it stopped (whose people were stripped since, so
 * the handover itself reports nothing of it); with `only`, just those tenants (the ones a week's
 * record says are still waiting). One outcome per tenant, counts only.
 */
export async function tellLoOfWeek(deps: WeeklyLoDeps, week: string, told: Told = {}, people?: HrPeople, only?: readonly string[]): Promise<WeekOutcomes> {
  const tenants = [...new Set((await deps.store.batchesOfWeek(week)).map((b) => b.tenantId).filter((t): t is string => t !== undefined && (!only || only.includes(t))))].sort();
  const outcomes: WeekOutcomes = [];
  for (const tenantId of tenants) outcomes.push({ tenantId, ...(await tellLoOfHandover(deps, tenantId, week, told, people)) });
  return outcomes;
}

/**
 * After a tenant's weekly handover wrote its batch (or found it written: a run again after a
 * crash), each HR person (`hrPeopleToAddress`: HR_USER_IDS and HR_GROUP_ID's listed members) gets one card in their own 1:1 chat, under a key of
 * tenant, week and person, so however often the handover runs the outbox holds one. Someone
 * whose erasure is under way gets none; one who erases after it was queued takes it out of the
 * outbox and leaves its key (the card's `keyOutlivesErasure`), so a run again queues nothing.
 * Only in the scheduled handover, never a member's turn. The outcome holds counts only. Whether
 * the person is still HR (HR_USER_IDS, or HR_GROUP_ID as Graph says then) is asked again when the outbox sends the card (a restart
 * may have taken them out meanwhile: `registerWeeklyLoCheck`).
 */
export async function tellLoOfHandover(deps: WeeklyLoDeps, tenantId: string, week: string, told: Told = {}, people?: HrPeople): Promise<WeeklyLoOutcome> {
  const batch = await deps.store.getBatch(batchIdOf(week, tenantId));
  if (!batch || batch.tenantId !== tenantId) return { result: 'noBatch' };
  if (deps.tenantServed && !deps.tenantServed(tenantId)) return { result: 'notAllowed' };
  const shown = weeklyLoView(batch, deps.minimum);
  if (!shown) return { result: 'nothingPublishable' };
  const view: WeeklyLoView = { ...shown, ...(told.unfinished?.length ? { unfinished: told.unfinished } : {}), ...(told.late ? { late: true as const } : {}) };
  const route = tenantId ? await deps.routes.routeOf(tenantId) : undefined;
  if (!route) return { result: 'noRoute' };
  const hr = people ? hrPeopleOfTenant(people, deps, tenantId) : await hrPeopleToAddress(deps, tenantId);
  const hrIds = hr.ids;
  let queued = 0;
  let erasing = 0;
  for (const userId of hrIds) {
    const ticket = await deps.records.get(userId, erasureTicketId(userId));
    if (ticket?.type === 'erasureTicket') {
      erasing++;
      continue;
    }
    const key = weeklyLoKey(tenantId, week, userId);
    await deps.notices.toLo({ tenantId, route, userId }, view, key);
    // Read again after the queue: an erasure that began meanwhile purged the outbox before this card was in it.
    if ((await deps.records.get(userId, erasureTicketId(userId)))?.type === 'erasureTicket') {
      await deps.notices.withdraw(key);
      erasing++;
      continue;
    }
    queued++;
  }
  return { result: 'queued', hr: queued, erasing, hrGroupNotListed: hr.group === 'notListed', ...(hr.group === 'listed' || hr.group === 'unavailable' ? { hrGroup: hr.group } : {}) };
}
