import { directoryListsTenant, hrPeopleToAddress, HrPeopleSource } from '../../domain/directory/hr-people';
import { directReportsOf, isDirectoryOutage, ManagerDirectory, notThemselves } from '../../domain/directory/manager-directory';
import {
  afterAnnounced,
  catchUpMoment,
  HalfYearMoment,
  HalfYearNotices,
  HalfYearRoute,
  halfYearJobId,
  halfYearOf,
  momentAfter,
  momentDueAt,
  momentRunTiming,
  momentsOf,
  momentUnderWay,
  nextMoment,
  reportsWithoutConversation,
} from '../../domain/hr-report/half-year';
import { HALF_YEAR_QUEUED_KEPT, Jaarplan, JaarplanRepository, jaarplanYears } from '../../domain/hr-report/jaarplan';
import { JobScheduler } from '../../domain/scheduling/job';
import { Clock } from '../../domain/shared/clock';
import { keyedDigest, stableId } from '../../domain/shared/ids';
import { TalentReviewRepository } from '../../domain/talent-review/ports';

export const HALF_YEAR_JOB = 'jaarplan.halfYear';

/** Half-years a plan remembers: one a month at most, so a year's all (the store's bound too). */
const REMINDED_KEPT = 12;

/** Managers whose reports are looked up at once: bounded, so a large organisation does not flood the directory. */
const MANAGERS_AT_ONCE = 8;

export interface HalfYearDeps extends HrPeopleSource {
  /** Read for the months; written only to remember which half-years were announced (and a run again's cards: `halfYearCardsQueued`). */
  plans: Pick<JaarplanRepository, 'get' | 'create' | 'update'>;
  scheduler: JobScheduler;
  clock: Clock;
  /** ORG_TIME_ZONE: the moments are 09:00 there. */
  timeZone: string;
  /** HOLIDAY_REGION's public holidays: the reminders come on the month's first working day. */
  isHoliday(isoDate: string): boolean;
  /**
   * HR_USER_IDS and HR_GROUP_ID (`hrGroup`), whose members `listHrGroup` lists (Graph; absent or
   * undefined locally: they get no card, and the outcome says so). See `hrPeopleToAddress`.
   */
  hrUserIds: readonly string[];
  hrGroup: boolean;
  directory: Pick<ManagerDirectory, 'directReports' | 'managers'>;
  /** Read only: a manager's own plans. */
  reviews: Pick<TalentReviewRepository, 'listByManager'>;
  notices: HalfYearNotices;
  /**
   * The app's secret (POLL_HASH_KEY) the plan's record of a run again's cards is keyed with
   * (`plannedCardKey`). Absent: the cards' keys themselves, which anyone reading the plan
   * recomputes from a person's id, also after their erasure (found in review, stop 58).
   */
  planKeySecret?: string;
}

/** What one tenant's job is about: the tenant, how its chats are reached, and the moment. */
export interface HalfYearJob {
  tenantId: string;
  route: HalfYearRoute;
  year: number;
  month: number;
  /** When this run was due (the scheduler's due time): with the pick-up time, whether it is late (`momentRunTiming`). */
  dueAt: string;
}

/**
 * Schedules the tenant's next moment (a no-op when it is scheduled already: its id follows from
 * tenant and moment). Called when HR opens or saves the Jaarplan, when the app is added in the
 * tenant and by each moment's own job, so the rhythm runs from the first use on. The route is the
 * tenant's, never a person's chat.
 *
 * A month that is a moment now, after its reminders' time (HR chose it then, or the tenant began
 * with the app in it), whose half-year was not announced yet, gets its job due now as well: the
 * reminder still says something true within its month. Same id as the moment's own job, so a job
 * that ran stays as it is, and `runHalfYear`'s checks announce a half-year once. Extra requests
 * only then: the plans read here tell whether the half-year was announced (last year's is read
 * only for a first moment, when this year's plan remembers a half-year).
 */
