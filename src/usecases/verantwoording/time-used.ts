import { DateTime } from 'luxon';
import { DomainError } from '../../domain/shared/errors';
import { blankTimeUsed, checkHours, correctHours, TimeUsed, timeUsedId, withTimeUsedRev } from '../../domain/verantwoording/time-used';
import { Cycle } from '../../domain/week-cycle/cycle';
import { cycleWeek, dropTimeReason, recordActiveWeek } from './active-weeks';
import { membershipIndexId } from '../../domain/week-cycle/membership-index';
import { GroupTrace, MembershipEntry } from '../../domain/week-cycle/ports';
import { VerantwoordingDeps } from './deps';
import { attendedSessions } from './group-traces';
import { withinSaveWindow } from './save-window';

/** How many sessions of a cycle the person attended, from that group's partition. */
export async function sessionsAttended(deps: VerantwoordingDeps, userId: string, groupId: string, cycleId: string): Promise<number> {
  const trace = await deps.traces.traceOf(groupId, userId);
  return attendedSessions(trace, userId).filter((s) => s.cycleId === cycleId).length;
}

/**
 * The last moment a cycle could be taken part in: when it completed, else the end of its last
 * planned day where the group meets (its dates are the group's local dates).
 */
function cycleEndIn(c: Cycle, timeZone: string): string | undefined {
  const lastDay = c.sessionDates.at(-1);
  return c.completedAt ?? (lastDay ? (DateTime.fromISO(lastDay, { zone: timeZone }).endOf('day').toUTC().toISO() ?? undefined) : undefined);
}

/**
 * The weeks of one group whose time is the person's to keep, whatever the system counted
 * (someone who listened without confirming is counted 0 sessions, and may say otherwise):
 * - a member: every week of the group since they joined (a week still running when they joined counts);
 * - a former member: the weeks from their first trace in the group until they left (when they
 *   joined is not kept); a member who left and joined again, those weeks too (`leftAt`);
 * - in any case: every week they attended or wrote in (also before a member left and joined again:
 *   joining again starts `since` anew).
 */
export function weeksTakenPart(entry: Pick<MembershipEntry, 'member' | 'since' | 'leftAt'> | undefined, trace: GroupTrace, userId: string): Cycle[] {
  const attended = new Set([
    ...attendedSessions(trace, userId).map((s) => s.cycleId),
    ...trace.contributions.filter((c) => c.authorId === userId).map((c) => c.cycleId),
    ...trace.checkIns.filter((c) => c.memberId === userId).map((c) => c.cycleId),
    ...trace.judgements.filter((j) => j.memberId === userId).map((j) => j.cycleId),
  ]);
  const traces = [
    ...attendedSessions(trace, userId).map((s) => s.startedAt),
    ...trace.contributions.filter((c) => c.authorId === userId).map((c) => c.at),
    ...trace.checkIns.filter((c) => c.memberId === userId).map((c) => c.at),
    ...trace.judgements.filter((j) => j.memberId === userId).map((j) => j.at),
  ].sort();
  const firstTrace = traces[0];
  // A trace without its group (not found) keeps UTC, as before.
  const timeZone = trace.group?.schedule?.timeZone ?? 'UTC';
  const cycleEnd = (c: Cycle) => cycleEndIn(c, timeZone);
  // A trace without its group keeps what the index says, as before.
  const listsMember = !trace.group?.members || trace.group.members.some((m) => m.id === userId);
  return trace.cycles.filter((c) => {
    if (attended.has(c.id)) return true;
    if (!entry) return false;
    const beforeLeaving = (leftAt: string | undefined) => firstTrace !== undefined && leftAt !== undefined && c.startedAt < leftAt && (cycleEnd(c) ?? c.startedAt) >= firstTrace;
    if (entry.member && listsMember) return (cycleEnd(c) ?? c.startedAt) >= entry.since || beforeLeaving(entry.leftAt);
    // The index names them a member the group does not (a join whose group write failed after the
    // index's, which comes first): the group decides, as everywhere else; they took part in none.
    if (entry.member) return beforeLeaving(entry.leftAt);
    return beforeLeaving(entry.since);
  });
}

