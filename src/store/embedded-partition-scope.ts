import { AsyncLocalStorage } from 'node:async_hooks';
import { IncomingMessage } from 'node:http';
// The embedded server's document collection: not part of its public types, so typed here by what we use.
import ItemsModule from '@vercel/cosmosdb-server/lib/account/items';
import { speedUpEmbeddedQueries } from './embedded-query-engine';

interface StoredItem {
  read(): Record<string, unknown> | null;
}

interface ItemsInternals {
  _data: Map<string, StoredItem>;
  _parent: { read(): unknown };
  _getPartition(doc: Record<string, unknown>): unknown;
  _set(doc: Record<string, unknown>): Record<string, unknown>;
  delete(idOrRid: string, partition?: unknown): void;
  _item(keyPath: string, value: unknown, partition?: unknown): StoredItem;
  query(params: unknown, opts: unknown): unknown;
  /** Added here: the stored items of each partition, kept beside `_data`. */
  _byPartition?: Map<string, Partition>;
}

/** The partition key a query request names, as the key the index uses; undefined for a cross-partition query. */
export const requestPartition = new AsyncLocalStorage<string | undefined>();
const PATCHED = Symbol.for('lerend-werken.embedded-partition-scope');

/** A document without the partition key field: Cosmos DB keeps it apart from one whose key is null (header `[{}]`). */
const NO_KEY = '\u0000none';

function partitionKeyOf(value: unknown): string {
  return value === undefined ? NO_KEY : JSON.stringify(value);
}

/**
 * One partition's stored items in `_rid` order (the engine's order for strings, `<`). A query
 * without ORDER BY answers in that order, so the engine sorts what it found by `_rid` on every
 * query; handed the partition already in that order, its sort only checks (see
 * embedded-query-engine.ts). A write moves one item: a binary search and one splice.
 */
class Partition {
  private readonly rids: string[] = [];
  private readonly items: StoredItem[] = [];

  /** What a query reads of `_data`. */
  values(): IterableIterator<StoredItem> {
    return this.items.values();
  }

  /** The index of `rid`, or where it would go. */
  private seek(rid: string): number {
    let low = 0;
    let high = this.rids.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.rids[mid]! < rid) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  set(rid: string, item: StoredItem): void {
    const at = this.seek(rid);
    if (this.rids[at] === rid) this.items[at] = item;
    else {
      this.rids.splice(at, 0, rid);
      this.items.splice(at, 0, item);
    }
  }

  delete(rid: string): void {
    const at = this.seek(rid);
    if (this.rids[at] !== rid) return;
    this.rids.splice(at, 1);
    this.items.splice(at, 1);
  }
}

function partitionsOf(items: ItemsInternals): Map<string, Partition> {
  if (!items._byPartition) {
    items._byPartition = new Map();
    for (const [rid, item] of items._data) {
      const doc = item.read();
      if (doc) add(items._byPartition, partitionKeyOf(items._getPartition(doc)), rid, item);
    }
  }
  return items._byPartition;
}

function add(index: Map<string, Partition>, key: string, rid: string, item: StoredItem): void {
  let partition = index.get(key);
  if (!partition) index.set(key, (partition = new Partition()));
  partition.set(rid, item);
}

const EMPTY = new Partition();

/**
 * Cosmos DB runs a query that names a partition key against that partition only, from its
 * index. @vercel/cosmosdb-server runs every query against every document of the container, and
 * its query engine collects them with an array spread per document, so each query cost grew
 * with the square of all groups' answers. This keeps an index of documents per partition and
 * hands a single-partition query only its own partition's documents, as Cosmos DB does.
 * Cross-partition queries (no partition key on the request) still see the whole container.
 */
function patchItems(): void {
  const proto = (ItemsModule as unknown as { prototype: ItemsInternals & { [PATCHED]?: boolean } }).prototype;
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const { _set, delete: remove, query } = proto;
  proto._set = function (this: ItemsInternals, doc) {
    const stored = _set.call(this, doc);
    const rid = String(stored._rid);
    const item = this._data.get(rid);
    if (item) add(partitionsOf(this), partitionKeyOf(this._getPartition(stored)), rid, item);
    return stored;
  };
  proto.delete = function (this: ItemsInternals, idOrRid, partition) {
    const doc = this._item('/id', idOrRid, partition).read();
    remove.call(this, idOrRid, partition);
    if (doc) partitionsOf(this).get(partitionKeyOf(this._getPartition(doc)))?.delete(String(doc._rid));
  };
  proto.query = function (this: ItemsInternals, params, opts) {
    const key = requestPartition.getStore();
    if (key === undefined) return query.call(this, params, opts);
    const all = this._data;
    // The server's query reads `_data` by `values()` only.
    this._data = (partitionsOf(this).get(key) ?? EMPTY) as unknown as Map<string, StoredItem>;
    try {
      return query.call(this, params, opts);
    } finally {
      this._data = all;
    }
  };
}

/** The partition key header of a document query, as the index's key; undefined when the request has none. */
export function partitionOfRequest(req: IncomingMessage): string | undefined {
  const header = req.headers['x-ms-documentdb-partitionkey'];
  if (typeof header !== 'string' || req.method !== 'POST' || !/\/docs\/?$/.test(req.url ?? '')) return undefined;
  try {
    const parsed: unknown = JSON.parse(header);
    if (!Array.isArray(parsed) || parsed.length !== 1) return undefined;
    const [key] = parsed as unknown[];
    return key && typeof key === 'object' && Object.keys(key).length === 0 ? NO_KEY : partitionKeyOf(key);
  } catch {
    return undefined;
  }
}

/** Makes the embedded server scope single-partition queries to their partition (see patchItems); requests run in `requestPartition`. */
export function scopeQueriesToPartition(): void {
  patchItems();
  speedUpEmbeddedQueries();
}