export async function scheduleHalfYear(deps: Pick<HalfYearDeps, 'plans' | 'scheduler' | 'clock' | 'timeZone' | 'isHoliday'>, tenantId: string, route: HalfYearRoute): Promise<HalfYearMoment> {
  const now = deps.clock.now();
  // The next moment is this year's or next year's (organisation time): each year by its own months.
  const years = jaarplanYears(now, deps.timeZone);
  const plans = await Promise.all(years.map((y) => deps.plans.get(tenantId, y)));
  const next = nextMoment(now, deps.timeZone, deps.isHoliday, (y) => momentsOf(plans[years.indexOf(y)]));
  const job = (m: HalfYearMoment, dueAt: string, id?: string) => halfYearJob(tenantId, route, m, dueAt, id);
  await deps.scheduler.schedule(job(next, next.dueAt));
  const current = await momentNotAnnounced(deps, tenantId, plans[0]);
  // Once HR saved the year's months, its own id per revision of the plan: a month HR moved away
  // (its job ran and found no moment) and back within the week a ran job is kept would otherwise
  // find its job done, and say nothing. Every save is a new revision; opening the form, or the app
  // added, schedules it once. Before any save the moment's own id, as its job (no move to undo).
  const revision = plans[0]?.revision ?? 0;
  if (current) await deps.scheduler.schedule(job(current, now.toISOString(), `${halfYearJobId(HALF_YEAR_JOB, tenantId, current)}${revision ? `:r${revision}` : ''}`));
  return next;
}

/** A tenant's job for one moment: its own id (tenant and moment) unless given one. */
function halfYearJob(tenantId: string, route: HalfYearRoute, m: Pick<HalfYearMoment, 'year' | 'month'>, dueAt: string, id = halfYearJobId(HALF_YEAR_JOB, tenantId, m)) {
  return {
    id,
    kind: HALF_YEAR_JOB,
    dueAt,
    payload: { tenantId, serviceUrl: route.serviceUrl, ...(route.botId ? { botId: route.botId } : {}), year: m.year, month: m.month },
  };
}

/** This year's moment under way (`momentUnderWay`) whose half-year the year's plan does not remember as announced. */
async function momentNotAnnounced(deps: Pick<HalfYearDeps, 'plans' | 'clock' | 'timeZone' | 'isHoliday'>, tenantId: string, plan: Jaarplan | undefined): Promise<HalfYearMoment | undefined> {
  const moments = momentsOf(plan);
  const current = momentUnderWay(deps.clock.now(), deps.timeZone, deps.isHoliday, moments);
  if (!current) return undefined;
  const reminded = plan?.remindedHalfYears ?? [];
  if (!reminded.length) return current;
  // A first moment's half-year starts after last year's second month, as chosen for last year.
  const lastYear = current.month === moments[0] ? await deps.plans.get(tenantId, current.year - 1) : undefined;
  const computed = halfYearOf(current, moments, momentsOf(lastYear));
  const announced = afterAnnounced(computed, [plan?.announcedUntil, lastYear?.announcedUntil]);
  return reminded.includes(computed.from) || reminded.includes(announced.from) ? undefined : current;
}

