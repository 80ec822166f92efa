import { activeWeek, TrajectEndMark, trajectEndId, trajectEndKey, trajectEndMark, TrajectProgress, trajectProgress, weekOf } from '../../domain/verantwoording/active-weeks';
import { ofType, PersonalRecord } from '../../domain/verantwoording/personal-record';
import { ProfTraject, withTrajectRev } from '../../domain/verantwoording/prof-traject';
import { Cycle } from '../../domain/week-cycle/cycle';
import { Group, Member } from '../../domain/week-cycle/group';
import { attendeeIds } from '../../domain/week-cycle/session';
import { isErasureMarker } from '../../domain/verantwoording/erasure';
import { VerantwoordingDeps } from './deps';
import { attendedSessions, PersonInGroup, tracesOf } from './group-traces';

/** The calendar week of a group's week (cycle): that of its first session day, where the group meets. */
export function cycleWeek(c: Pick<Cycle, 'sessionDates' | 'startedAt'>, timeZone: string): string {
  return weekOf(c.sessionDates[0] ?? c.startedAt, timeZone);
}

/** The weeks the person's own records name as active. */
function recordedWeeks(records: readonly PersonalRecord[]): string[] {
  return ofType([...records], 'activeWeek').map((w) => w.week);
}

/**
 * The same weeks read from the groups' partitions (sessions attended) and the time they recorded:
 * what the records hold for weeks from before they were kept. Never written on a read.
 */
export function weeksFromTraces(groups: readonly PersonInGroup[], records: readonly PersonalRecord[], userId: string): string[] {
  const times = ofType([...records], 'timeUsed').filter((t) => !!t.hours);
  const weeks: string[] = [];
  for (const g of groups) {
    const timeZone = g.trace.group?.schedule?.timeZone ?? 'UTC';
    for (const s of attendedSessions(g.trace, userId)) weeks.push(weekOf(s.startedAt, timeZone));
    for (const t of times.filter((x) => x.groupId === g.groupId)) {
      const cycle = g.trace.cycles.find((c) => c.id === t.cycleId);
      if (cycle) weeks.push(cycleWeek(cycle, timeZone));
    }
  }
  return weeks;
}

/** Their Prof-traject's count, as they alone see it (the overview, the tab, the traject's card); none without a traject. */
export function progressOf(records: readonly PersonalRecord[], groups: readonly PersonInGroup[], userId: string): TrajectProgress | undefined {
  const traject = ofType([...records], 'profTraject')[0];
  if (!traject) return undefined;
  return trajectProgress(traject, [...recordedWeeks(records), ...weeksFromTraces(groups, records, userId)]);
}

/**
 * Records `week` as one of the person's active weeks and returns their records with it. The first
 * time (no active week recorded yet) it records their earlier weeks too, read once from their
 * groups, so a Prof-traject begun before weeks were recorded counts them. Creates with ids of their
 * own: a run again, or a second instance, changes nothing.
 */
export async function recordActiveWeek(deps: VerantwoordingDeps, userId: string, week: string): Promise<PersonalRecord[]> {
  const records = (await deps.records.listAll(userId)).filter((r) => r.userId === userId);
  const known = new Set(recordedWeeks(records));
  const earlier = known.size ? [] : weeksFromTraces(await tracesOf(deps, userId), records, userId);
  const now = deps.clock.now();
  for (const w of new Set([...earlier, week])) {
    if (known.has(w)) continue;
    const { record } = await deps.records.create(activeWeek(userId, w, now));
    records.push(record);
    known.add(w);
  }
  return records;
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
    const records = await recordActiveWeek(deps, userId, week);
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
