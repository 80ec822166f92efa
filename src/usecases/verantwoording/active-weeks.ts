import { ActiveWeek, activeWeek, activeWeekId, ActiveWeekReason, countsAsActive, holdsReason, TrajectEndMark, trajectEndId, trajectEndKey, trajectEndMark, TrajectProgress, trajectProgress, weekOf, withoutTimeReason, withReasons } from '../../domain/verantwoording/active-weeks';
import { isDomainError } from '../../domain/shared/errors';
import { ofType, PersonalRecord } from '../../domain/verantwoording/personal-record';
import { ProfTraject, withTrajectRev } from '../../domain/verantwoording/prof-traject';
import { Cycle } from '../../domain/week-cycle/cycle';
import { Group, isBeingErased, isMember, Member } from '../../domain/week-cycle/group';
import { attendeeIds } from '../../domain/week-cycle/session';
import { isErasureMarker } from '../../domain/verantwoording/erasure';
import { erasureUnfinished } from './erasure-ticket';
import { VerantwoordingDeps } from './deps';
import { attendedSessions, PersonInGroup, tracesOf } from './group-traces';

/** The calendar week of a group's week (cycle): that of its first session day, where the group meets. */
export function cycleWeek(c: Pick<Cycle, 'sessionDates' | 'startedAt'>, timeZone: string): string {
  return weekOf(c.sessionDates[0] ?? c.startedAt, timeZone);
}

/** The weeks the person's own records name as active (a record whose every reason was taken away names none). */
export function recordedWeeks(records: readonly PersonalRecord[]): string[] {
  return ofType([...records], 'activeWeek').filter(countsAsActive).map((w) => w.week);
}

/** A week the person was active in, and why (a session attended, time recorded). */
export interface WeekActivity {
  week: string;
  reason: ActiveWeekReason;
}

/**
 * What the groups' partitions (sessions attended) and the time they recorded say of the weeks
 * they were active in: what the records hold for weeks from before they were kept. Never written on a read.
 */
export function activityFromTraces(groups: readonly PersonInGroup[], records: readonly PersonalRecord[], userId: string): WeekActivity[] {
  const times = ofType([...records], 'timeUsed').filter((t) => !!t.hours);
  const out: WeekActivity[] = [];
  for (const g of groups) {
    const timeZone = g.trace.group?.schedule?.timeZone ?? 'UTC';
    for (const s of attendedSessions(g.trace, userId)) out.push({ week: weekOf(s.startedAt, timeZone), reason: { session: s.sessionId } });
    for (const t of times.filter((x) => x.groupId === g.groupId)) {
      const cycle = g.trace.cycles.find((c) => c.id === t.cycleId);
      if (cycle) out.push({ week: cycleWeek(cycle, timeZone), reason: { time: t.cycleId } });
    }
  }
  return out;
}

/** The weeks of `activityFromTraces`. */
export function weeksFromTraces(groups: readonly PersonInGroup[], records: readonly PersonalRecord[], userId: string): string[] {
  return activityFromTraces(groups, records, userId).map((a) => a.week);
}

/** Their Prof-traject's count, as they alone see it (the overview, the tab, the traject's card); none without a traject. */
export function progressOf(records: readonly PersonalRecord[], groups: readonly PersonInGroup[], userId: string): TrajectProgress | undefined {
  const traject = ofType([...records], 'profTraject')[0];
  if (!traject) return undefined;
  return trajectProgress(traject, [...recordedWeeks(records), ...weeksFromTraces(groups, records, userId)]);
}

/**
 * Adds these reasons to the person's record of `week`, creating it if there is none: the create
 * (its id is the week's) or an ETag-guarded replace, so a second writer at the same moment (a
 * session close, a time correction) keeps its reason too. A record that went meanwhile is made
 * anew with these reasons (a correction deleted it, its last reason taken away, after this read
 * it) only while the person is still theirs to write for (see `mayRemakeWeek`): their erasure may
 * have deleted it, and a finished erasure leaves no ticket to tell by.
 */
