import { CosmosConnection } from '../../../src/store/cosmos-connection';

/** One stored document as a database reader sees it: every field, Cosmos' own (`_ts`, `_etag`, `_rid`, ...) included. */
export interface DumpedDocument {
  container: string;
  /** Position in the container's read order (Cosmos returns documents in a stable order). */
  index: number;
  doc: Record<string, unknown>;
}

/** A full dump of the database: every container (by name), every document in read order. */
export type DatabaseDump = DumpedDocument[];

const SYSTEM_FIELDS = ['_ts', '_etag', '_rid', '_self', '_attachments', '_lsn'] as const;

/**
 * What an adversary with read access to the database gets: every document of every container,
 * with all system fields and in the order the database returns them. Nothing is filtered: an
 * attack must be able to use anything that is there.
 */
export async function fullDump(cosmos: CosmosConnection): Promise<DatabaseDump> {
  const { resources: containers } = await cosmos.database.containers.readAll().fetchAll();
  const out: DatabaseDump = [];
  for (const name of containers.map((c) => c.id).sort()) {
    const { resources } = await cosmos.database.container(name).items.readAll().fetchAll();
    resources.forEach((doc, index) => out.push({ container: name, index, doc: doc as Record<string, unknown> }));
  }
  return out;
}

/** The documents of some containers, without the values Cosmos makes up per write, to compare two runs. */
export function withoutSystemFields(dump: DatabaseDump, containers: string[], dropKeys: string[] = []): { container: string; doc: unknown }[] {
  const drop = new Set<string>([...SYSTEM_FIELDS, ...dropKeys]);
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => !drop.has(k)).map(([k, v]) => [k, clean(v)]));
    return value;
  };
  return dump.filter((d) => containers.includes(d.container)).map((d) => ({ container: d.container, doc: clean(d.doc) }));
}

/** One value found somewhere in the dump, with where it sits: for joins on time and order. */
export interface Occurrence<T> {
  /** What was found (a person, an answer, a comment...). */
  value: T;
  container: string;
  docIndex: number;
  /** The document's `_ts` (seconds): the time of its last write. */
  ts: number;
  /** Position in reading order: containers by name, documents in read order, then depth-first inside a document. */
  order: number;
}

/**
 * Finds values in the dump in reading order. `match` looks at every JSON value (depth-first)
 * and returns what it recognises there, or undefined. System fields are not searched for values,
 * but each occurrence carries its document's `_ts`.
 */
export function occurrences<T>(dump: DatabaseDump, match: (value: unknown) => T | undefined): Occurrence<T>[] {
  const out: Occurrence<T>[] = [];
  let order = 0;
  for (const d of dump) {
    const walk = (value: unknown) => {
      const found = match(value);
      if (found !== undefined) {
        out.push({ value: found, container: d.container, docIndex: d.index, ts: Number(d.doc._ts), order: order++ });
        return;
      }
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (!k.startsWith('_')) walk(v);
    };
    walk(d.doc);
  }
  return out;
}

/** Waits until the wall clock is in a new second, so that the next write gets a `_ts` of its own. */
export async function nextSecond(): Promise<void> {
  const start = Math.floor(Date.now() / 1000);
  const deadline = Date.now() + 3000;
  while (Math.floor(Date.now() / 1000) === start) {
    if (Date.now() > deadline) throw new Error('the wall clock did not move to the next second within 3 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}
