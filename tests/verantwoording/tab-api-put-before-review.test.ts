/**
 * From review, stop 52: putting a proposal before the manager from the personal tab
 * (GET/POST /api/verantwoording/put-before), each test what the tab does as the chat does. Found
 * then and fixed: a member who left the group was named "Iemand uit je team" (now the directory's
 * name); the same key with other words was answered "sent" while the manager got the first words
 * (now 409 `alreadySent` with the words that went); the card went in the tenant id stored at set-up,
 * not the tenant of the group's chat now. The others held (the read writes nothing, no partition
 * crossed, forged ids and keys refused without a 500, nothing in the group's chat).
 */
import { membersRemoved, TestUser } from '../support/activities';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { putBeforeApi } from './support';
import { DecidedProposalIds, directoryFile, groupDecides } from '../talent-review/support/proposal-put-before';

const [anna, bram, cem, dewi, eva, finn] = MEMBERS as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
const users = [
  ...['anna', 'bram', 'cem', 'dewi', 'eva', 'finn'].map((n) => ({ id: `aad-${n}`, name: n[0]!.toUpperCase() + n.slice(1), managerId: 'aad-mia' })),
  { id: 'aad-mia', name: 'Mia', managerId: 'aad-piet' },
  { id: 'aad-piet', name: 'Piet' },
];
const WRITES = new Set(['create', 'upsert', 'replace', 'delete', 'batch']);