async function addReasons(deps: VerantwoordingDeps, userId: string, groupId: string, week: string, reasons: readonly ActiveWeekReason[], stored: ActiveWeek | undefined, readAt: Date): Promise<ActiveWeek | undefined> {
  const now = deps.clock.now();
  let known = stored;
  for (let round = 0; round < 3; round++) {
    if (!known) {
      const { record, created } = await deps.records.create(activeWeek(userId, week, now, reasons));
      if (record.type !== 'activeWeek') return undefined;
      if (created || reasons.every((r) => holdsReason(record, r))) return record;
    }
    try {
      const updated = await deps.records.update(userId, activeWeekId(userId, week), (r) => (r.type === 'activeWeek' ? withReasons(r, reasons, now) : r));
      return updated.type === 'activeWeek' ? updated : undefined;
    } catch (err) {
      if (!isDomainError(err) || err.code !== 'notFound') throw err;
      // Deleted since it was read: an emptied week (time lowered back to 0 at this moment), or their erasure.
      if (!(await mayRemakeWeek(deps, userId, groupId, readAt))) return undefined;
      known = undefined;
    }
  }
  return undefined;
}

/**
 * Whether a week record deleted under a writer may be made anew: only for someone still a member
 * of the group the reason is about, not named there as being erased, with no erasure of theirs
 * unfinished (its ticket) and none let go of that group since the writer read (`since`: a person
 * erased and joined again is not who attended then; their attendance is the erasure's marker's).
 * An erasure takes the person off every group's member list before it deletes their partition, so
 * a finished one fails the first test. Two point reads, on this rare path only (a 404 after a read).
 * A former member's week is not made anew here; their overview still counts it from the group's traces.
 */
async function mayRemakeWeek(deps: VerantwoordingDeps, userId: string, groupId: string, since: Date): Promise<boolean> {
  const [group, erasing] = await Promise.all([deps.groups.get(groupId), erasureUnfinished(deps, userId)]);
  if (erasing || !group || !isMember(group, userId) || isBeingErased(group, { id: userId })) return false;
  return !group.lastErasureAt || Date.parse(group.lastErasureAt) < since.getTime();
}

/**
 * Records `week` as one of the person's active weeks, for `reason`, and returns their records with
 * it. The first time (no active week recorded yet) it records their earlier weeks too, read once
 * from their groups, so a Prof-traject begun before weeks were recorded counts them. A run again,
 * or a second instance, changes nothing (a reason held already is not written again). `groupId`:
 * the group `reason` is about (a session of it, time kept for one of its weeks).
 */
export async function recordActiveWeek(deps: VerantwoordingDeps, userId: string, groupId: string, week: string, reason: ActiveWeekReason): Promise<PersonalRecord[]> {
  const readAt = deps.clock.now();
  const records = (await deps.records.listAll(userId)).filter((r) => r.userId === userId);
  const known = new Map(ofType(records, 'activeWeek').map((w) => [w.week, w]));
  const earlier = known.size ? [] : activityFromTraces(await tracesOf(deps, userId), records, userId);
  const byWeek = new Map<string, ActiveWeekReason[]>();
  for (const a of [...earlier, { week, reason }]) byWeek.set(a.week, [...(byWeek.get(a.week) ?? []), a.reason]);
  for (const [w, reasons] of byWeek) {
    const stored = known.get(w);
    if (stored && reasons.every((r) => holdsReason(stored, r))) continue;
    const record = await addReasons(deps, userId, groupId, w, reasons, stored, readAt);
    if (!record) continue;
    const at = records.findIndex((r) => r.id === record.id);
    if (at >= 0) records[at] = record;
    else records.push(record);
  }
  return records;
}

/**
 * The hours of a group's week were lowered back to 0: that time is no longer a reason for its
 * calendar week. A record with a reason left is replaced without it (a session attended keeps the
 * week); one with no reason left is deleted. Both under the ETag of the read: a session close
 * adding its reason at the same moment makes it read again and decide again (the week then stays,
 * with the session), and one whose replace comes after the delete makes the record anew (see
 * addReasons). Nothing without a record of the week; a record from before reasons were kept stays.
 */
