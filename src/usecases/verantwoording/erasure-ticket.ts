import { randomUUID } from 'node:crypto';
import { erasureTicketId } from '../../domain/verantwoording/erasure-ticket';
import { VerantwoordingDeps } from './deps';

/** The marker of this person's erasure: the one an earlier, interrupted run chose, or a new random one. */
export async function erasureMarker(deps: VerantwoordingDeps, userId: string): Promise<string> {
  const { record } = await deps.records.create({
    id: erasureTicketId(userId),
    type: 'erasureTicket',
    userId,
    marker: `erased-${randomUUID().slice(0, 8)}`,
    createdAt: deps.clock.now().toISOString(),
  });
  if (record.type !== 'erasureTicket') throw new Error('erasure ticket id taken by another record');
  return record.marker;
}
