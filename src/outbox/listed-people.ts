import { listedIdsOf, OutboxJob } from './outbox-job';

/**
 * Turns a job queued in an older form, which listed people through `about` (erasing one deleted
 * it), into its current form: rendered when sent, or with its people in `listed`. Undefined when
 * it cannot (the job is then deleted, as before).
 */
export type OlderForm = (job: OutboxJob) => OutboxJob | undefined;

/** A value with every array entry that is exactly one of `ids` left out (a list of people). */
function withoutEntries(value: unknown, ids: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.filter((v) => !(typeof v === 'string' && ids.has(v))).map((v) => withoutEntries(v, ids));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutEntries(v, ids)]));
  return value;
}

/** Whether any of `ids` is still anywhere in the job (its own id is a hash of its key, and holds none). */
function stillHolds(job: OutboxJob, ids: ReadonlySet<string>): boolean {
  const { id: _hash, ...rest } = job;
  const text = JSON.stringify(rest);
  return [...ids].some((id) => id.length > 0 && text.includes(JSON.stringify(id).slice(1, -1)));
}

/**
 * A waiting job for others that an erased person is only listed in (a shared card's refresh
 * list), without them: their entries in `listed` go, and so does every entry of the payload that
 * is one of their ids. One in an older form is first brought to its current form (`olderForm`).
 * Undefined when anything of theirs is left after that (they are named, not only listed): the
 * job is deleted then, as any message about them. `ids`: the person's app id and Teams ids.
 */
export function withoutListedPerson(job: OutboxJob, ids: ReadonlySet<string>, olderForm?: OlderForm): OutboxJob | undefined {
  const current = job.about?.some((id) => ids.has(id)) ? olderForm?.(job) : job;
  if (!current) return undefined;
  const listed = current.listed ?? [];
  const theirs = listed.filter((l) => ids.has(l.userId) || ids.has(l.platformId));
  // Their Teams id as the message listed it, also when the erasure did not know it (from the tab).
  const strip = new Set([...ids, ...theirs.flatMap((l) => [l.userId, l.platformId])]);
  const others = listed.filter((l) => !theirs.includes(l));
  const { listed: _listed, listedIds: _listedIds, ...rest } = current;
  const next: OutboxJob = { ...rest, payload: withoutEntries(current.payload, strip) as Record<string, unknown>, ...(others.length ? { listed: others, listedIds: listedIdsOf(others) } : {}) };
  return stillHolds(next, strip) ? undefined : next;
}