export type HalfYearOutcome =
  /** HR changed the months since this job was scheduled: this month is none of them now. */
  | { result: 'notAMoment' }
  /**
   * Picked up late (the app was down) outside working hours: nothing sent, the job runs again at
   * `runAgainAt` (09:00 on the next working day) and is judged then (`momentRunTiming`).
   */
  | { result: 'outsideWorkingHours'; runAgainAt: string }
  /**
   * The job ran after its moment month, once the next moment month had begun (the app was down
   * for both): the next half-year's reminder is due, the missed one is not told any more. The next
   * moment's job is scheduled (its own id and due time), so that half-year is told, late if need be.
   */
  | { result: 'tooLate' }
  /** This half-year was announced already (HR moved its month after the reminder came): said once. */
  | { result: 'remindedAlready' }
  | {
      result: 'sent';
      /** Present when the run came after the moment month (the app was down): the cards said so. */
      late?: true;
      hr: number;
      /** HR_GROUP_ID is set and this directory cannot list it (local mode): its members got no card. */
      hrGroupNotListed: boolean;
      /** HR_GROUP_ID's members: listed (and counted in `hr`), or the directory did not answer (`runAgain`). */
      hrGroup?: 'listed' | 'unavailable';
      /**
       * Managers nudged; `notListed` when the directory cannot list managers, `otherTenant` when its
       * listings are another tenant's (Graph lists the app's own), `unavailable` when it did not answer.
       */
      managers: number | 'notListed' | 'otherTenant' | 'unavailable';
      /** Managers whose reports the directory did not give: skipped. */
      managersSkipped: number;
      /**
       * The directory did not answer for some or all managers, or for HR_GROUP_ID's members: the half-year is not marked as
       * reminded, and the job runs again (late too, until the next moment month); the cards already
       * queued are kept under their keys (the outbox's, and the plan's `halfYearCardsQueued`), so nobody gets one twice.
       */
      runAgain: boolean;
    };

/**
 * A card's key before stop 61: a plain hash of tenant, half-year and person, which anyone who knows
 * a person's id recomputes. Still asked for by a run again (`once`): a card queued under it is not
 * queued again under `cardKey`.
 */
function formerCardKey(kind: 'hr' | 'manager', tenantId: string, halfYearFrom: string, userId: string): string {
  return `jaarplan.halfYear.${kind}:${stableId('hy', tenantId, halfYearFrom, userId)}`;
}

/** The purpose of the app's secret in `cardKey`: no other digest under it is the same. */
const CARD_KEY_LABEL = 'lerend-werken/half-year-card-key/v1';

/**
 * Keys per person and half-year: the outbox keeps one card per key however often this runs. The
 * half-year is named by its first day, which stays when HR moves only its closing month. A digest
 * under the app's secret (`planKeySecret`): the sent card is kept a week under an id that follows
 * from its key, also after its reader's erasure (it names nobody then, `endedNamingNobody`), and a
 * plain key would let anyone who knows their id find it, and so whose is missing (found in review,
 * stop 61). Absent: the plain key (`formerCardKey`).
 */
function cardKey(deps: Pick<HalfYearDeps, 'planKeySecret'>, kind: 'hr' | 'manager', tenantId: string, halfYearFrom: string, userId: string): string {
  const former = formerCardKey(kind, tenantId, halfYearFrom, userId);
  if (!deps.planKeySecret) return former;
  return `jaarplan.halfYear.${kind}:hk_${keyedDigest(CARD_KEY_LABEL, deps.planKeySecret, former).slice(0, 22)}`;
}

/** The purpose of the app's secret in `plannedCardKey`: no other digest under it is the same. */
const PLANNED_KEY_LABEL = 'lerend-werken/half-year-planned-card/v1';

/**
 * What the year's plan keeps of a card's key (`halfYearCardsQueued`): its kind, and a digest of
 * the key under the app's secret (`planKeySecret`), shaped as the key is. Nobody without the secret
 * can test a person's id against it, so it can stay when they erase their data, and still keep
 * them from a second card.
 */
function plannedCardKey(deps: Pick<HalfYearDeps, 'planKeySecret'>, key: string): string {
  if (!deps.planKeySecret) return key;
  return `${key.slice(0, key.indexOf(':'))}:hy_${keyedDigest(PLANNED_KEY_LABEL, deps.planKeySecret, key).slice(0, 22)}`;
}

/**
 * Remembers on the year's plan that the half-year starting `from` was announced. The outbox
 * forgets its keys a week after sending, so only the plan can tell a moved month's run, weeks
 * later, that its half-year was announced (`changePlan`).
 */
