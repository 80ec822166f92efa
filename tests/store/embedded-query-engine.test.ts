import { Container } from '@azure/cosmos';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { startTestCosmos } from '../support/cosmos';

interface Doc { id: string; groupId: string; n?: number; tags?: (number | null)[]; note?: { text?: string; mood?: number } }

async function run<T>(container: Container, query: string, parameters: { name: string; value: unknown }[] = [], partitionKey = 'g'): Promise<T[]> {
  const { resources } = await container.items.query<T>({ query, parameters: parameters as { name: string; value: string }[] }, { partitionKey }).fetchAll();
  return resources;
}

/**
 * The embedded store's query engine runs with linear versions of some of its steps and parses and
 * compiles each query once (src/store/embedded-query-engine.ts); the answers must be the engine's
 * own: missing values left out of projections and arrays, joins, order (`_rid` order without
 * ORDER BY), values, aggregates, a compiled query used again with other parameters, and a
 * malformed query refused every time.
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

  it('compares as the engine does: values of two types are unequal, and a missing value is neither', async () => {
    expect(await run(container, 'SELECT VALUE [c.id, c.n = 3, c.n = "3", c.n != 1, c.missing = 3, c.note.text = "x"] FROM c ORDER BY c.id')).toEqual([
      ['a', true, false, true, true],
      ['b', false, false, false, false],
      ['c'],
    ]);
    expect(await run(container, 'SELECT VALUE c.id FROM c WHERE c.n = @n', [{ name: '@n', value: '3' }])).toEqual([]);
    // NOT of "unequal" is true, NOT of "missing" stays undefined: c, without n, is in neither answer.
    expect(await run(container, 'SELECT VALUE c.id FROM c WHERE NOT (c.n = @n) ORDER BY c.id', [{ name: '@n', value: '3' }])).toEqual(['a', 'b']);
    expect(await run(container, 'SELECT VALUE c.id FROM c WHERE c.n = null OR c.id = true OR c.id = 1')).toEqual([]);
    expect(await run(container, 'SELECT VALUE c.id FROM c WHERE c.tags = [1, 2] OR c.note = {"text": "y"} ORDER BY c.id')).toEqual(['a', 'b']);
  });

  it('uses a compiled query again with other parameters', async () => {
    const query = 'SELECT VALUE c.id FROM c WHERE c.n = @n';
    expect(await run(container, query, [{ name: '@n', value: 3 }])).toEqual(['a']);
    expect(await run(container, query, [{ name: '@n', value: 1 }])).toEqual(['b']);
    expect(await run(container, query, [{ name: '@n', value: 7 }])).toEqual([]);
  });

  it('answers a query without ORDER BY in the order of its _rid, as the engine does', async () => {
    // Enough documents that the rids' base64 stops following the order they were written in.
    for (let i = 0; i < 300; i += 50) await Promise.all(Array.from({ length: 50 }, (_, j) => container.items.create({ id: `r${i + j}`, groupId: 'h', n: i + j })));
    const rows = await run<{ id: string; _rid: string }>(container, 'SELECT c.id, c._rid FROM c', [], 'h');
    expect(rows).toHaveLength(300);
    const rids = rows.map((r) => r._rid);
    expect(rids).toEqual([...rids].sort());
  });

  it('refuses a malformed query every time it is sent, and answers a good one after it', async () => {
    for (let i = 0; i < 2; i++) await expect(run(container, 'SELECT FROM c WHERE')).rejects.toMatchObject({ code: 400 });
    expect(await run(container, 'SELECT VALUE c.id FROM c WHERE c.n = 3')).toEqual(['a']);
  });
});