/** Time can be kept for any week of a group the professional was in (see `weeksTakenPart`), and no other. Returns that week and its calendar week. */
export async function requireOwnWeek(deps: VerantwoordingDeps, userId: string, groupId: string, cycleId: string): Promise<{ cycle: Cycle; week: string }> {
  const [index, trace] = await Promise.all([deps.records.get(userId, membershipIndexId(userId)), deps.traces.traceOf(groupId, userId)]);
  const entry = index?.type === 'membershipIndex' && index.userId === userId ? index.groups[groupId] : undefined;
  const cycle = weeksTakenPart(entry, trace, userId).find((c) => c.id === cycleId && c.groupId === groupId);
  if (!cycle) throw new DomainError('notFound', 'not a week of this person');
  return { cycle, week: cycleWeek(cycle, trace.group?.schedule?.timeZone ?? 'UTC') };
}

/**
 * The professional corrects the hours of a week (sessions attended x 1 hour by default); their
 * figure wins. `seenRev` is the revision the form showed (`CycleEntry.timeRev`): a figure of theirs
 * stored since is refused with `conflict` (see `correctHours`, also for forms without one); any
 * figure while their erasure is unfinished, with `erasureUnderway` (the erasure would delete it).
 */
export async function correctTimeUsed(deps: VerantwoordingDeps, userId: string, groupId: string, cycleId: string, hours: number, seenRev?: number): Promise<TimeUsed> {
  // Refused hours store nothing, not even the blank record the correction would start from.
  checkHours(hours);
  // Its creates keep to the save window: none outlives an erasure begun meanwhile (save-window.ts).
  deps = await withinSaveWindow(deps, userId);
  const { week } = await requireOwnWeek(deps, userId, groupId, cycleId);
  const now = deps.clock.now();
  await deps.records.create(blankTimeUsed(userId, groupId, cycleId, now));
  // The revision is checked on the stored version under its ETag: a correction in between wins.
  const updated = await deps.records.update(userId, timeUsedId(userId, cycleId), (r) => (r.type === 'timeUsed' ? correctHours(r, hours, seenRev, now) : r));
  if (updated.type !== 'timeUsed') throw new DomainError('notFound', 'time used');
  // Time recorded makes the week one of their active weeks (their Prof-traject's count); lowered
  // back to 0, that reason goes again. The hours are stored by now: a failure here never turns
  // into "not saved" (the overview counts the week from the hours anyway; the record follows with
  // the next correction or session close, a reason left by a failed 0 with the next correction).
  await keepActiveWeekInStep(deps, userId, groupId, week, cycleId, updated.hours).catch(() => undefined);
  // Shared hours: the manager's prep cards show the corrected figure.
  if (updated.visibility === 'shared') await deps.sharingChanged?.(userId);
  return withTimeUsedRev(updated);
}

/** Rounds of "write the week's time reason, read the hours again" before a correction leaves it to the next one. */
const STEP_ROUNDS = 3;

/**
 * The time reason of the week's active-week record (see ActiveWeek) as the hours say: there with
 * hours above 0, gone at 0. Two corrections of one week at once (the chat and the tab) may write
 * their reasons in the other order than their hours: so the stored hours are read again after
 * the write, and followed when they say otherwise.
 */
async function keepActiveWeekInStep(deps: VerantwoordingDeps, userId: string, groupId: string, week: string, cycleId: string, hours: number | undefined): Promise<void> {
  let counts = !!hours;
  for (let round = 0; round < STEP_ROUNDS; round++) {
    if (counts) await recordActiveWeek(deps, userId, groupId, week, { time: cycleId });
    else await dropTimeReason(deps, userId, week, cycleId);
    const stored = !!(await getTimeUsed(deps, userId, cycleId))?.hours;
    if (stored === counts) return;
    counts = stored;
  }
}

/** The stored hours of a week with their revision, to show next to a correction they beat; undefined while none is stored. */
export async function getTimeUsed(deps: VerantwoordingDeps, userId: string, cycleId: string): Promise<TimeUsed | undefined> {
  const r = await deps.records.get(userId, timeUsedId(userId, cycleId));
  return r?.type === 'timeUsed' && r.userId === userId ? withTimeUsedRev(r) : undefined;
}