async function rememberReminded(deps: Pick<HalfYearDeps, 'plans' | 'clock'>, tenantId: string, year: number, halfYear: { from: string; to: string }, stored: Jaarplan | undefined): Promise<void> {
  const { from, to } = halfYear;
  await changePlan(deps, tenantId, year, stored, (current) => {
    const until = current.announcedUntil && current.announcedUntil > to ? current.announcedUntil : to;
    // The cards' keys were kept for the runs again only: the half-year remembered says it all now.
    if (current.remindedHalfYears?.includes(from) && current.announcedUntil === until && !current.halfYearCardsQueued) return current;
    const reminded = current.remindedHalfYears?.includes(from) ? current.remindedHalfYears : [...(current.remindedHalfYears ?? []), from].slice(-REMINDED_KEPT);
    const { halfYearCardsQueued: _done, ...rest } = current;
    return { ...rest, remindedHalfYears: reminded, announcedUntil: until };
  });
}

/**
 * Remembers on the year's plan the keys of the cards a run that runs again queued for the half-year
 * starting `from` (found in review, stop 53): such a run may go on, late, until the next moment
 * month, months after the outbox forgot its keys (a week), and would queue HR's card and the nudges
 * already sent once more. Another half-year's keys are dropped.
 */
async function rememberQueued(deps: Pick<HalfYearDeps, 'plans' | 'clock'>, tenantId: string, year: number, from: string, keys: readonly string[], stored: Jaarplan | undefined): Promise<void> {
  await changePlan(deps, tenantId, year, stored, (current) => {
    const kept = current.halfYearCardsQueued?.halfYear === from ? current.halfYearCardsQueued.keys : [];
    const added = keys.filter((k) => !kept.includes(k));
    if (!added.length && current.halfYearCardsQueued?.halfYear === from) return current;
    return { ...current, halfYearCardsQueued: { halfYear: from, keys: [...kept, ...added].slice(-HALF_YEAR_QUEUED_KEPT) } };
  });
}

/** Drops the keys a run again kept for one of `halfYears` (`rememberQueued`): its half-year will not be told any more. */
async function forgetQueued(deps: Pick<HalfYearDeps, 'plans' | 'clock'>, tenantId: string, year: number, stored: Jaarplan, halfYears: readonly string[]): Promise<void> {
  await changePlan(deps, tenantId, year, stored, (current) => {
    if (!current.halfYearCardsQueued || !halfYears.includes(current.halfYearCardsQueued.halfYear)) return current;
    const { halfYearCardsQueued: _gone, ...rest } = current;
    return rest;
  });
}

/**
 * Changes the year's plan under its ETag. A year without a plan gets one that HR never saved
 * (revision 0: HR's first save still finds the revision its form showed). The revision stays:
 * remembering is no save, and an open form is still the latest. `change` returns its input when
 * nothing changes.
 */
async function changePlan(deps: Pick<HalfYearDeps, 'plans' | 'clock'>, tenantId: string, year: number, stored: Jaarplan | undefined, change: (plan: Jaarplan) => Jaarplan): Promise<void> {
  if (!stored) {
    const { created } = await deps.plans.create(change({ tenantId, year, targets: {}, revision: 0, updatedAt: deps.clock.now().toISOString(), keys: [] }));
    if (created) return;
  }
  await deps.plans.update(tenantId, year, change);
}

/**
 * One tenant's moment: the next one is scheduled first (a run that fails does not end the rhythm),
 * then each HR person gets the reminder to account to the board, with the half-year's report one
 * press away, and each manager with direct reports lacking a conversation in this half-year gets a
 * count of them and the plan form. One announcement per half-year: after the cards are queued the
 * year's plan remembers the half-year (queued first, so a failed run is run again, never lost),
 * and a month HR moved after its reminder came announces nothing again. Stored besides the
 * outbox's cards: that mark only, no person (while the job runs again, its cards' keys too: one-way
 * hashes); the outcome holds counts only.
 */
