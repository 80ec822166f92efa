/**
 * Stop 52: the personal tab puts a proposal the group adopted or adapted before the manager, as
 * the chat's form does (before, the tab only said to use the chat, and these routes were 404).
 * The read shows what the manager's card will show and whom it goes to, or why it cannot go; the
 * send goes through the chat's use case and delivery: one record in Anna's partition, one card
 * in Mia's own chat (rendered by the outbox at send), once however often the page retries with
 * its key. Sent to the manager the read named or to nobody; words over the limit are refused with
 * the limit and their length, never echoed; nothing is stored for someone not in the group, for a
 * rejected proposal, for made-up ids, or while an erasure is unfinished.
 */
import { writeFileSync } from 'node:fs';
import { TestUser, user } from '../support/activities';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { putBeforeApi } from './support';
import { ADOPTED, DecidedProposalIds, directoryFile, groupDecides } from '../talent-review/support/proposal-put-before';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
const WORDS = 'ANNA-WOORDEN: Mia, help je mee met tijd?';
const users = (annasManager: string) => [
  { id: 'aad-anna', name: 'Anna', managerId: annasManager },
  { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
  { id: 'aad-cem', name: 'Cem' },
  { id: 'aad-dewi', name: 'Dewi', managerId: 'aad-mia' },
  { id: 'aad-mia', name: 'Mia', managerId: 'aad-piet' },
  { id: 'aad-olga', name: 'Olga', managerId: 'aad-piet' },
  { id: 'aad-piet', name: 'Piet' },
];

describe('the tab puts an adopted proposal before the manager', () => {
  let t: TestApp;
  let file: string;
  let adopted: DecidedProposalIds;
  let rejected: DecidedProposalIds;
  const { api, read, send } = putBeforeApi(() => t);
  const records = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'proposalToManager'" }, { partitionKey: userId }).fetchAll()).resources as { id: string; managerId: string; words?: string; memberName?: string }[];
  const cardsAbout = async (managerId: string, name: string) => {
    await t.app.outbox.drain(60_000);
    return t.connector
      .cards((c) => c.conversationId === t.connector.personalChats.get(managerId))
      .map((c) => cardText(c.card))
      .filter((text) => text.includes(`${name} legt je een voorstel voor`));
  };

  beforeAll(async () => {
    file = directoryFile(users('aad-mia'));
    t = await startTestApp({ DIRECTORY_FILE: file }, '2026-11-23T08:00:00Z', { proxy: true });
    adopted = await groupDecides(t, '19:tab-api-put-before@thread.v2', [anna, bram, cem]);
    rejected = await groupDecides(t, '19:tab-api-put-before-no@thread.v2', [dewi, bram, cem], { decision: 'reject', decisionReason: 'Past niet', adoptedText: '', firstStep: '' });
  }, 180_000);
  afterAll(() => t?.stop());

  it('reads what the manager\'s card will show and whom it goes to, never the first step', async () => {
    const res = await read('aad-anna', adopted);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'open', managerId: 'aad-mia', managerName: 'Mia', proposal: { verdict: 'adapt', source: 'decision', text: ADOPTED.text, reason: ADOPTED.reason }, maxWords: 1000 });
    expect(res.text).not.toContain(ADOPTED.firstStep);
  });

  it('refuses words over the limit with the limit and their length, never the words, and stores nothing', async () => {
    const words = `Geheim ${'x'.repeat(1000)}`;
    const res = await send('aad-anna', { ...adopted, words, key: 'tab-put-before-long', to: 'aad-mia' });
    expect({ status: res.status, body: res.json }).toEqual({ status: 400, body: { error: 'invalidInput', field: 'words', rule: 'tooLong', params: { max: 1000, count: words.length } } });
    expect(res.text).not.toContain('Geheim');
    expect(await records('aad-anna')).toEqual([]);
  });

  it('sends to the manager the read named: one record, one card with her words', async () => {
    const res = await send('aad-anna', { ...adopted, words: WORDS, key: 'tab-put-before-0001', to: 'aad-mia' });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ status: 'sent', id: expect.any(String), sentAt: '2026-11-23T08:00:00.000Z', managerName: 'Mia' });
    const stored = await records('aad-anna');
    expect(stored.map((r) => ({ managerId: r.managerId, words: r.words, memberName: r.memberName }))).toEqual([{ managerId: 'aad-mia', words: WORDS, memberName: 'Anna' }]);
    const cards = await cardsAbout('aad-mia', 'Anna');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain(ADOPTED.text);
    expect(cards[0]).toContain(WORDS);
    expect(cards[0]).not.toContain(ADOPTED.firstStep);
    // The overview the tab draws its history from has it.
    const overview = await api('aad-anna', 'GET', '');
    expect(overview.json.putBefore.map((e: { managerName?: string; proposalId: string }) => [e.managerName, e.proposalId])).toEqual([['Mia', adopted.proposalId]]);
  });

  it('stores and sends once when the page retries the same press (same key)', async () => {
    const again = await send('aad-anna', { ...adopted, words: WORDS, key: 'tab-put-before-0001', to: 'aad-mia' });
    expect(again.status).toBe(201);
    expect(await records('aad-anna')).toHaveLength(1);
    expect(await cardsAbout('aad-mia', 'Anna')).toHaveLength(1);
  });

  it('sends nothing when the manager changed between read and send, and names the new one', async () => {
    const before = await read('aad-anna', adopted);
    expect(before.json.managerId).toBe('aad-mia');
    writeFileSync(file, JSON.stringify({ users: users('aad-olga') }));
    const res = await send('aad-anna', { ...adopted, words: 'Voor Mia bedoeld', key: 'tab-put-before-0002', to: 'aad-mia' });
    expect(res.status).toBe(409);
    expect(res.json).toEqual({ error: 'managerChanged', now: { status: 'open', managerId: 'aad-olga', managerName: 'Olga', proposal: before.json.proposal, maxWords: 1000 } });
    expect(await records('aad-anna')).toHaveLength(1);
    expect(await cardsAbout('aad-olga', 'Anna')).toEqual([]);
    // Sent again on the form that names Olga: it goes to her.
    expect((await send('aad-anna', { ...adopted, words: 'Nu voor Olga', key: 'tab-put-before-0002', to: 'aad-olga' })).status).toBe(201);
    expect(await cardsAbout('aad-olga', 'Anna')).toHaveLength(1);
  });

  it('refuses what is not hers, not adopted, made up, or without a manager, and stores nothing', async () => {
    const someone = user('Zoe');
    // Dewi is not in Anna's group: the same as an id that does not exist.
    expect([(await read('aad-dewi', adopted)).json, (await read('aad-dewi', adopted)).status]).toEqual([{ error: 'notFound' }, 404]);
    expect((await send('aad-dewi', { ...adopted, key: 'tab-put-before-dewi', to: 'aad-mia' })).json).toEqual({ error: 'notFound' });
    // Her own group rejected its proposal.
    expect(await read('aad-dewi', rejected).then((r) => [r.status, r.json])).toEqual([409, { error: 'notDecided' }]);
    expect(await send('aad-dewi', { ...rejected, key: 'tab-put-before-dewi', to: 'aad-mia' }).then((r) => [r.status, r.json])).toEqual([409, { error: 'notDecided' }]);
    // Cem has no manager in the directory.
    expect(await read('aad-cem', adopted).then((r) => [r.status, r.json])).toEqual([409, { error: 'noManager' }]);
    expect(await send('aad-cem', { ...adopted, key: 'tab-put-before-cem1', to: 'aad-mia' }).then((r) => [r.status, r.json])).toEqual([409, { error: 'noManager' }]);
    // Forged ids: unknown ones are not found, ones Cosmos cannot hold are bad input, a missing key too.
    expect((await read('aad-anna', { groupId: adopted.groupId, proposalId: `${adopted.groupId}_w9_p` })).status).toBe(404);
    expect((await read(`aad-${someone.name.toLowerCase()}`, adopted)).status).toBe(404);
    expect((await read('aad-anna', { groupId: '../x/y', proposalId: adopted.proposalId })).json).toEqual({ error: 'invalidInput', field: 'groupId', rule: 'format', params: {} });
    expect((await send('aad-anna', { ...adopted, to: 'aad-olga' })).json).toEqual({ error: 'invalidInput', field: 'key', rule: 'required', params: {} });
    expect((await send('aad-anna', { ...adopted, key: 'tab-put-before-0003', to: 'aad-olga', words: 42 })).status).toBe(400);
    for (const who of ['aad-dewi', 'aad-cem']) expect(await records(who)).toEqual([]);
    expect(await records('aad-anna')).toHaveLength(2);
  });

  it('refuses the read and the send while her erasure is unfinished, and stores nothing', async () => {
    t.proxy!.faults = (req) => (req.kind === 'delete' && req.container === 'personal' ? { kind: 'status', status: 503 } : undefined);
    const erase = await api('aad-bram', 'POST', '/erase', { confirm: true });
    t.proxy!.faults = undefined;
    expect(erase.json.error).toBe('erasureUnfinished');
    expect(await read('aad-bram', adopted).then((r) => [r.status, r.json])).toEqual([409, { error: 'erasureUnderway' }]);
    expect(await send('aad-bram', { ...adopted, words: 'BRAM', key: 'tab-put-before-bram', to: 'aad-mia' }).then((r) => [r.status, r.json])).toEqual([409, { error: 'erasureUnderway' }]);
    expect(await records('aad-bram')).toEqual([]);
    expect(await cardsAbout('aad-mia', 'Bram')).toEqual([]);
  });
});