describe('the tab puts a proposal before the manager', () => {
  let t: TestApp;
  let g1: DecidedProposalIds;
  let g2: DecidedProposalIds;
  const chat1 = '19:probe-s52t-one@thread.v2';
  const chat2 = '19:probe-s52t-two@thread.v2';
  const { read, send } = putBeforeApi(() => t);
  const records = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'proposalToManager'" }, { partitionKey: userId }).fetchAll()).resources as { id: string; words?: string; memberName?: string }[];
  const miasCards = async () => {
    await t.app.outbox.drain(60_000);
    return t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-mia')).map((c) => cardText(c.card));
  };
  const patchGroup = async (groupId: string, change: (g: Record<string, any>) => Record<string, any>) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const item = t.store.container('sessions').item(groupId, groupId);
    const { resource } = await item.read();
    await item.replace(change(resource));
  };

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile(users) }, '2026-11-23T08:00:00Z', { proxy: true });
    g1 = await groupDecides(t, chat1, [anna, bram, cem]);
    g2 = await groupDecides(t, chat2, [dewi, eva, finn]);
  }, 240_000);
  afterAll(() => t?.stop());

  it('the read writes nothing and queries no partition but hers and the group\'s', async () => {
    t.proxy!.reset();
    expect((await read('aad-anna', g1)).status).toBe(200);
    const seen = [...t.proxy!.seen];
    expect(seen.filter((r) => WRITES.has(r.kind))).toEqual([]);
    expect(seen.filter((r) => r.crossPartition)).toEqual([]);
    expect(seen.map((r) => `${r.kind}:${r.container}`)).toEqual(['pointRead:personal', 'pointRead:personal', 'query:sessions']);
  });

  it('a send writes its record and its card once and never crosses partitions', async () => {
    t.proxy!.reset();
    expect((await send('aad-anna', { ...g1, words: 'EERSTE woorden', key: 'probe-s52t-key-0001', to: 'aad-mia' })).status).toBe(201);
    const seen = [...t.proxy!.seen];
    expect(seen.filter((r) => r.crossPartition)).toEqual([]);
    expect(seen.filter((r) => WRITES.has(r.kind)).map((r) => `${r.kind}:${r.container}`)).toEqual(['create:personal', 'create:outbox']);
  });

  it('the same key with other words is not answered "sent" while the manager gets the first words', async () => {
    const again = await send('aad-anna', { ...g1, words: 'TWEEDE woorden, aangepast', key: 'probe-s52t-key-0001', to: 'aad-mia' });
    const stored = await records('aad-anna');
    expect(stored).toHaveLength(1);
    // A 201 would tell her the words she just sent went; they did not: she is told what went.
    expect(stored[0]!.words).toBe('EERSTE woorden');
    expect({ status: again.status, error: again.json?.error, words: again.json?.words }).toEqual({ status: 409, error: 'alreadySent', words: 'EERSTE woorden' });
  });

  it('odd ids, a very long key and a forged `to` are refused without a 500 and store nothing', async () => {
    const odd = ['x'.repeat(201), 'g\u0000id', ' ', 'a%2Fb', '\u202egroep', "'; SELECT *"];
    for (const groupId of odd) {
      const r = await read('aad-anna', { groupId, proposalId: g1.proposalId });
      expect([400, 404]).toContain(r.status);
      const s = await send('aad-anna', { groupId, proposalId: g1.proposalId, key: 'probe-s52t-odd-0001', to: 'aad-mia' });
      expect([400, 404]).toContain(s.status);
    }
    expect((await send('aad-anna', { ...g1, key: 'k'.repeat(65), to: 'aad-mia' })).status).toBe(400);
    expect((await send('aad-anna', { ...g1, key: 'probe-s52t-forged', to: 'aad-piet' })).status).toBe(409);
    expect(await records('aad-anna')).toHaveLength(1);
  });

  it('nothing of the send goes to the group\'s chat', async () => {
    await t.app.outbox.drain(60_000);
    const inGroup = t.connector.cards((c) => c.conversationId === chat1).length;
    expect((await send('aad-anna', { ...g1, key: 'probe-s52t-key-0009', to: 'aad-mia' })).status).toBe(201);
    await t.app.outbox.drain(60_000);
    expect(t.connector.cards((c) => c.conversationId === chat1).length).toBe(inGroup);
  });

  it('the same key for another proposal (not hers) lets nothing through', async () => {
    const res = await send('aad-anna', { ...g2, key: 'probe-s52t-key-0001', to: 'aad-mia' });
    expect([res.status, res.json]).toEqual([404, { error: 'notFound' }]);
  });

  // Stop 58 (a left-out of stop 57): words of only invisible emoji parts are none, on the retry as on the first send.
  it('the same key again with words that show nothing is the send that went, not "alreadySent"', async () => {
    expect((await send('aad-dewi', { ...g2, key: 'probe-s58t-dewi-0001', to: 'aad-mia' })).status).toBe(201);
    const again = await send('aad-dewi', { ...g2, words: '\uFE0F\u200D\u{E0061}', key: 'probe-s58t-dewi-0001', to: 'aad-mia' });
    expect({ status: again.status, error: again.json?.error }).toEqual({ status: 201, error: undefined });
    expect((await records('aad-dewi')).map((r) => r.words)).toEqual([undefined]);
  });

  it('the card goes in the tenant of the group\'s chat now, not a tenant id stored when the group was set up', async () => {
    const now = (t.conversation('groupChat', chat1) as { tenantId: string }).tenantId;
    await patchGroup(g1.groupId, (g) => ({ ...g, tenantId: 'tenant-the-chat-left' }));
    try {
      const before = t.connector.requests.length;
      expect((await send('aad-bram', { ...g1, key: 'probe-s52t-bram-0001', to: 'aad-mia' })).status).toBe(201);
      expect((await miasCards()).filter((c) => c.includes('Bram legt je een voorstel voor'))).toHaveLength(1);
      const tenants = [...new Set(t.connector.requests.slice(before).map((r) => r.tenant))];
      expect(tenants).toEqual([now]);
    } finally {
      await patchGroup(g1.groupId, (g) => ({ ...g, tenantId: now }));
    }
  });

  it('a member who left the group is named on the manager\'s card, as the chat names her', async () => {
    expect((await t.send(membersRemoved(t.conversation('groupChat', chat1), bram, [cem]))).status).toBe(200);
    expect((await read('aad-cem', g1)).status).toBe(200);
    expect((await send('aad-cem', { ...g1, words: 'Van Cem', key: 'probe-s52t-cem-0001', to: 'aad-mia' })).status).toBe(201);
    const cards = (await miasCards()).filter((c) => c.includes('Van Cem'));
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain('Cem legt je een voorstel voor');
  });
});
