import { randomUUID } from 'node:crypto';
import { CosmosConnection, startEmbeddedCosmos } from '../../src/store/cosmos-connection';

/** The embedded store keeps its connections: a new connection (then a TLS handshake) per request cost over a quarter of the CPU. */
describe('the embedded Cosmos DB server', () => {
  let cosmos: CosmosConnection & { endpoint: string };
  let connections = 0;
  let requests = 0;
  beforeAll(async () => {
    cosmos = await startEmbeddedCosmos(`test-${randomUUID().slice(0, 8)}`, {
      observer: { connection: () => connections++, request: () => requests++ },
    });
  });
  afterAll(() => cosmos.close());

  it('listens on loopback only, in plain HTTP: no TLS to pay for on either side of a local call', () => {
    expect(cosmos.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves many requests over the connections it already has', async () => {
    const groups = cosmos.container('groups');
    await groups.items.create({ id: 'g1', name: 'Zorgteam Noord' });
    const [connectionsBefore, requestsBefore] = [connections, requests];
    for (let i = 0; i < 50; i++) await groups.item('g1', 'g1').read();
    expect(requests - requestsBefore).toBe(50);
    // One request after another: one connection at most, however many requests.
    expect(connections - connectionsBefore).toBeLessThanOrEqual(1);
  });

  it('keeps the connections of concurrent requests too', async () => {
    const groups = cosmos.container('groups');
    await Promise.all(Array.from({ length: 8 }, (_, i) => groups.items.upsert({ id: `c${i}`, name: `groep ${i}` })));
    const before = connections;
    for (let round = 0; round < 5; round++) await Promise.all(Array.from({ length: 8 }, (_, i) => groups.item(`c${i}`, `c${i}`).read()));
    // Five rounds of eight: at most eight connections, not forty.
    expect(connections - before).toBeLessThanOrEqual(8);
  });
});
