import Account from '@vercel/cosmosdb-server/lib/account';
import Documents from '@vercel/cosmosdb-server/lib/account/documents';
import ResourceId from '@vercel/cosmosdb-server/lib/account/resource-id';
import { speedUpDocumentRids } from '../../src/store/embedded-document-rids';

type Collections = { create(c: object): void };
type Db = { collections: Collections; collection(id: string): { documents: Documents } };

/** Two collections of one in-process embedded server (the tests' shared server runs elsewhere). */
function documentsOf(): Documents[] {
  const account = new Account('127.0.0.1', 1) as unknown as { databases: { create(d: { id: string }): void }; database(id: string): Db };
  account.databases.create({ id: 'db' });
  const db = account.database('db');
  db.collections.create({ id: 'sessions', partitionKey: { paths: ['/groupId'], kind: 'Hash' } });
  db.collections.create({ id: 'records', partitionKey: { paths: ['/ownerId'], kind: 'Hash' } });
  return [db.collection('sessions').documents, db.collection('records').documents];
}

/**
 * A new document's `_rid` (src/store/embedded-document-rids.ts): the embedded server's own way
 * goes through a big integer and a decimal string and parses the collection's rid on every
 * create; the bytes are written directly now. Both must name every document alike: the order of
 * a query without ORDER BY and every later read, replace and delete go by it.
 */
describe('embedded store: document rids', () => {
  const serverRid = Documents.prototype._rid; // eslint-disable-line @typescript-eslint/unbound-method
  let collections: Documents[];

  beforeAll(() => {
    collections = documentsOf();
    speedUpDocumentRids();
  });

  it('names every document as the server does', () => {
    const ids = [
      ...Array.from({ length: 30_000 }, (_, i) => i + 1),
      // Numbers whose low byte makes the big integer negative, carries into every byte, and the largest.
      ...[0x7f, 0x80, 0xff, 0x100, 0x8000, 0xffff, 0x10000, 0x800000, 0xffffff, 0x1000000, 0x7fffffff, 0x7ffffffe, 0x12345678, 0x2a8081ff],
      ...Array.from({ length: 10_000 }, (_, i) => ((i * 2654435761) % 0x7fffffff) + 1),
    ];
    for (const docs of collections) {
      const differing = ids.filter((id) => docs._rid(id) !== serverRid.call(docs, id));
      expect(differing).toEqual([]);
    }
    expect(collections[0]!._rid(1)).not.toEqual(collections[1]!._rid(1));
  });

  it('creates a document without the big-integer round trip, under the rid the server would give it', () => {
    const docs = collections[0]!;
    const bigNumber = jest.spyOn(ResourceId, 'bigNumberReadIntBE');
    try {
      const created = docs.create({ id: 'a', groupId: 'g' }) as { _rid: string; _self: string };
      expect(bigNumber).not.toHaveBeenCalled();
      expect(created._rid).toBe(serverRid.call(docs, docs._ridCount));
      expect(created._self).toContain(`/docs/${created._rid}/`);
      expect(docs.create({ id: 'b', groupId: 'g' })._rid).not.toBe(created._rid);
    } finally {
      bigNumber.mockRestore();
    }
  });

  it('refuses a number beyond 32 bits as the server does', () => {
    const docs = collections[0]!;
    // Node's RangeError, of another realm than jest's: matched by its message.
    expect(() => serverRid.call(docs, 2 ** 31)).toThrow(/out of range/);
    expect(() => docs._rid(2 ** 31)).toThrow(/out of range/);
    expect(docs._rid(0)).toBe(serverRid.call(docs, 0));
  });
});
