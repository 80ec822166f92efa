import { CosmosConnection } from '../../src/store/cosmos-connection';
import { DocumentStore } from '../../src/store/document-store';
import { startTestCosmos } from '../support/cosmos';

interface Counter { id: string; groupId: string; values: string[] }

describe('DocumentStore against @vercel/cosmosdb-server', () => {
  let conn: CosmosConnection;
  let store: DocumentStore<Counter>;
  beforeAll(async () => {
    conn = await startTestCosmos();
    store = new DocumentStore<Counter>(conn.container('sessions'), (d) => d.groupId);
  });
  afterAll(() => conn.close());

  it('creates idempotently: a second create with the same id returns the stored document', async () => {
    const first = await store.create({ id: 'c1', groupId: 'g', values: ['a'] });
    const second = await store.create({ id: 'c1', groupId: 'g', values: ['other'] });
    expect(first.created).toBe(true);
    expect(second).toEqual({ doc: { id: 'c1', groupId: 'g', values: ['a'] }, created: false, version: first.version });
  });

  it('a create returns the stored version: a replace with it needs no read and goes through once', async () => {
    const { doc, version } = await store.create({ id: 'c2', groupId: 'g', values: ['a'] });
    const { resource } = await conn.container('sessions').item('c2', 'g').read<Counter & { _etag: string }>();
    expect(version).toBe(resource!._etag);
    const next = await store.update('c2', 'g', (d) => ({ ...d, values: [...d.values, 'b'] }), { doc, version: version! });
    expect(next.values).toEqual(['a', 'b']);
    // A stale version is a conflict: re-read and applied once more, never lost or doubled.
    const again = await store.update('c2', 'g', (d) => ({ ...d, values: [...d.values, 'c'] }), { doc, version: version! });
    expect(again.values).toEqual(['a', 'b', 'c']);
  });

  it('rejects a replace with a stale ETag (412) at the protocol level', async () => {
    await store.create({ id: 'c2', groupId: 'g', values: [] });
    const item = conn.container('sessions').item('c2', 'g');
    const { resource } = await item.read();
    await item.replace({ ...resource, values: ['first'] }, { accessCondition: { type: 'IfMatch', condition: resource._etag } });
    await expect(
      item.replace({ ...resource, values: ['stale'] }, { accessCondition: { type: 'IfMatch', condition: resource._etag } }),
    ).rejects.toMatchObject({ code: 412 });
  });

  it('keeps every concurrent update: the losers of an ETag race re-read and re-apply', async () => {
    await store.create({ id: 'c3', groupId: 'g', values: [] });
    const writers = Array.from({ length: 8 }, (_, i) => store.update('c3', 'g', (d) => ({ ...d, values: [...d.values, `w${i}`] })));
    await Promise.all(writers);
    const final = await store.get('c3', 'g');
    expect(final?.values.sort()).toEqual(['w0', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7']);
  });

  it('writes nothing when the mutation returns the document unchanged', async () => {
    await store.create({ id: 'c4', groupId: 'g', values: ['x'] });
    const before = (await conn.container('sessions').item('c4', 'g').read()).resource._etag;
    await store.update('c4', 'g', (d) => d);
    const after = (await conn.container('sessions').item('c4', 'g').read()).resource._etag;
    expect(after).toBe(before);
  });
});
