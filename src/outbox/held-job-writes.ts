import { setTimeout as sleep } from 'node:timers/promises';
import { isTransient } from '../store/document-store';
import { OutboxStore, Versioned } from '../store/outbox.store';
import { OutboxJob } from './outbox-job';

/**
 * How long a write of a sender's own step may be tried again. `claim`: a few quick tries, as the
 * DocumentStore adapter does (nothing went out yet). `outcome`: what a sent (or refused) message
 * became, known only to this sender: tried with back-off until the job's lease runs out, when
 * another sender marks it in doubt anyway.
 */
export type Patience = 'claim' | 'outcome';

const CLAIM_TRIES = 5;
const FIRST_PAUSE_MS = 20;
const LONGEST_PAUSE_MS = 5_000;

/**
 * The writes of a sender's own steps on a job (its claim, its outcome), each an ETag replace. Its
 * answer can be lost after Cosmos DB stored it (a dropped connection), or the SDK's retry of it
 * then meets 412 because the first try changed the ETag: neither means "another sender moved the
 * job". So after a write that threw or was refused, the job is read again: if it holds what this
 * sender wrote, the write is ours; if it is still as read, the write never landed and is tried
 * again (a 503, a throttle); only a job someone else changed is theirs.
 */
export class HeldJobWrites {
  constructor(
    private readonly store: OutboxStore,
    /** True once the sender "crashed" (OutboxSender.halt): a dead sender writes nothing more. */
    private readonly halted: () => boolean = () => false,
  ) {}

  /** Replaces the job with `next` if nobody else changed it; the stored job, or undefined when another sender (or an erasure) did. */
  async replace(current: Versioned<OutboxJob>, next: OutboxJob, patience: Patience): Promise<Versioned<OutboxJob> | undefined> {
    for (let attempt = 0; ; attempt++) {
      let failure: unknown;
      try {
        const done = await this.store.replaceIfUnchanged(current, next);
        if (done) return done;
      } catch (err) {
        if (!isTransient(err)) throw err;
        failure = err;
      }
      const stored = await this.store.get(current.id).catch((err: unknown) => (isTransient(err) ? 'unknown' : Promise.reject(err)));
      if (stored === undefined) return undefined;
      if (stored !== 'unknown') {
        if (sameContent(stored, next)) return stored;
        if (stored._etag !== current._etag) return undefined;
      }
      // Not written (or not known to be): again, while there is time.
      if (!(await this.pauseBeforeTry(current, attempt, patience))) {
        if (failure) throw failure;
        return undefined;
      }
    }
  }

  /** Deletes the job if nobody else changed it; false when another sender (or an erasure) did. */
  async delete(current: Versioned<OutboxJob>, patience: Patience): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        // After a try whose answer was lost, "gone" is this sender's own delete (or an erasure's: gone either way).
        return (await this.store.deleteIfUnchanged(current)) || (attempt > 0 && (await this.store.get(current.id)) === undefined);
      } catch (err) {
        if (!isTransient(err) || !(await this.pauseBeforeTry(current, attempt, patience))) throw err;
      }
    }
  }

  /**
   * Ends a job marked `keyOutlivesErasure` as an erasure would (uniform trace, stop 59): the blank
   * that holds its key first (`keepKey`: it went, or may have), then the job is deleted under its
   * ETag, so its key is never free between the two. False when another sender (or an erasure)
   * changed or deleted it first: then it is theirs, and a blank written meanwhile holds the key of
   * a job that went (or an erasure's own).
   */
  async retire(current: Versioned<OutboxJob>, keepKey: boolean, patience: Patience): Promise<boolean> {
    for (let attempt = 0; keepKey; attempt++) {
      try {
        await this.store.leaveKey(current);
        break;
      } catch (err) {
        if (!isTransient(err) || !(await this.pauseBeforeTry(current, attempt, patience))) throw err;
      }
    }
    return this.delete(current, patience);
  }

  /** Waits before the next try; false when there is none left (too many tries, the lease ran out, or the sender stopped). */
  private async pauseBeforeTry(job: OutboxJob, attempt: number, patience: Patience): Promise<boolean> {
    if (this.halted()) return false;
    if (patience === 'claim' && attempt + 1 >= CLAIM_TRIES) return false;
    const ms = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** attempt) * (0.5 + Math.random() / 2);
    // An outcome is written only while this sender holds the job: after its lease, recovery marks it in doubt.
    if (patience === 'outcome' && Date.now() + ms >= Date.parse(job.lockedUntil ?? '')) return false;
    await sleep(ms);
    return !this.halted();
  }
}

/** Whether the stored job is what `next` says (system fields and undefined ones aside). */
function sameContent(stored: Versioned<OutboxJob>, next: OutboxJob): boolean {
  return canonical(withoutEtag(stored)) === canonical(withoutEtag(next));
}

function withoutEtag(job: OutboxJob): OutboxJob {
  const { _etag, ...rest } = job as OutboxJob & { _etag?: string };
  return rest;
}

/** JSON with its keys sorted, so two documents compare by content whatever order Cosmos DB kept. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
