import { Container, Database, ErrorResponse, ItemDefinition, JSONObject, OperationInput, SqlQuerySpec } from '@azure/cosmos';
import { Mutate } from '../domain/week-cycle/ports';
import { queryPlanOnDemand } from './query-plan-on-demand';

const MAX_CONFLICT_RETRIES = 12;
const MAX_TRANSIENT_RETRIES = 4;

/** Cosmos system properties we strip before handing documents to the domain. */
export type Stored<T> = T & { _etag?: string; _rid?: string; _self?: string; _ts?: number; _attachments?: string };

export function strip<T>(doc: Stored<T>): T {
  // A projection without system fields needs no copy.
  if (doc._etag === undefined && doc._rid === undefined && doc._self === undefined && doc._ts === undefined && doc._attachments === undefined) return doc;
  const { _etag, _rid, _self, _ts, _attachments, ...rest } = doc as Stored<T> & Record<string, unknown>;
  return rest as T;
}

export function statusOf(err: unknown): number | undefined {
  const e = err as ErrorResponse & { statusCode?: number };
  return typeof e?.code === 'number' ? e.code : e?.statusCode;
}

/** Cosmos DB refuses a blank id or one with '/', '\\', '?' or '#', and its SDK throws on them: no such document exists. */
const ILLEGAL_ID = /[/\\?#]|^\s*$/;

/**
 * Items per page of a single-partition query. Without a page size Cosmos DB's gateway answers a
 * query in pages of 100 items, and a live session holds more documents than that (every answer,
 * check-in and presence is its own): each click would cost a round trip more. Not -1 (dynamic):
 * the SDK's pipelined execution, used when a query needs a plan, reads -1 as a page of nothing.
 * The service still caps a page at 4 MB; fetchAll follows the continuation past it.
 */
export const SINGLE_PARTITION_PAGE = 1000;

const TRANSIENT_STATUS = new Set([408, 429, 449, 500, 502, 503, 504]);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'ECONNABORTED', 'UND_ERR_SOCKET', 'ERR_STREAM_PREMATURE_CLOSE']);

/**
 * A failure worth trying again: throttling, a busy or restarting service, or a connection that
 * broke. For a broken connection we cannot know whether the request reached the store, so only
 * operations that are safe to repeat are retried (creates with deterministic ids, upserts of the
 * same content, reads, ETag replaces that re-read first).
 */
export function isTransient(err: unknown): boolean {
  const status = statusOf(err);
  if (status !== undefined && TRANSIENT_STATUS.has(status)) return true;
  const code = (err as { code?: unknown; cause?: { code?: unknown } })?.code ?? (err as { cause?: { code?: unknown } })?.cause?.code;
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
  return /socket hang up|network|ECONNRESET|timed? ?out/i.test((err as Error)?.message ?? '');
}

/**
 * The pause before a store operation is tried again: `baseMs` doubled per attempt up to `capMs`,
 * with jitter down to half. The same number of tries either way; only the waits between them.
 */
export interface RetryPauses {
  baseMs: number;
  capMs: number;
}

/** Production's pauses: a conflict's first retry after 2.5-5 ms, a transient failure's after 10-20 ms, none over 200 ms. */
export const DEFAULT_RETRY_PAUSES: Readonly<RetryPauses> = { baseMs: 5, capMs: 200 };

/** Pauses set for a database's stores (`setRetryPauses`); the others keep the default. */
const pausesByDatabase = new WeakMap<Database, RetryPauses>();

/**
 * Sets the retry pauses of every store on this database, also those made before (the composition
 * root does, when it is given pauses: tests of outages that do not check the pauses shorten them).
 */
export function setRetryPauses(database: Database, pauses: RetryPauses): void {
  pausesByDatabase.set(database, { ...pauses });
}

/** The retry pauses of a container's stores: looked up at each pause, so a setting made after a store was built counts. */
function pausesOf(container: Container): RetryPauses {
  // A stand-in container without a database (a test double) keeps the default.
  const database = (container as { database?: Database }).database;
  return (database && pausesByDatabase.get(database)) || DEFAULT_RETRY_PAUSES;
}

function pause(attempt: number, pauses: RetryPauses = DEFAULT_RETRY_PAUSES): Promise<void> {
  const ms = Math.min(pauses.capMs, pauses.baseMs * 2 ** attempt) * (0.5 + Math.random() / 2);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs an operation that is safe to repeat, again on transient failures (with production's pauses unless told). */
export async function retrying<R>(op: () => Promise<R>, pauses: RetryPauses = DEFAULT_RETRY_PAUSES): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      if (attempt >= MAX_TRANSIENT_RETRIES || !isTransient(err)) throw err;
      await pause(attempt + 2, pauses);
    }
  }
}

