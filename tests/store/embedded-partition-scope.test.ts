import { Container } from '@azure/cosmos';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { startTestCosmos } from '../support/cosmos';

interface Doc { id: string; groupId: string; kind: string; n: number }

const byKind = { query: 'SELECT * FROM c WHERE c.kind = @kind', parameters: [{ name: '@kind', value: 'note' }] };

async function ids(container: Container, partitionKey?: string): Promise<string[]> {
  const { resources } = await container.items.query<Doc>(byKind, partitionKey === undefined ? {} : { partitionKey }).fetchAll();
  return resources.map((d) => d.id).sort();
}

/**
 * The embedded store answers a query that names a partition key from that partition only, as
 * Cosmos DB does (it used to search, and return, the whole container); a cross-partition query
 * still sees every partition, and writes, replaces and deletes keep the partitions right.
 */
describe('embedded store: single-partition queries see their partition only', () => {
  let cosmos: CosmosConnection;
  let container: Container;

  beforeAll(async () => {
    cosmos = await startTestCosmos();
    container = cosmos.container('sessions');
    for (const [id, groupId] of [['a1', 'A'], ['a2', 'A'], ['b1', 'B']] as const) await container.items.create<Doc>({ id, groupId, kind: 'note', n: 1 });
  });
  afterAll(() => cosmos.close());

  it('returns only the named partition, even where the filter matches others', async () => {
    expect(await ids(container, 'A')).toEqual(['a1', 'a2']);
    expect(await ids(container, 'B')).toEqual(['b1']);
    expect(await ids(container, 'nobody')).toEqual([]);
  });

  it('still searches every partition for a cross-partition query', async () => {
    expect(await ids(container)).toEqual(['a1', 'a2', 'b1']);
  });

  it('follows creates, replaces, upserts and deletes', async () => {
    await container.items.create<Doc>({ id: 'b2', groupId: 'B', kind: 'note', n: 1 });
    await container.item('a1', 'A').replace<Doc>({ id: 'a1', groupId: 'A', kind: 'note', n: 2 });
    await container.items.upsert<Doc>({ id: 'a3', groupId: 'A', kind: 'note', n: 1 });
    await container.item('a2', 'A').delete();
    // The same id in another partition is another document.
    await container.items.create<Doc>({ id: 'a1', groupId: 'B', kind: 'note', n: 1 });
    expect(await ids(container, 'A')).toEqual(['a1', 'a3']);
    expect(await ids(container, 'B')).toEqual(['a1', 'b1', 'b2']);
    const { resources } = await container.items.query<Doc>({ query: 'SELECT * FROM c WHERE c.id = "a1"' }, { partitionKey: 'A' }).fetchAll();
    expect(resources.map((d) => d.n)).toEqual([2]);
  });

  it('pages through one partition with continuation tokens', async () => {
    for (let i = 0; i < 7; i++) await container.items.create<Doc>({ id: `p${i}`, groupId: 'P', kind: 'note', n: i });
    await container.items.create<Doc>({ id: 'q0', groupId: 'Q', kind: 'note', n: 0 });
    const pages: string[][] = [];
    const iterator = container.items.query<Doc>(byKind, { partitionKey: 'P', maxItemCount: 3 });
    while (iterator.hasMoreResults()) {
      const { resources } = await iterator.fetchNext();
      if (resources.length) pages.push(resources.map((d) => d.id));
    }
    expect(pages.flat().sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(pages.length).toBeGreaterThan(1);
  });

  it('keeps a null partition key apart from a missing one, as Cosmos DB does', async () => {
    await container.items.create({ id: 'null-key', groupId: null, kind: 'edge', n: 0 });
    await container.items.create({ id: 'no-key', kind: 'edge', n: 0 });
    const { resources } = await container.items.query<Doc>({ query: "SELECT * FROM c WHERE c.kind = 'edge'" }, { partitionKey: null }).fetchAll();
    expect(resources.map((d) => d.id)).toEqual(['null-key']);
  });
});
