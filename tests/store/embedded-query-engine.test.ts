import { Container } from '@azure/cosmos';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { startTestCosmos } from '../support/cosmos';

interface Doc { id: string; groupId: string; n?: number; tags?: (number | null)[]; note?: { text?: string; mood?: number } }

async function run<T>(container: Container, query: string, parameters: { name: string; value: unknown }[] = []): Promise<T[]> {
  const { resources } = await container.items.query<T>({ query, parameters: parameters as { name: string; value: string }[] }, { partitionKey: 'g' }).fetchAll();
  return resources;
}

/**
 * The embedded store's query engine runs with linear versions of two of its steps and compiles
 * each query once (src/store/embedded-query-engine.ts); the answers must be the engine's own:
 * missing values left out of projections and arrays, joins, order, values, aggregates, and a
 * compiled query used again with other parameters.
 */
describe('embedded store: query results', () => {
  let cosmos: CosmosConnection;
  let container: Container;

  beforeAll(async () => {
    cosmos = await startTestCosmos();
    container = cosmos.container('sessions');
    const docs: Doc[] = [
      { id: 'a', groupId: 'g', n: 3, tags: [1, 2], note: { text: 'x', mood: 4 } },
      { id: 'b', groupId: 'g', n: 1, tags: [], note: { text: 'y' } },
      { id: 'c', groupId: 'g', tags: [2, null] },
      { id: 'd', groupId: 'other', n: 9 },
    ];
    for (const d of docs) await container.items.create(d);
  });
  afterAll(() => cosmos.close());

  it('leaves missing values out of projections, objects and arrays', async () => {
    expect(await run(container, 'SELECT c.id, c.n, c.note.mood AS mood FROM c ORDER BY c.id')).toEqual([{ id: 'a', n: 3, mood: 4 }, { id: 'b', n: 1 }, { id: 'c' }]);
    expect(await run(container, 'SELECT VALUE c.n FROM c ORDER BY c.id')).toEqual([3, 1]);
    expect(await run(container, 'SELECT VALUE [c.n, c.id] FROM c WHERE c.id = "c"')).toEqual([['c']]);
    expect(await run(container, 'SELECT VALUE {"id": c.id, "text": c.note.text} FROM c ORDER BY c.id')).toEqual([{ id: 'a', text: 'x' }, { id: 'b', text: 'y' }, { id: 'c' }]);
  });

  it('joins, orders, counts and filters as before', async () => {
    expect(await run(container, 'SELECT c.id, t AS tag FROM c JOIN t IN c.tags ORDER BY c.id')).toEqual([{ id: 'a', tag: 1 }, { id: 'a', tag: 2 }, { id: 'c', tag: 2 }, { id: 'c', tag: null }]);
    expect(await run(container, 'SELECT * FROM c WHERE c.n >= 1 ORDER BY c.n DESC')).toEqual([expect.objectContaining({ id: 'a' }), expect.objectContaining({ id: 'b' })]);
    expect(await run(container, 'SELECT VALUE COUNT(1) FROM c')).toEqual([3]);
  });

  it('uses a compiled query again with other parameters', async () => {
    const query = 'SELECT VALUE c.id FROM c WHERE c.n = @n';
    expect(await run(container, query, [{ name: '@n', value: 3 }])).toEqual(['a']);
    expect(await run(container, query, [{ name: '@n', value: 1 }])).toEqual(['b']);
    expect(await run(container, query, [{ name: '@n', value: 7 }])).toEqual([]);
  });
});