/** A document a change was computed from was deleted meanwhile (see `DocumentStore.update`): nothing was written. */
export class RequiredDocumentGone extends Error {
  constructor(readonly id: string) {
    super('a document the change was computed from is gone');
  }
}

/**
 * One operation of a transaction: a create, an upsert, a replace of the version read, or a read
 * (of a document that exists: a missing one refuses the transaction), which sees the partition as
 * the transaction's writes left it.
 */
export type TransactOp<T> = { create: T } | { upsert: T } | { replace: T; ifMatch: string } | { read: string } | { delete: string };

/**
 * What else an `update` writes in its transaction: reads of documents the change was computed from
 * (it is refused when one is gone), and, after the replace, deletes that go with the change.
 */
export interface UpdateAlongside<T> {
  requires?: readonly string[];
  deletes?: (before: T, after: T) => string[];
}

/** A transaction's outcome: every document as written, or the first operation that refused and why (409, 412, ...). */
export type TransactResult<T> = { ok: true; written: { doc: T; version: string }[] } | { ok: false; status: number; index: number };

/** An operation's status that says nothing was done yet and trying again may work. */
const retryAgain = (status: number) => TRANSIENT_STATUS.has(status);

/**
 * Typed access to one container. Every read-modify-write goes through `update`, which uses the
 * document's ETag so concurrent writers never overwrite each other: the loser re-reads and
 * re-applies its change. Reads and idempotent writes are retried on transient failures.
 */
export class DocumentStore<T extends { id: string }> {
  constructor(
    private readonly container: Container,
    private readonly partitionKeyOf: (doc: T) => string,
  ) {}

  /** `retrying` with this store's pauses. */
  private retrying<R>(op: () => Promise<R>): Promise<R> {
    return retrying(op, pausesOf(this.container));
  }

  async get(id: string, partitionKey: string): Promise<T | undefined> {
    const doc = await this.readRaw(id, partitionKey);
    return doc ? strip(doc) : undefined;
  }

  /** The document with its version (ETag), for an `update` later in the same turn that skips its own read. */
  async getVersioned(id: string, partitionKey: string): Promise<{ doc: T; version: string } | undefined> {
    const raw = await this.readRaw(id, partitionKey);
    return raw ? { doc: strip(raw), version: raw._etag! } : undefined;
  }

  private async readRaw(id: string, partitionKey: string): Promise<Stored<T> | undefined> {
    if (ILLEGAL_ID.test(id)) return undefined;
    return this.retrying(async () => {
      try {
        const { resource } = await this.container.item(id, partitionKey).read<Stored<T>>();
        return resource ?? undefined;
      } catch (err) {
        if (statusOf(err) === 404) return undefined;
        throw err;
      }
    });
  }

  /**
   * Creates the document, or returns the existing one when the id is taken (idempotent create).
   * A create whose answer was lost is retried; the retry finds the document and returns it with
   * `created: false`, as for any id that was taken: callers keep their follow-up steps idempotent.
   * `version` is the document's ETag as returned, for a replace later in the same turn.
   */
  async create(doc: T): Promise<{ doc: T; created: boolean; version?: string }> {
    try {
      return await this.retrying(async () => {
        try {
          const { resource } = await this.container.items.create<T>(doc);
          return { doc: strip(resource as Stored<T>), created: true, version: (resource as Stored<T>)._etag };
        } catch (err) {
          if (statusOf(err) !== 409) throw err;
          const existing = await this.readRaw(doc.id, this.partitionKeyOf(doc));
          if (!existing) throw err;
          return { doc: strip(existing), created: false, version: existing._etag };
        }
      });
    } catch (err) {
      // The tries ran out (an answer lost after Cosmos DB stored it, then a refusal or no answer
      // again): the document may be stored, and its id is known. Stored means stored; only a
      // document that is not there makes this an error, so an error card means nothing was stored.
      const existing = await this.readRaw(doc.id, this.partitionKeyOf(doc)).catch(() => undefined);
      if (!existing) throw err;
      return { doc: strip(existing), created: false, version: existing._etag };
    }
  }

  async upsert(doc: T): Promise<T> {
    return this.retrying(async () => {
      const { resource } = await this.container.items.upsert<T>(doc);
      return strip(resource as Stored<T>);
    });
  }

