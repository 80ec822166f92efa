import { OperationInput } from '@azure/cosmos';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { startTestCosmos } from '../support/cosmos';

/**
 * The embedded server runs a transactional batch as Azure Cosmos DB does: all or nothing (stop 53).
 * @vercel/cosmosdb-server kept the operations before the one that failed, so a batch the app counts
 * on for "both or neither" (the talent review's move: replace, delete, create; a session's close)
 * could leave half of itself stored in local runs and in every test, which production never does.
 */
type Doc = { id: string; groupId: string; n: number; _etag?: string; _ts?: number };
/** As the app's DocumentStore sends them: each operation but a create names its partition. */
const PK = 'g-atomic';

describe('a transactional batch on the embedded Cosmos DB server', () => {
  let conn: CosmosConnection;
  const container = () => conn.container('sessions');
  const read = async (id: string, groupId = 'g-atomic') => (await container().item(id, groupId).read<Doc>()).resource;
  const idsOf = async (groupId: string) =>
    (await container().items.query<string>({ query: 'SELECT VALUE c.id FROM c WHERE c.groupId = @g', parameters: [{ name: '@g', value: groupId }] }, { partitionKey: groupId }).fetchAll()).resources.sort();
  const batch = async (ops: OperationInput[], groupId = 'g-atomic') => (await container().items.batch(ops, groupId)).result!.map((r) => r.statusCode);

  beforeAll(async () => {
    conn = await startTestCosmos();
    for (const id of ['b', 'c', 'd']) await container().items.create({ id, groupId: 'g-atomic', n: 1 });
  });
  afterAll(() => conn.close());

  it('keeps nothing of a batch whose last operation fails: a create before it is undone', async () => {
    const statuses = await batch([
      { operationType: 'Create', resourceBody: { id: 'a', groupId: 'g-atomic', n: 1 } },
      { operationType: 'Replace', partitionKey: PK, id: 'b', resourceBody: { id: 'b', groupId: 'g-atomic', n: 2 }, ifMatch: '"not-its-etag"' },
    ]);
    expect(statuses).toEqual([424, 412]);
    expect(await read('a')).toBeUndefined();
    expect((await read('b'))?.n).toBe(1);
  });

  it('puts back what it replaced and deleted exactly as it was (ETag and _ts), also for a single-partition query', async () => {
    const [b, c] = [await read('b'), await read('c')];
    const statuses = await batch([
      { operationType: 'Replace', partitionKey: PK, id: 'b', resourceBody: { id: 'b', groupId: 'g-atomic', n: 3 }, ifMatch: b!._etag },
      { operationType: 'Delete', partitionKey: PK, id: 'c' },
      { operationType: 'Upsert', partitionKey: PK, resourceBody: { id: 'e', groupId: 'g-atomic', n: 1 } },
      { operationType: 'Create', resourceBody: { id: 'd', groupId: 'g-atomic', n: 9 } },
    ]);
    expect(statuses).toEqual([424, 424, 424, 409]);
    expect(await read('b')).toEqual(b);
    expect(await read('c')).toEqual(c);
    expect(await idsOf('g-atomic')).toEqual(['b', 'c', 'd']);
    // The restored versions are the versions: a replace under the ETag read before the batch goes through.
    await container().item('b', 'g-atomic').replace({ id: 'b', groupId: 'g-atomic', n: 4 }, { accessCondition: { type: 'IfMatch', condition: b!._etag! } });
    expect((await read('b'))?.n).toBe(4);
  });

  it('undoes a document two operations changed back to what it was before both', async () => {
    const d = await read('d');
    const statuses = await batch([
      { operationType: 'Replace', partitionKey: PK, id: 'd', resourceBody: { id: 'd', groupId: 'g-atomic', n: 5 } },
      { operationType: 'Delete', partitionKey: PK, id: 'd' },
      { operationType: 'Read', partitionKey: PK, id: 'd' },
    ]);
    expect(statuses).toEqual([424, 424, 404]);
    expect(await read('d')).toEqual(d);
  });

  // Found in review, stop 53 (fixed then: undone only on a failing status, not on an exception).
  it('keeps nothing of a batch whose operation the server cannot run (it throws, the batch answers an error)', async () => {
    // A read naming no partition of its own: the embedded server cannot parse its key and throws.
    await expect(container().items.batch([{ operationType: 'Create', resourceBody: { id: 'f', groupId: 'g-atomic', n: 1 } }, { operationType: 'Read', id: 'b' }], 'g-atomic')).rejects.toThrow();
    expect(await read('f')).toBeUndefined();
  });

  it('stores all of a batch that succeeds, in order', async () => {
    const statuses = await batch(
      [
        { operationType: 'Create', resourceBody: { id: 'x', groupId: 'g-ok', n: 1 } },
        { operationType: 'Replace', partitionKey: 'g-ok', id: 'x', resourceBody: { id: 'x', groupId: 'g-ok', n: 2 } },
        { operationType: 'Create', resourceBody: { id: 'y', groupId: 'g-ok', n: 1 } },
        { operationType: 'Delete', partitionKey: 'g-ok', id: 'y' },
      ],
      'g-ok',
    );
    expect(statuses).toEqual([201, 200, 201, 204]);
    expect((await read('x', 'g-ok'))?.n).toBe(2);
    expect(await idsOf('g-ok')).toEqual(['x']);
  });
});
