import { DomainError } from '../../domain/shared/errors';
import { blankTimeUsed, checkHours, correctHours, TimeUsed, timeUsedId } from '../../domain/verantwoording/time-used';
import { VerantwoordingDeps } from './deps';
import { attendedSessions } from './group-traces';

/** How many sessions of a cycle the person attended, from that group's partition. */
export async function sessionsAttended(deps: VerantwoordingDeps, userId: string, groupId: string, cycleId: string): Promise<number> {
  const trace = await deps.traces.traceOf(groupId, userId);
  return attendedSessions(trace, userId).filter((s) => s.cycleId === cycleId).length;
}

/** Time can only be kept for a cycle the professional took part in. */
export async function requireAttended(deps: VerantwoordingDeps, userId: string, groupId: string, cycleId: string): Promise<number> {
  const attended = await sessionsAttended(deps, userId, groupId, cycleId);
  if (attended === 0) throw new DomainError('notFound', 'cycle not attended');
  return attended;
}

/** The professional corrects the hours of a cycle (sessions attended x 1 hour by default). */
export async function correctTimeUsed(deps: VerantwoordingDeps, userId: string, groupId: string, cycleId: string, hours: number): Promise<TimeUsed> {
  // Refused hours store nothing, not even the blank record the correction would start from.
  checkHours(hours);
  await requireAttended(deps, userId, groupId, cycleId);
  const now = deps.clock.now();
  await deps.records.create(blankTimeUsed(userId, groupId, cycleId, now));
  const updated = await deps.records.update(userId, timeUsedId(userId, cycleId), (r) => (r.type === 'timeUsed' ? correctHours(r, hours, now) : r));
  if (updated.type !== 'timeUsed') throw new DomainError('notFound', 'time used');
  return updated;
}