  /**
   * ETag read-modify-write. With `known` (the document and its version as read earlier in the
   * same turn) the first attempt skips the read. With `alongside`, the write is one transaction
   * (same partition) with reads of the documents it `requires` (refused, with `RequiredDocumentGone`,
   * when one of them no longer exists, so a change computed from them never lands without them)
   * and the `deletes` that go with the change.
   */
  async update(id: string, partitionKey: string, mutate: Mutate<T>, known?: { doc: T; version: string }, alongside?: UpdateAlongside<T>): Promise<T> {
    let current: { doc: T; version: string } | undefined = known;
    for (let attempt = 0; ; attempt++) {
      if (!current) {
        const raw = await this.readRaw(id, partitionKey);
        if (!raw) throw Object.assign(new Error('not found'), { code: 404 });
        current = { doc: strip(raw), version: raw._etag! };
      }
      const base = current.doc;
      const next = mutate(base);
      // The domain returns the same object when nothing changes (a redelivered activity): no write.
      if (next === base) return next;
      try {
        const requires = alongside?.requires ?? [];
        const deletes = alongside?.deletes?.(base, next) ?? [];
        if (requires.length || deletes.length) return await this.replaceAlongside(next, partitionKey, current.version, requires, deletes);
        const { resource } = await this.container.item(id, partitionKey).replace<T>(next, { accessCondition: { type: 'IfMatch', condition: current.version } });
        return strip(resource as Stored<T>);
      } catch (err) {
        const conflict = statusOf(err) === 412;
        if (!(conflict || isTransient(err)) || attempt >= MAX_CONFLICT_RETRIES) throw err;
        // After a conflict, or a replace whose answer was lost, re-read and re-apply: a replace
        // that did go through shows up as the new state, on which the change is a no-op.
        current = undefined;
        await pause(attempt, pausesOf(this.container));
      }
    }
  }

  /**
   * The replace of `update` in a transaction: the reads first and the deletes last, so the embedded
   * store (which runs a batch in order and stops at the first refusal) never replaces without its
   * required documents, nor deletes without the replace.
   */
  private async replaceAlongside(next: T, partitionKey: string, version: string, requires: readonly string[], deletes: readonly string[]): Promise<T> {
    const result = await this.transact(partitionKey, [...requires.map((read) => ({ read })), { replace: next, ifMatch: version }, ...deletes.map((id) => ({ delete: id }))]);
    if (result.ok) return result.written[requires.length]!.doc;
    if (result.status === 404 && result.index < requires.length) throw new RequiredDocumentGone(requires[result.index]!);
    // A document to delete that is already gone must not hold the change up for good: without it.
    if (result.status === 404 && result.index > requires.length) return this.replaceAlongside(next, partitionKey, version, requires, deletes.filter((_, i) => i !== result.index - requires.length - 1));
    throw Object.assign(new Error(`replace refused (${result.status})`), { code: result.status });
  }

  /**
   * Several writes in one partition as one transaction (Cosmos DB's transactional batch): all
   * of them or none, in one request. A refusal (a taken id, a changed version, a missing document
   * read) comes back as the result, not thrown, so the caller can read again and decide. A batch
   * that failed as a whole (throttled, or its answer lost) is tried again: callers order their
   * operations so that a retry of one that did go through is refused by a create or a versioned
   * replace (the id is taken, the version moved on) or finds its gate gone, and read what it means.
   */
  async transact(partitionKey: string, ops: TransactOp<T>[]): Promise<TransactResult<T>> {
    // Built anew for every attempt: the SDK rewrites the operations it is given (their partition key).
    const input = (): OperationInput[] =>
      ops.map((op): OperationInput => {
        if ('create' in op) return { operationType: 'Create', resourceBody: op.create as unknown as JSONObject };
        if ('upsert' in op) return { operationType: 'Upsert', partitionKey, resourceBody: op.upsert as unknown as JSONObject };
        // The embedded store reads the partition of an upsert, replace or read from the operation itself; Cosmos DB takes it there too.
        if ('read' in op) return { operationType: 'Read', id: op.read, partitionKey };
        if ('delete' in op) return { operationType: 'Delete', id: op.delete, partitionKey };
        return { operationType: 'Replace', id: op.replace.id, ifMatch: op.ifMatch, partitionKey, resourceBody: op.replace as unknown as JSONObject };
      });
    for (let attempt = 0; ; attempt++) {
      let results: { statusCode: number; eTag?: string; resourceBody?: unknown }[];
      try {
        results = (await this.container.items.batch(input(), partitionKey)).result ?? [];
      } catch (err) {
        // The SDK wraps a failed batch request in a plain Error without its status: every such failure is tried again.
        if (attempt >= MAX_TRANSIENT_RETRIES) throw err;
        await pause(attempt + 2, pausesOf(this.container));
        continue;
      }
      // The operation that failed carries its own status; the others say 424 (failed dependency).
      const index = results.findIndex((r) => r.statusCode >= 400 && r.statusCode !== 424);
      // A delete answers without a body.
      if (index < 0) return { ok: true, written: results.map((r) => (r.resourceBody ? { doc: strip(r.resourceBody as Stored<T>), version: r.eTag ?? (r.resourceBody as Stored<T>)._etag ?? '' } : { doc: undefined as unknown as T, version: '' })) };
      const status = results[index]!.statusCode;
      if (!retryAgain(status) || attempt >= MAX_TRANSIENT_RETRIES) return { ok: false, status, index };
      await pause(attempt + 2, pausesOf(this.container));
    }
  }

