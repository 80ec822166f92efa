import { endsPlannedWeeks } from '../../domain/week-cycle/cycle';
import { Group, Member } from '../../domain/week-cycle/group';
import { cycleIdFor } from '../../domain/week-cycle/ids';
import { JOB_KINDS, WeekCycleDeps } from './deps';

/**
 * The year's rhythm closes its loop: when the group's last planned week is complete, each member
 * is invited, in their own 1:1 chat, to look back on those weeks for themselves (what they learned,
 * what they now apply, what they want to learn next) and keep it in Mijn verantwoording. A job
 * does it, so the close stays quick and the invitation survives a restart; its payload names the
 * group and week only. Scheduled before the week is marked complete, so a failure in between
 * loses nothing (a close retried after it finds the week complete and schedules nothing more); a
 * job that runs before the week is marked complete asks again later (see membersAtWeeksEnd).
 */
export async function schedulePlannedWeeksEnd(deps: WeekCycleDeps, group: Pick<Group, 'id' | 'plannedWeeks'>, cycle: { id: string; weekNumber: number }, opts: { afterLeftOpen?: boolean } = {}): Promise<void> {
  if (!endsPlannedWeeks(cycle.weekNumber, group.plannedWeeks)) return;
  // A close that finishes what an earlier day-4 close left open: that close's job waits for the
  // completion wait's end; it comes now instead (a job that ran already stays done: once).
  if (opts.afterLeftOpen) await deps.scheduler.cancel(weeksEndJobId(cycle.id));
  await scheduleWeeksEnd(deps, group.id, cycle.id);
}

/**
 * The plan's last week's day 4 closed with a group question carried over: the week is not complete,
 * and the rhythm opens no session for it. The group may still finish it (`start` resumes what is
 * left, and that close brings the look-back at once); otherwise the look-back comes when the
 * completion wait is over (see membersAtWeeksEnd), so the planned weeks' loop closes either way.
 */
export async function schedulePlannedWeeksEndLeftOpen(deps: WeekCycleDeps, group: Pick<Group, 'id' | 'plannedWeeks'>, cycle: { id: string; weekNumber: number; sessionDates: string[] }): Promise<void> {
  if (!endsPlannedWeeks(cycle.weekNumber, group.plannedWeeks)) return;
  const waitOver = completionWaitEnd(cycle.sessionDates);
  const dueAt = waitOver && waitOver.getTime() > deps.clock.now().getTime() ? waitOver : deps.clock.now();
  await scheduleWeeksEnd(deps, group.id, cycle.id, dueAt);
}

/**
 * The look-back job of one week: its id makes it once per week while it is kept (its finished
 * job expires after 7 days); the week's `lookedBackAt` makes it once for good (see membersAtWeeksEnd).
 */
function weeksEndJobId(cycleId: string): string {
  return `${cycleId}_weeksEnd`;
}

async function scheduleWeeksEnd(deps: WeekCycleDeps, groupId: string, cycleId: string, dueAt: Date = deps.clock.now()): Promise<void> {
  await deps.scheduler.schedule({ id: weeksEndJobId(cycleId), kind: JOB_KINDS.plannedWeeksEnd, dueAt: dueAt.toISOString(), payload: { groupId, cycleId } });
}

/**
 * Whether the completed week `weekNumber` is where the group's planned weeks end now: their last
 * week, or, when they were lowered below the weeks held, the last week started (no week will ever
 * again be the plan's last: the lowering ends the plan with it). A week a group adds after its
 * plan is not an end again: its look-back job is only ever scheduled by such a lowering.
 */
function endsPlanNow(group: Pick<Group, 'plannedWeeks' | 'cyclesStarted'>, weekNumber: number): boolean {
  return endsPlannedWeeks(weekNumber, group.plannedWeeks) || (group.plannedWeeks < weekNumber && weekNumber === group.cyclesStarted);
}

