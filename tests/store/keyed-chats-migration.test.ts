/**
 * The start-up migration of the 1:1 chats remembered before stop 60 (plain id, owner in clear):
 * every one brought to the keyed shape, or deleted where its person cannot be known (found in
 * review, stop 60; see OutboxStore.keyRememberedChats). Two instances starting at once on a store
 * as an upgrade finds it, one pair as a move (or this migration) stopped halfway leaves it.
 */
import { TestUser, user } from '../support/activities';
import { startTestCosmos } from '../support/cosmos';
import { startTestApp, TestApp } from '../support/test-app';
import { stableId } from '../../src/domain/shared/ids';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { newJob, personalConversationIdOf, personalConversationOwnerOf } from '../../src/outbox/outbox-job';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored JSON under test */

const TENANT = 'tenant-1';
const SECRET = 'keyed-chats-migration-secret-'.padEnd(44, 'm');
const route = { serviceUrl: 'http://127.0.0.1:1', botId: '28:lerend-werken-bot' };
const chatOf = (who: TestUser) => `a:1on1-${who.id}`;
const plainId = (who: TestUser) => stableId('oc', TENANT, who.id);
const keyedId = (who: TestUser) => personalConversationIdOf(SECRET, TENANT, who.id);

describe('the chats remembered before stop 60, at the first start-up of two instances', () => {
  const [bram, cem, dirk, eva, fien] = ['Bram', 'Cem', 'Dirk', 'Eva', 'Fien'].map(user) as [TestUser, TestUser, TestUser, TestUser, TestUser];
  let store: CosmosConnection;
  let apps: TestApp[] = [];
  beforeAll(async () => {
    store = await startTestCosmos();
    const outbox = store.container('outbox');
    const sentTo = async (who: TestUser, appUserId?: string) =>
      outbox.items.create({ ...newJob({ key: `earlier-${who.id}`, tenantId: TENANT, route, target: { kind: 'person', userId: who.id, ...(appUserId ? { appUserId } : {}) }, payload: { type: 'message', text: 'eerder' } }, new Date('2026-11-20T08:00:00Z')), status: 'sent', ttl: 604800 });
    // Bram: the old shape, owner unrecorded; a message to him is still in the outbox (with his app id).
    await outbox.items.create({ id: plainId(bram), type: 'personalConversation', conversationId: chatOf(bram) });
    await sentTo(bram, bram.aadObjectId);
    // Cem: the old shape, owner in clear; nothing in the outbox names him.
    await outbox.items.create({ id: plainId(cem), type: 'personalConversation', conversationId: chatOf(cem), ownerId: cem.aadObjectId });
    // Dirk: a move stopped halfway (keyed written, the old one not deleted).
    await outbox.items.create({ id: plainId(dirk), type: 'personalConversation', conversationId: chatOf(dirk), ownerId: dirk.aadObjectId });
    await outbox.items.create({ id: keyedId(dirk), type: 'personalConversation', conversationId: chatOf(dirk), ownerKey: personalConversationOwnerOf(SECRET, dirk.aadObjectId) });
    await sentTo(dirk, dirk.aadObjectId);
    // Eva: keyed already, with her owner.
    await outbox.items.create({ id: keyedId(eva), type: 'personalConversation', conversationId: chatOf(eva), ownerKey: personalConversationOwnerOf(SECRET, eva.aadObjectId) });
    // Fien: keyed, no owner known (a target without an app id), a message to her in the outbox.
    await outbox.items.create({ id: keyedId(fien), type: 'personalConversation', conversationId: chatOf(fien) });
    await sentTo(fien);
    apps = await Promise.all([1, 2].map(() => startTestApp({ POLL_HASH_KEY: SECRET }, '2026-11-23T08:00:00Z', { cosmos: store })));
  }, 90_000);
  afterAll(async () => {
    for (const t of apps) await t.stop();
    await store?.close();
  });

  async function chats(): Promise<Record<string, unknown>[]> {
    const { resources } = await store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'personalConversation'").fetchAll();
    return resources.map((d: any) => Object.fromEntries(Object.entries(d).filter(([k]) => !k.startsWith('_'))));
  }

  it('leaves no chat of the old shape: moved where a message names the person, else deleted', async () => {
    const byChat = Object.fromEntries((await chats()).map((c) => [c.conversationId, c]));
    expect(Object.keys(byChat).sort()).toEqual([chatOf(bram), chatOf(dirk), chatOf(eva), chatOf(fien)].sort());
    expect(byChat[chatOf(bram)]).toEqual({ id: keyedId(bram), type: 'personalConversation', conversationId: chatOf(bram), ownerKey: personalConversationOwnerOf(SECRET, bram.aadObjectId) });
    expect(byChat[chatOf(dirk)]).toEqual({ id: keyedId(dirk), type: 'personalConversation', conversationId: chatOf(dirk), ownerKey: personalConversationOwnerOf(SECRET, dirk.aadObjectId) });
    expect(byChat[chatOf(eva)]!.id).toBe(keyedId(eva));
    expect(byChat[chatOf(fien)]).toEqual({ id: keyedId(fien), type: 'personalConversation', conversationId: chatOf(fien) });
    expect(JSON.stringify(await chats())).not.toMatch(/aad-|"ownerId"/);
  });

  it('a moved chat is used as it was: a message to Bram opens no chat', async () => {
    const t = apps[0]!;
    await t.app.outbox.enqueue([{ key: 'after-migration-bram', tenantId: TENANT, route: { ...route, serviceUrl: t.connector.url }, target: { kind: 'person', userId: bram.id, appUserId: bram.aadObjectId }, payload: { type: 'message', text: 'na de migratie' } }]);
    await t.app.outbox.drain(30_000);
    expect(t.connector.calls.filter((c) => c.activity?.text === 'na de migratie').map((c) => c.conversationId)).toEqual([chatOf(bram)]);
    expect(t.connector.requests.filter((r) => r.method === 'POST' && r.path === '/v3/conversations')).toEqual([]);
  });

  it('runs once: a chat of the old shape written after it (an instance of before it, still running) is left to the senders', async () => {
    const gijs = user('Gijs');
    await store.container('outbox').items.create({ id: plainId(gijs), type: 'personalConversation', conversationId: chatOf(gijs) });
    const third = await startTestApp({ POLL_HASH_KEY: SECRET }, '2026-11-23T08:10:00Z', { cosmos: store });
    apps.push(third);
    expect((await chats()).map((c) => c.id)).toContain(plainId(gijs));
  }, 60_000);
});
