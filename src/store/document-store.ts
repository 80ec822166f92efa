import { Container, ErrorResponse, ItemDefinition, SqlQuerySpec } from '@azure/cosmos';
import { Mutate } from '../domain/week-cycle/ports';

const MAX_CONFLICT_RETRIES = 12;

/** Cosmos system properties we strip before handing documents to the domain. */
type Stored<T> = T & { _etag?: string; _rid?: string; _self?: string; _ts?: number; _attachments?: string };

function strip<T>(doc: Stored<T>): T {
  const { _etag, _rid, _self, _ts, _attachments, ...rest } = doc as Stored<T> & Record<string, unknown>;
  return rest as T;
}

export function statusOf(err: unknown): number | undefined {
  const e = err as ErrorResponse & { statusCode?: number };
  return typeof e?.code === 'number' ? e.code : e?.statusCode;
}

/** Cosmos DB refuses a blank id or one with '/', '\\', '?' or '#', and its SDK throws on them: no such document exists. */
const ILLEGAL_ID = /[/\\?#]|^\s*$/;

function jitter(attempt: number): Promise<void> {
  const ms = Math.min(200, 5 * 2 ** attempt) * Math.random();
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Typed access to one container. Every read-modify-write goes through `update`, which uses the
 * document's ETag so concurrent writers never overwrite each other: the loser re-reads and
 * re-applies its change.
 */
export class DocumentStore<T extends { id: string }> {
  constructor(
    private readonly container: Container,
    private readonly partitionKeyOf: (doc: T) => string,
  ) {}

  async get(id: string, partitionKey: string): Promise<T | undefined> {
    const doc = await this.readRaw(id, partitionKey);
    return doc ? strip(doc) : undefined;
  }

  private async readRaw(id: string, partitionKey: string): Promise<Stored<T> | undefined> {
    if (ILLEGAL_ID.test(id)) return undefined;
    try {
      const { resource } = await this.container.item(id, partitionKey).read<Stored<T>>();
      return resource ?? undefined;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  /** Creates the document, or returns the existing one when the id is taken (idempotent create). */
  async create(doc: T): Promise<{ doc: T; created: boolean }> {
    try {
      const { resource } = await this.container.items.create<T>(doc);
      return { doc: strip(resource as Stored<T>), created: true };
    } catch (err) {
      if (statusOf(err) !== 409) throw err;
      const existing = await this.get(doc.id, this.partitionKeyOf(doc));
      if (!existing) throw err;
      return { doc: existing, created: false };
    }
  }

  async upsert(doc: T): Promise<T> {
    const { resource } = await this.container.items.upsert<T>(doc);
    return strip(resource as Stored<T>);
  }

  async update(id: string, partitionKey: string, mutate: Mutate<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.readRaw(id, partitionKey);
      if (!current) throw Object.assign(new Error('not found'), { code: 404 });
      const base = strip(current);
      const next = mutate(base);
      // The domain returns the same object when nothing changes (a redelivered activity): no write.
      if (next === base) return next;
      try {
        const { resource } = await this.container
          .item(id, partitionKey)
          .replace<T>(next, { accessCondition: { type: 'IfMatch', condition: current._etag! } });
        return strip(resource as Stored<T>);
      } catch (err) {
        if (statusOf(err) !== 412 || attempt >= MAX_CONFLICT_RETRIES) throw err;
        await jitter(attempt);
      }
    }
  }

  async delete(id: string, partitionKey: string): Promise<boolean> {
    if (ILLEGAL_ID.test(id)) return false;
    try {
      await this.container.item(id, partitionKey).delete();
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw err;
    }
  }

  async query(spec: SqlQuerySpec, partitionKey?: string): Promise<T[]> {
    const { resources } = await this.container.items
      .query<Stored<T>>(spec, partitionKey === undefined ? {} : { partitionKey })
      .fetchAll();
    return resources.map(strip);
  }
}

export type { ItemDefinition };
