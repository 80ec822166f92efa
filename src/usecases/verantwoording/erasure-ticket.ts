import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/shared/errors';
import { ErasureTicket, erasureTicketId, withErasureGroups } from '../../domain/verantwoording/erasure-ticket';
import { ERASURE_MARKER_PREFIX } from '../../domain/verantwoording/erasure';
import { VerantwoordingDeps } from './deps';

/**
 * This person's erasure ticket: the one an earlier, interrupted run wrote, or a new one with a
 * random marker. Written before anything else of the erasure, and deleted last.
 */
export async function erasureTicket(deps: VerantwoordingDeps, userId: string, groupIds: string[] = []): Promise<ErasureTicket> {
  const { record } = await deps.records.create({
    id: erasureTicketId(userId),
    type: 'erasureTicket',
    userId,
    marker: `${ERASURE_MARKER_PREFIX}${randomUUID().slice(0, 8)}`,
    createdAt: deps.clock.now().toISOString(),
    ...(groupIds.length ? { groupIds: [...new Set(groupIds)] } : {}),
  });
  if (record.type !== 'erasureTicket') throw new Error('erasure ticket id taken by another record');
  return rememberErasureGroups(deps, record, groupIds);
}

/** The ticket naming these groups as well (ETag-guarded); no write when it already does. */
export async function rememberErasureGroups(deps: VerantwoordingDeps, ticket: ErasureTicket, groupIds: string[]): Promise<ErasureTicket> {
  if (withErasureGroups(ticket, groupIds) === ticket) return ticket;
  const stored = await deps.records.update(ticket.userId, ticket.id, (r) => (r.type === 'erasureTicket' ? withErasureGroups(r, groupIds) : r));
  if (stored.type !== 'erasureTicket') throw new Error('erasure ticket id taken by another record');
  return stored;
}

/** The marker of this person's erasure: the one an earlier, interrupted run chose, or a new random one. */
export async function erasureMarker(deps: VerantwoordingDeps, userId: string): Promise<string> {
  return (await erasureTicket(deps, userId)).marker;
}

/** Whether an erasure of this person has begun and not finished: its ticket stays until the very end. */
export async function erasureUnfinished(deps: { records: Pick<VerantwoordingDeps['records'], 'get'> }, userId: string): Promise<boolean> {
  return (await deps.records.get(userId, erasureTicketId(userId)))?.type === 'erasureTicket';
}

/** As `erasureUnfinished`, among the person's records already read (their partition holds the ticket). */
export function erasureUnfinishedIn(records: readonly { id: string; type: string }[], userId: string): boolean {
  return records.some((r) => r.id === erasureTicketId(userId) && r.type === 'erasureTicket');
}

/**
 * Refuses a change to the person's own data while their erasure is unfinished: the erasure, run
 * again by hand or by its resume job, deletes whatever their partition holds, so a change
 * answered as saved now would be lost without a word. One point read.
 */
export async function refuseWhileErasing(deps: { records: Pick<VerantwoordingDeps['records'], 'get'> }, userId: string): Promise<void> {
  if (await erasureUnfinished(deps, userId)) throw new DomainError('erasureUnderway', 'their erasure is unfinished');
}
