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
  /** The version (ETag) of each record as a telling found it (`unfinishedBefore`, `find`), for its `told`. */
  private readonly seen = new WeakMap<UnfinishedWeek, string>();

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
    // a list tells every tenant anyway). Always written (a new version, even when nothing else
    // changes): a telling that read the record before, and may have counted this very card as
    // told, must not take the tenant off (`told`'s `since`; stop 54).
    await this.change(week, (r) => {
      if (!r) return { id: runId(week), type: 'learningNeedHandoverRun', week, handedOver: true, waiting: [tenantId], ttl: HANDOVER_RUN_KEEP_SECONDS };
      if (!r.waiting) return { ...r, handedOver: true };
      return { ...r, handedOver: true, waiting: stillWaiting(r.waiting, [], [tenantId]) };
    });
  }

  async told(week: string, told: readonly string[], held: readonly string[], since?: UnfinishedWeek): Promise<void> {
    const seen = since ? this.seen.get(since) : undefined;
    await this.change(week, (r, version) => {
      // Written since the telling read it (a card given up meanwhile kept its tenant, stop 54): the
      // tenants it waits for stay, the held are added; a record without a list stays one.
      if (r && seen !== undefined && version !== seen) {
        if (!r.waiting) return r;
        const kept = stillWaiting(r.waiting, [], held);
        return r.handedOver && sameList(r.waiting, kept) ? r : { ...r, handedOver: true, waiting: kept };
      }
      const waiting = stillWaiting(r?.waiting, told, held);
      if (!waiting.length) return undefined;
      // Told now (late, its needs taken along by this handover): what is left is only to tell the waiting tenants.
      if (!r) return { id: runId(week), type: 'learningNeedHandoverRun', week, handedOver: true, waiting, ttl: HANDOVER_RUN_KEEP_SECONDS };
      return r.handedOver && sameList(r.waiting, waiting) ? r : { ...r, handedOver: true, waiting };
    });
  }

  async unfinishedBefore(week: string): Promise<UnfinishedWeek[]> {
    const found = await this.runs.queryStored({ query: "SELECT * FROM c WHERE c.type = 'learningNeedHandoverRun' AND c.week < @week", parameters: [{ name: '@week', value: week }] });
    return found.map((r) => this.found(r, r._etag)).sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
  }

  async find(week: string): Promise<UnfinishedWeek | undefined> {
    const found = await this.runs.getVersioned(runId(week), runId(week));
    return found ? this.found(found.doc, found.version) : undefined;
  }

  /** The week as a telling finds it; its version kept aside (the domain's shape holds none). */
  private found(r: HandoverRunRecord, version: string | undefined): UnfinishedWeek {
    const week: UnfinishedWeek = { week: r.week, handedOver: r.handedOver === true, ...(r.waiting ? { waiting: r.waiting } : {}) };
    if (version) this.seen.set(week, version);
    return week;
  }

  /**
   * ETag read-modify-write of the week's record (the handover job and the outbox's give-up hook may
   * write it at once): `next` gets the record (undefined: none) and returns the record to store, the
   * same one for no write, or undefined for none (deleted); and the version it decides on (none
   * when there is no record).
   */
  private async change(week: string, next: (r: HandoverRunRecord | undefined, version?: string) => HandoverRunRecord | undefined): Promise<void> {
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