/**
 * The group changed its planned weeks (from `previousPlannedWeeks`): when they now end at or before
 * the last week started and that week is complete (a group that says "this was it" after its week,
 * or after a few), the look-back comes now, as the week the plan ends with. The job's id makes it
 * once per week: a week that already ended the plan invites nobody again. A plan that had already
 * ended before the change (its weeks below the weeks started: that week's close, or an earlier
 * change, invited everyone) has had its look-back: a group that went on past it and changes its
 * weeks again is not invited a second time. A week under way is not seen here (its close checks
 * only for the plan's last week).
 */
export async function endPlannedWeeksIfDone(deps: WeekCycleDeps, group: Group, previousPlannedWeeks: number): Promise<void> {
  const last = group.cyclesStarted;
  if (!last || group.plannedWeeks > last || previousPlannedWeeks < last) return;
  const cycle = await deps.cycles.get(group.id, cycleIdFor(group.id, last));
  if (cycle?.completedAt && endsPlanNow(group, cycle.weekNumber)) await scheduleWeeksEnd(deps, group.id, cycle.id);
}

type ReachableMember = Member & { teamsId: string };

/** How long after its last planned day a week not yet marked complete is waited for. */
const COMPLETION_WAIT_DAYS = 7;

/**
 * Who is invited when the job runs: the group's members now (someone who left is not; someone who
 * joined in the last week is), whom the app can reach in a 1:1 chat. Nothing when the plan no
 * longer ends with the week (`endsPlanNow`: the group raised its planned weeks meanwhile), it
 * is gone (erased), or the week's look-back went out already (`lookedBackAt`: a left-open week
 * finished, or its plan changed, after the first job and its invitations' keys expired).
 * `notYet`: the week is not marked complete yet (the job runs in the moment between its scheduling
 * and that write, or the write failed and a retry of the close will make it): ask again later, for
 * up to a week after its last planned day. Once that wait is over the week's planned days are long
 * gone, complete or not: the members are invited all the same, and `leftOpen` says the week
 * ended with a group question open (the group's line says so, and how to finish it).
 */
export async function membersAtWeeksEnd(deps: WeekCycleDeps, groupId: string, cycleId: string): Promise<{ group?: Group; members: ReachableMember[]; notYet?: true; leftOpen?: true }> {
  const group = await deps.groups.get(groupId);
  if (!group) return { members: [] };
  const cycle = await deps.cycles.get(groupId, cycleId);
  if (!cycle || cycle.lookedBackAt || !endsPlanNow(group, cycle.weekNumber)) return { members: [] };
  if (!cycle.completedAt && stillWaiting(deps, cycle.sessionDates)) return { members: [], notYet: true };
  const members = group.members.filter((m): m is ReachableMember => !!m.teamsId);
  return cycle.completedAt ? { group, members } : { group, members, leftOpen: true };
}

/**
 * The week's look-back went out: every invitation (and the group's line) is queued, so it is
 * marked on the week, for good. After the queueing: a run cut short before it queues again under
 * the same keys (one each). Written once (a run again finds it set and writes nothing).
 */
export async function markLookedBack(deps: Pick<WeekCycleDeps, 'cycles' | 'clock'>, groupId: string, cycleId: string): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.cycles.update(groupId, cycleId, (cycle) => (cycle.lookedBackAt ? cycle : { ...cycle, lookedBackAt: at }));
}

/** When the completion wait of a week ends: a week after its last planned day; undefined for a week without dates. */
function completionWaitEnd(sessionDates: string[]): Date | undefined {
  const last = sessionDates.at(-1);
  return last ? new Date(new Date(`${last}T00:00:00Z`).getTime() + (COMPLETION_WAIT_DAYS + 1) * 24 * 60 * 60_000) : undefined;
}

function stillWaiting(deps: Pick<WeekCycleDeps, 'clock'>, sessionDates: string[]): boolean {
  const end = completionWaitEnd(sessionDates);
  return !!end && deps.clock.now().getTime() < end.getTime();
}

/** The invitation's idempotency key: one per member and week, however often the job runs. */
export function weeksEndKey(cycleId: string, memberId: string): string {
  return `weeksEnd:${cycleId}:${memberId}`;
}

/** The group's own line, in its chat: the planned weeks are over, the look-back is each one's own. */
export function weeksEndGroupKey(cycleId: string): string {
  return `weeksEnd:${cycleId}:group`;
}