export async function runHalfYear(deps: HalfYearDeps, job: HalfYearJob): Promise<HalfYearOutcome> {
  // Before anything else: scheduling here may add the month's job due now (a saved plan's revision
  // id), which would send in the night what this run waits with.
  const catchUp = catchUpMoment({ dueAt: new Date(job.dueAt), pickedUpAt: deps.clock.now() }, deps.timeZone, deps.isHoliday);
  if (catchUp) return { result: 'outsideWorkingHours', runAgainAt: catchUp.toISOString() };
  await scheduleHalfYear(deps, job.tenantId, job.route);
  // Last year's plan too: the first half-year starts after last year's own second month; next
  // year's: after the second month, the half-year it opens lasts until next year's first.
  const [plan, lastYear, nextYear] = await Promise.all([deps.plans.get(job.tenantId, job.year), deps.plans.get(job.tenantId, job.year - 1), deps.plans.get(job.tenantId, job.year + 1)]);
  const moments = momentsOf(plan);
  if (!moments.includes(job.month)) return { result: 'notAMoment' };
  const after = momentAfter(job, moments, momentsOf(nextYear));
  const timing = momentRunTiming(job, after, { dueAt: new Date(job.dueAt), pickedUpAt: deps.clock.now() }, deps.timeZone);
  if (timing === 'over') {
    // The app was down past the next moment month too: that moment's job, which this run would have
    // scheduled, is scheduled now as if it had (its own id and due time: a job that exists or ran stays
    // as it is), and its run tells its half-year, late, or passes on in turn (found in review, stop 53).
    const dueAt = momentDueAt(after.year, after.month, deps.timeZone, deps.isHoliday).toUTC().toISO()!;
    await deps.scheduler.schedule(halfYearJob(job.tenantId, job.route, after, dueAt));
    // A run again that never got its answer ends here: the keys it kept for its cards go with it
    // (its own half-year's only: a run of another moment may keep its own meanwhile).
    const computed = halfYearOf(job, moments, momentsOf(lastYear));
    const mine = [computed.from, afterAnnounced(computed, [plan?.announcedUntil, lastYear?.announcedUntil]).from];
    if (plan?.halfYearCardsQueued && mine.includes(plan.halfYearCardsQueued.halfYear)) await forgetQueued(deps, job.tenantId, job.year, plan, mine);
    return { result: 'tooLate' };
  }
  const late = timing === 'late' ? { late: true as const } : {};
  // Counted once: after the latest half-year announced, also when HR moved a month since (`afterAnnounced`).
  const computed = halfYearOf(job, moments, momentsOf(lastYear));
  const halfYear = afterAnnounced(computed, [plan?.announcedUntil, lastYear?.announcedUntil]);
  if ([computed.from, halfYear.from].some((from) => plan?.remindedHalfYears?.includes(from))) return { result: 'remindedAlready' };
  const hasTargets = Object.keys(plan?.targets ?? {}).length > 0;
  const to = (userId: string) => ({ tenantId: job.tenantId, route: job.route, userId });
  // HR_USER_IDS and HR_GROUP_ID's members, each once; a group Graph did not list waits for the run again.
  const people = await hrPeopleToAddress(deps, job.tenantId);
  const hrIds = people.ids;
  // Each card once per half-year: the outbox's key for a week, the plan's record of a run again's keys after that.
  const queued = new Set(plan?.halfYearCardsQueued?.halfYear === halfYear.from ? plan.halfYearCardsQueued.keys : []);
  const fresh: string[] = [];
  const once = async (kind: 'hr' | 'manager', userId: string, queue: (key: string, keyed: boolean) => Promise<void>) => {
    const key = cardKey(deps, kind, job.tenantId, halfYear.from, userId);
    const former = formerCardKey(kind, job.tenantId, halfYear.from, userId);
    const planned = plannedCardKey(deps, key);
    // The key itself too: kept by a run before the plan's keys were keyed; and the card's former
    // key, as a run before stop 61 kept it, so its run again after the update queues no second card.
    if ([planned, key, plannedCardKey(deps, former), former].some((k) => queued.has(k))) return;
    // Queued under the former key by a run the update stopped before the plan was written: that card
    // (found reviewing this change: sent twice). One read per card, in the scheduled job, only with a secret.
    if (key !== former && (await deps.notices.queuedUnder?.(former))) return;
    // Keyed when made with the app's secret (the key then differs from the former, plain one).
    await queue(key, key !== former);
    fresh.push(planned);
  };
  for (const id of hrIds) await once('hr', id, (key, keyed) => deps.notices.toHr(to(id), { year: job.year, halfYear, hasTargets, ...late }, key, keyed));
  const nudged = await nudgeManagers(deps, job.tenantId, halfYear, (managerId, withoutConversation) =>
    once('manager', managerId, (key, keyed) => deps.notices.toManager(to(managerId), { halfYear, withoutConversation, ...late }, key, keyed)),
  );
  // A directory that did not answer (for all managers or some) is asked again, not taken as "no managers":
  // marked as reminded, the half-year's nudges would be lost for good.
  // So is a group the directory did not list: HR_USER_IDS have their reminders, its members get theirs then.
  const runAgain = nudged.managers === 'unavailable' || nudged.managersSkipped > 0 || people.group === 'unavailable';
  if (!runAgain) await rememberReminded(deps, job.tenantId, job.year, halfYear, plan);
  else if (fresh.length) await rememberQueued(deps, job.tenantId, job.year, halfYear.from, fresh, plan);
  const group = people.group === 'listed' || people.group === 'unavailable' ? { hrGroup: people.group } : {};
  return { result: 'sent', ...late, hr: hrIds.length, hrGroupNotListed: people.group === 'notListed', ...group, ...nudged, runAgain };
}

