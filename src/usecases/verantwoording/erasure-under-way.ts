import { PersonalRecordRepository } from '../../domain/verantwoording/ports';
import { erasureUnfinished } from './erasure-ticket';

type Records = Pick<PersonalRecordRepository, 'get'>;

/** Those of `people` whose erasure is under way (`erasureUnfinished`), a few tickets read at a time: quick for an HR group, no flood. */
async function erasing<P extends { userId: string }>(records: Records, people: readonly P[]): Promise<Set<P>> {
  const found = new Set<P>();
  for (let i = 0; i < people.length; i += 20) {
    const slice = people.slice(i, i + 20);
    const under = await Promise.all(slice.map((p) => erasureUnfinished({ records }, p.userId)));
    slice.forEach((p, j) => under[j] && found.add(p));
  }
  return found;
}

/**
 * Queues a message for each person (under its key) unless their erasure is under way, as the
 * weekly L&O card does (`tellLoOfHandover`): each ticket read before the queue (an erasure under
 * way gets nothing), and again after it: an erasure that began meanwhile may have purged the
 * outbox before this message was in it, so that message is taken back (`withdraw`). An erasure
 * that begins after the second read purges the message itself. Only outside a member's turn (two
 * point reads a person). Returns counts only.
 */
export async function queueUnlessErasing<P extends { userId: string; key: string }>(
  records: Records,
  people: readonly P[],
  queue: (people: readonly P[]) => Promise<void>,
  withdraw: (key: string) => Promise<void>,
): Promise<{ queued: number; erasing: number }> {
  const before = await erasing(records, people);
  const asked = people.filter((p) => !before.has(p));
  if (asked.length) await queue(asked);
  const after = await erasing(records, asked);
  for (const p of after) await withdraw(p.key);
  return { queued: asked.length - after.size, erasing: before.size + after.size };
}
