import { createRequire } from 'node:module';
import Account from '@vercel/cosmosdb-server/lib/account';
import { requestPartition, scopeQueriesToPartition } from '../../src/store/embedded-partition-scope';

interface Doc { id: string; groupId: string; n: number; _rid?: string }
interface Documents {
  create(doc: Doc): Doc;
  replace(doc: Doc, original: Doc): Doc;
  delete(id: string, partition: unknown): void;
  query(params: { query: string }, opts: { maxItemCount?: number | null; continuation?: unknown }): { result: Doc[] };
}
type Sort = (collection: unknown[], getRid: (row: unknown) => unknown, ...rest: unknown[]) => unknown[];

const helpers = createRequire(require.resolve('@vercel/cosmosdb-server'))('@zeit/cosmosdb-query/lib/helpers') as { sort: Sort };

/**
 * A query without ORDER BY answers in `_rid` order, and the engine sorts what it found by `_rid`
 * on every query. The embedded store keeps each partition in that order through creates,
 * replaces and deletes (src/store/embedded-partition-scope.ts), so a single-partition query hands
 * the engine's sort rows already in order: it only has to check them. The answers stay the
 * engine's own (order included); a cross-partition query still sees every partition, sorted.
 * In-process (not the tests' shared server): the test looks at what the engine's sort is handed.
 */
describe('embedded store: a partition is kept in _rid order', () => {
  let docs: Documents;
  const handed: string[][] = [];
  const sort = helpers.sort;

  beforeAll(() => {
    scopeQueriesToPartition();
    const account = new Account('127.0.0.1', 1) as unknown as { databases: { create(d: { id: string }): void }; database(id: string): { collections: { create(c: object): void }; collection(id: string): { documents: Documents } } };
    account.databases.create({ id: 'db' });
    const db = account.database('db');
    db.collections.create({ id: 'sessions', partitionKey: { paths: ['/groupId'], kind: 'Hash' } });
    docs = db.collection('sessions').documents;
    // More than 256 documents: from there the rids' base64 no longer follows the order of creation.
    for (let i = 0; i < 400; i++) docs.create({ id: `d${i}`, groupId: i % 3 ? 'h' : 'other', n: i });
    // A replace is a delete and a store again under the same rid; a delete leaves a gap.
    for (let i = 1; i < 400; i += 7) if (i % 3) docs.replace({ id: `d${i}`, groupId: 'h', n: -i }, docs.query({ query: `SELECT * FROM c WHERE c.id = "d${i}"` }, {}).result[0]!);
    for (let i = 2; i < 400; i += 11) if (i % 3) docs.delete(`d${i}`, 'h');
    helpers.sort = (collection, getRid, ...rest) => {
      handed.push(collection.map((row) => String(getRid(row))));
      return sort(collection, getRid, ...rest);
    };
  });
  afterAll(() => {
    helpers.sort = sort;
  });
  beforeEach(() => (handed.length = 0));

  const inPartition = (key: string | undefined, query: string) => requestPartition.run(key === undefined ? undefined : JSON.stringify(key), () => docs.query({ query }, { maxItemCount: null, continuation: null }).result);
  const sorted = (rids: string[]) => [...rids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  it('hands the engine a single-partition query rows already in _rid order', () => {
    const rows = inPartition('h', 'SELECT * FROM c');
    expect(handed).toHaveLength(1);
    const rids = handed[0]!;
    expect(rids.length).toBeGreaterThan(200);
    expect(rids).toEqual(sorted(rids));
    expect(rows.map((d) => d._rid)).toEqual(rids);
  });

  it('answers as before: the partition, in _rid order, replaced documents as replaced and deleted ones gone', () => {
    const rows = inPartition('h', 'SELECT c.id, c.n, c._rid FROM c');
    const expected = inPartition(undefined, "SELECT c.id, c.n, c._rid FROM c WHERE c.groupId = 'h'");
    expect(rows).toEqual(expected);
    expect(rows.map((d) => d._rid)).toEqual(sorted(rows.map((d) => d._rid!)));
    const ids = new Set(rows.map((d) => d.id));
    expect(ids.has('d8')).toBe(true);
    expect(rows.find((d) => d.id === 'd8')?.n).toBe(-8);
    expect(ids.has('d2')).toBe(false);
    expect(ids.has('d3')).toBe(false);
    expect(rows).toHaveLength(Array.from({ length: 400 }, (_, i) => i).filter((i) => i % 3 && !(i >= 2 && (i - 2) % 11 === 0)).length);
  });

  it('still sorts a cross-partition query, whose rows come in the order they were stored', () => {
    const rows = inPartition(undefined, 'SELECT c._rid FROM c');
    expect(handed[0]).not.toEqual(sorted(handed[0]!));
    expect(rows.map((d) => d._rid)).toEqual(sorted(handed[0]!));
  });
});
