import { HANDOVER_RUN_KEEP_SECONDS, HandoverRunRecord, HandoverRuns, stillWaiting, UnfinishedWeek } from '../domain/learning-needs/weekly-to-lo';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore, statusOf } from './document-store';


const runId = (week: string) => `lnr_${week}`;

const sameList = (a: readonly string[] | undefined, b: readonly string[]) => a !== undefined && a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * The record of a week's handover while it has not completed, in the `learningNeeds` container
 * (which holds nothing that names a person): the week, and at most the ids of the tenants still to
 * be told of it (`waiting`). Read only by the scheduled handover (one query across the container a
 * week) and the outbox's give-up hook of a weekly card, never in a member's turn.
 */
export class CosmosHandoverRuns implements HandoverRuns {
  private readonly runs: DocumentStore<HandoverRunRecord>;

  constructor(conn: CosmosConnection) {
    this.runs = new DocumentStore<HandoverRunRecord>(conn.container('learningNeeds'), (r) => r.id);
  }

  async begin(week: string): Promise<void> {
    const { created, doc } = await this.runs.create({ id: runId(week), type: 'learningNeedHandoverRun', week, ttl: HANDOVER_RUN_KEEP_SECONDS });
    // A run again of a week that kept some tenants waiting may write any tenant's batch: until it
    // told L&O, every tenant of the week is to be told (its cards' keys keep a card from going twice).
    if (!created && doc.waiting) await this.change(week, (r) => (r?.waiting ? withoutList(r) : r));
  }

  async handedOver(week: string, tenantId?: string): Promise<void> {
    // Written again whole: a run's retry writes the same, and every tenant is to be told.
    if (tenantId === undefined) {
      await this.runs.upsert({ id: runId(week), type: 'learningNeedHandoverRun', week, handedOver: true, ttl: HANDOVER_RUN_KEEP_SECONDS });
      return;
    }
    // One tenant's card was given up: that tenant waits, the others were told (or a record without
    // a list tells every tenant anyway).
    await this.change(week, (r) => {
      if (!r) return { id: runId(week), type: 'learningNeedHandoverRun', week, handedOver: true, waiting: [tenantId], ttl: HANDOVER_RUN_KEEP_SECONDS };
      if (!r.waiting) return r.handedOver ? r : { ...r, handedOver: true };
      const waiting = stillWaiting(r.waiting, [], [tenantId]);
      return r.handedOver && sameList(r.waiting, waiting) ? r : { ...r, handedOver: true, waiting };
    });
  }

  async told(week: string, told: readonly string[], held: readonly string[]): Promise<void> {
    await this.change(week, (r) => {
      const waiting = stillWaiting(r?.waiting, told, held);
      if (!waiting.length) return undefined;
      // Told now (late, its needs taken along by this handover): what is left is only to tell the waiting tenants.
      if (!r) return { id: runId(week), type: 'learningNeedHandoverRun', week, handedOver: true, waiting, ttl: HANDOVER_RUN_KEEP_SECONDS };
      return r.handedOver && sameList(r.waiting, waiting) ? r : { ...r, handedOver: true, waiting };
    });
  }

  async unfinishedBefore(week: string): Promise<UnfinishedWeek[]> {
    const found = await this.runs.query({ query: "SELECT * FROM c WHERE c.type = 'learningNeedHandoverRun' AND c.week < @week", parameters: [{ name: '@week', value: week }] });
    return found
      .map((r) => ({ week: r.week, handedOver: r.handedOver === true, ...(r.waiting ? { waiting: r.waiting } : {}) }))
      .sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
  }

  /**
   * ETag read-modify-write of the week's record (the handover job and the outbox's give-up hook may
   * write it at once): `next` gets the record (undefined: none) and returns the record to store, the
   * same one for no write, or undefined for none (deleted).
   */
  private async change(week: string, next: (r: HandoverRunRecord | undefined) => HandoverRunRecord | undefined): Promise<void> {
    const id = runId(week);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.runs.updateOrDelete(id, id, next);
        return;
      } catch (err) {
        if (statusOf(err) !== 404 || attempt >= 3) throw err;
      }
      const doc = next(undefined);
      if (!doc) return;
      // Written meanwhile: decide again on what is there.
      if ((await this.runs.create(doc)).created) return;
    }
  }
}

function withoutList(r: HandoverRunRecord): HandoverRunRecord {
  const { waiting: _waiting, ...rest } = r;
  return rest;
}