  /**
   * An ETag read-modify-write that may delete: `mutate` returns the next document, the same object
   * for no write, or undefined to delete it. The replace and the delete are both under the ETag of
   * the read: a change that lands meanwhile (412) makes it read again and decide again, so a
   * concurrent writer's change is never overwritten or deleted unseen. Returns what is stored now;
   * undefined when it was deleted. Throws a 404 error when there is no such document. `mutate`
   * also gets the version (ETag) it decides on, for a caller that read the document earlier.
   */
  async updateOrDelete(id: string, partitionKey: string, mutate: (current: T, version: string) => T | undefined): Promise<T | undefined> {
    for (let attempt = 0; ; attempt++) {
      const raw = await this.readRaw(id, partitionKey);
      if (!raw) throw Object.assign(new Error('not found'), { code: 404 });
      const base = strip(raw);
      const next = mutate(base, raw._etag!);
      if (next === base) return base;
      try {
        const item = this.container.item(id, partitionKey);
        const ifMatch = { accessCondition: { type: 'IfMatch', condition: raw._etag! } };
        if (next === undefined) {
          await item.delete(ifMatch);
          return undefined;
        }
        const { resource } = await item.replace<T>(next, ifMatch);
        return strip(resource as Stored<T>);
      } catch (err) {
        const status = statusOf(err);
        // A delete whose answer was lost (or another that got there first): gone, as meant.
        if (next === undefined && status === 404) return undefined;
        if (!(status === 412 || isTransient(err)) || attempt >= MAX_CONFLICT_RETRIES) throw err;
        await pause(attempt, pausesOf(this.container));
      }
    }
  }

  /**
   * Deletes the document if `check` accepts it as it stands: under its ETag, so a change that
   * lands between the check and the delete is seen (checked again), never deleted unseen.
   * Returns what was deleted; undefined when there was nothing.
   */
  async deleteChecked(id: string, partitionKey: string, check: (current: T) => void): Promise<T | undefined> {
    for (let attempt = 0; ; attempt++) {
      const raw = await this.readRaw(id, partitionKey);
      if (!raw) return undefined;
      const current = strip(raw);
      check(current);
      try {
        await this.container.item(id, partitionKey).delete({ accessCondition: { type: 'IfMatch', condition: raw._etag! } });
        return current;
      } catch (err) {
        const status = statusOf(err);
        // 404: deleted meanwhile (or this delete went through and its answer was lost).
        if (status === 404) return current;
        if (!(status === 412 || isTransient(err)) || attempt >= MAX_CONFLICT_RETRIES) throw err;
        await pause(attempt, pausesOf(this.container));
      }
    }
  }

  async delete(id: string, partitionKey: string): Promise<boolean> {
    if (ILLEGAL_ID.test(id)) return false;
    return this.retrying(async () => {
      try {
        await this.container.item(id, partitionKey).delete();
        return true;
      } catch (err) {
        if (statusOf(err) === 404) return false;
        throw err;
      }
    });
  }

  async query(spec: SqlQuerySpec, partitionKey?: string): Promise<T[]> {
    return (await this.queryStored<T>(spec, partitionKey)).map(strip);
  }

  /** A query that keeps the system properties (ETags), for callers that replace what they read. */
  async queryStored<R = T>(spec: SqlQuerySpec, partitionKey?: string): Promise<Stored<R>[]> {
    return this.retrying(async () => {
      const { resources } = await queryPlanOnDemand(this.container.items.query<Stored<R>>(spec, partitionKey === undefined ? {} : { partitionKey, maxItemCount: SINGLE_PARTITION_PAGE })).fetchAll();
      return resources;
    });
  }
}

export type { ItemDefinition };