/**
 * Every manager the directory lists, with the count of their reports without a conversation in the
 * half-year. Their reports as the listing read them (seconds ago, this run), else asked per manager.
 */
async function nudgeManagers(
  deps: HalfYearDeps,
  tenantId: string,
  halfYear: { from: string; to: string },
  nudge: (managerId: string, withoutConversation: number) => Promise<void>,
): Promise<{ managers: number | 'notListed' | 'otherTenant' | 'unavailable'; managersSkipped: number }> {
  if (!deps.directory.managers) return { managers: 'notListed', managersSkipped: 0 };
  // The directory's managers are its own tenant's: another tenant's run would nudge them again, in that tenant's name.
  if (!directoryListsTenant(deps, tenantId)) return { managers: 'otherTenant', managersSkipped: 0 };
  const listed = new Map<string, string[] | undefined>();
  try {
    const managers = await deps.directory.managers();
    // Cannot list them here for good (a permission not granted): as a directory without a listing.
    if (managers === undefined) return { managers: 'notListed', managersSkipped: 0 };
    for (const m of managers) listed.set(m.id, m.reportIds ?? listed.get(m.id));
  } catch (err) {
    if (isDirectoryOutage(err)) return { managers: 'unavailable', managersSkipped: 0 };
    throw err;
  }
  let nudged = 0;
  let skipped = 0;
  const queue = [...listed];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const [managerId, reportIds] = next;
      // Never the manager themselves: a directory naming someone their own manager gives no nudge about themselves.
      const reports = reportIds
        ? notThemselves(managerId, reportIds.map((id) => ({ id })))
        : await directReportsOf(deps.directory, managerId).catch((err: unknown) => {
            if (isDirectoryOutage(err)) return undefined;
            throw err;
          });
      if (!reports) {
        skipped++;
        continue;
      }
      if (!reports.length) continue;
      const count = reportsWithoutConversation(reports, await deps.reviews.listByManager(managerId), halfYear);
      if (!count) continue;
      await nudge(managerId, count);
      nudged++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(MANAGERS_AT_ONCE, listed.size) }, worker));
  return { managers: nudged, managersSkipped: skipped };
}
