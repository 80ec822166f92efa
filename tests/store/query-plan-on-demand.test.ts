import { DocumentStore } from '../../src/store/document-store';
import { queryPlanOnDemandSupported } from '../../src/store/query-plan-on-demand';
import { CosmosProxy, startProxiedCosmos } from '../support/cosmos-proxy';

interface Note { id: string; groupId: string; n: number }

/**
 * Single-partition queries go out as one request; the query plan is asked for only when the
 * gateway answers that a query needs it, and the query then still returns what it should.
 */
describe('query plan on demand', () => {
  let proxied: Awaited<ReturnType<typeof startProxiedCosmos>>;
  let proxy: CosmosProxy;
  let store: DocumentStore<Note>;
  const spec = { query: 'SELECT * FROM c WHERE c.groupId = @g AND c.n >= 2 ORDER BY c.n DESC', parameters: [{ name: '@g', value: 'g1' }] };

  beforeAll(async () => {
    proxied = await startProxiedCosmos();
    proxy = proxied.proxy;
    store = new DocumentStore<Note>(proxied.cosmos.container('sessions'), (d) => d.groupId);
    for (let n = 1; n <= 4; n++) await store.create({ id: `note-${n}`, groupId: 'g1', n });
    await store.create({ id: 'elsewhere', groupId: 'g2', n: 9 });
  });
  afterAll(() => proxied.close());
  beforeEach(() => {
    proxy.faults = undefined;
    proxy.reset();
  });

  it('relies on SDK internals that this version has', () => {
    expect(queryPlanOnDemandSupported).toBe(true);
  });

  it('sends a single-partition query as one request, without a query plan', async () => {
    const found = await store.query(spec, 'g1');
    expect(found.map((d) => d.n)).toEqual([4, 3, 2]);
    expect(proxy.seen.map((r) => r.kind)).toEqual(['query']);
  });

  it('asks for the plan when the gateway says the query needs one, and still answers correctly', async () => {
    let answered = false;
    proxy.faults = (req) => {
      if (req.kind === 'queryPlan') return { kind: 'plainQueryPlan' };
      if (req.kind !== 'query' || answered) return undefined;
      answered = true;
      return { kind: 'needsQueryPlan' };
    };
    const found = await store.query({ ...spec, query: 'SELECT * FROM c WHERE c.groupId = @g AND c.n >= 2' }, 'g1');
    expect(found.map((d) => d.n).sort()).toEqual([2, 3, 4]);
    const kinds = proxy.seen.map((r) => `${r.kind}:${r.status}`);
    expect(kinds.slice(0, 2)).toEqual(['query:400', 'queryPlan:200']);
    expect(kinds.slice(2).every((k) => k === 'query:200' || k === 'metadata:200')).toBe(true);
  });
});