export async function dropTimeReason(deps: VerantwoordingDeps, userId: string, week: string, cycleId: string): Promise<void> {
  const now = deps.clock.now();
  try {
    await deps.records.updateOrDelete(userId, activeWeekId(userId, week), (r) => {
      if (r.type !== 'activeWeek') return r;
      const next = withoutTimeReason(r, cycleId, now);
      // No reason left (also a record emptied before deletes were made): the week is no longer kept.
      return countsAsActive(next) ? next : undefined;
    });
  } catch (err) {
    if (!isDomainError(err) || err.code !== 'notFound') throw err;
  }
}

/** The look-back at the end of someone's Prof-traject, due now: what their card shows, and its outbox key. */
export interface TrajectEndDue {
  userId: string;
  traject: ProfTraject;
  progress: TrajectProgress;
  /** One card per person and end (planned weeks, first counted week): a retry or a second instance queues one. */
  key: string;
}

/**
 * Whether the person's active weeks reached their Prof-traject's planned weeks and this end was
 * not looked back on yet. Nothing without a Prof-traject. Raising the planned weeks above the
 * count makes a new end, looked back on once it is reached.
 */
export function trajectEndDue(userId: string, records: readonly PersonalRecord[]): TrajectEndDue | undefined {
  const stored = ofType([...records], 'profTraject')[0];
  if (!stored) return undefined;
  const progress = trajectProgress(stored, recordedWeeks(records));
  if (progress.activeWeeks < stored.plannedWeeks) return undefined;
  const markId = trajectEndId(userId, stored);
  if (ofType([...records], 'trajectEnd').some((m) => m.id === markId && m.queuedAt)) return undefined;
  return { userId, traject: withTrajectRev(stored), progress, key: trajectEndKey(userId, stored) };
}

/** The card of this end is in the outbox: later weeks (and checks) invite nobody again at this end. */
export async function markTrajectEndQueued(deps: VerantwoordingDeps, due: TrajectEndDue): Promise<void> {
  const mark: TrajectEndMark = { ...trajectEndMark(due.userId, due.traject, deps.clock.now()), queuedAt: deps.clock.now().toISOString() };
  await deps.records.upsert(mark);
}

/** Someone the app can reach in their 1:1 chat. */
export type ReachablePerson = Pick<Member, 'id'> & { teamsId: string };

/**
 * After a session closed: its week is an active week of each who attended it (checked in, or said
 * "ik ben erbij"), recorded in their own partition; returns whose Prof-traject end is due now. Run
 * by a job (see JOB_KINDS.activeWeeks), never in a session's turn. Nothing for a session not
 * closed or gone (erased).
 */
export async function recordSessionWeek(deps: VerantwoordingDeps, groupId: string, sessionId: string): Promise<{ group?: Group; due: (TrajectEndDue & { person: ReachablePerson })[] }> {
  const state = await deps.sessions.loadState(groupId, sessionId);
  if (!state || state.session.status !== 'closed') return { due: [] };
  const week = weekOf(state.session.startedAt, state.group.schedule.timeZone);
  const due: (TrajectEndDue & { person: ReachablePerson })[] = [];
  // An erased attendee's presence is an anonymous marker's: no person, and no partition to write to.
  for (const userId of attendeeIds(state).filter((id) => !isErasureMarker(id))) {
    const records = await recordActiveWeek(deps, userId, groupId, week, { session: sessionId });
    const end = trajectEndDue(userId, records);
    // Someone who left the group since is still reached in their own chat: by their Entra id (a
    // member's id is that, where Teams gave one), as the half-yearly notices open a chat.
    const teamsId = state.group.members.find((m) => m.id === userId)?.teamsId ?? userId;
    if (end) due.push({ ...end, person: { id: userId, teamsId } });
  }
  return { group: state.group, due };
}

/** The Prof-traject with the person's own count of it, for its form: their records and their groups' traces. */
export async function trajectWithProgress(deps: VerantwoordingDeps, userId: string): Promise<{ traject?: ProfTraject; progress?: TrajectProgress }> {
  const [records, groups] = await Promise.all([deps.records.listAll(userId), tracesOf(deps, userId)]);
  const own = records.filter((r) => r.userId === userId);
  const stored = ofType(own, 'profTraject')[0];
  if (!stored) return {};
  return { traject: withTrajectRev(stored), progress: progressOf(own, groups, userId) };
}
