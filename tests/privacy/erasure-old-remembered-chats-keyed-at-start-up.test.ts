/**
 * Found in review, stop 60 (fixed then: a one-time start-up migration brings every chat remembered
 * in the old shape to the keyed one, and sweeps an old one a failed move left; a failed delete in a
 * move no longer ends the sender's round).
 *
 * What a database reader without the app's secret, who knows the roster, can tell of who erased
 * from the `personalConversation` documents. README: "a database reader who knows the roster can
 * neither recompute nor read whose chats are left after an erasure".
 * 1. Chats remembered before stop 60 (every member got a card then) and not written to since (no
 *    message, or only guarded nudges): Anna erases; the others' old documents must not name them.
 * 2. A move whose delete of the old document keeps failing: the message still goes, and the old
 *    one (owner in clear), which later sends never look for again, goes with the start-up migration.
 */
import { TestUser, user } from '../support/activities';
import { storedText } from '../support/cosmos';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { stableId } from '../../src/domain/shared/ids';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { KEYED_CHATS_MIGRATION_ID } from '../../src/store/migrations/keyed-personal-conversations.migration';
import { allDocuments, eraseInChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored JSON under test */

const TENANT = 'tenant-1';
const SECRET = 'own60-reader-secret-'.padEnd(44, 'y');

async function rememberedChats(store: CosmosConnection): Promise<Record<string, unknown>[]> {
  const docs = ((await allDocuments(store)).outbox ?? []) as Record<string, unknown>[];
  return docs.filter((d) => d.type === 'personalConversation').map((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !k.startsWith('_'))));
}

/** Per person, the remembered chats a reader without the secret ties to them (recomputed plain id, or an id of theirs in a field). */
async function tiedTo(t: TestApp, roster: Record<string, TestUser>): Promise<Record<string, number>> {
  const chats = await rememberedChats(t.store);
  const found: Record<string, number> = {};
  for (const [name, who] of Object.entries(roster)) {
    const ids = [who.id, who.aadObjectId];
    const recomputed = ids.map((id) => stableId('oc', TENANT, id));
    found[name] = chats.filter((c) => recomputed.includes(String(c.id)) || Object.values(c).some((v) => ids.includes(String(v)))).length;
  }
  return found;
}

/** A chat remembered before stop 60: plain id, the owner in clear when known. */
async function rememberedTheOldWay(store: CosmosConnection, platformId: string, owner?: string): Promise<string> {
  const conversationId = `a:1on1-${platformId}`;
  await store.container('outbox').items.create({ id: stableId('oc', TENANT, platformId), type: 'personalConversation', conversationId, ...(owner ? { ownerId: owner } : {}) });
  return conversationId;
}

describe('chats remembered before stop 60, not written to since', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('after Anna erases, the reader ties as many remembered chats to each member', async () => {
    const [anna, bram, cem] = ['Anna', 'Bram', 'Cem'].map(user) as [TestUser, TestUser, TestUser];
    // Before the upgrade: a team account went to all three (their chats remembered the old way).
    t = await startTestApp({ POLL_HASH_KEY: SECRET }, '2026-11-23T08:00:00Z', {
      seed: async (store) => {
        for (const who of [anna, bram, cem]) await rememberedTheOldWay(store, who.id, who.aadObjectId);
      },
    });
    await eraseInChat(t, anna);
    const found = await tiedTo(t, { anna, bram, cem });
    expect(found).toEqual({ anna: found.bram, bram: found.bram, cem: found.bram });
  }, 60_000);
});

describe('a move whose delete of the old document failed', () => {
  let t: TestApp;
  let next: TestApp | undefined;
  afterAll(async () => {
    await next?.stop();
    await t?.stop();
  });

  it('the message goes all the same, and no document names the owner in clear once the start-up migration ran', async () => {
    t = await startTestApp({ POLL_HASH_KEY: SECRET }, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    const lies = user('Lies');
    // Remembered the old way by an instance of before stop 60 still running (after this one's migration).
    const chat = await rememberedTheOldWay(t.store, lies.id, lies.aadObjectId);
    const plainId = stableId('oc', TENANT, lies.id);
    const route = { serviceUrl: t.connector.url, botId: '28:lerend-werken-bot' };
    // The delete of the old one fails (a busy account, its retries spent) during the first send.
    let failures = 0;
    await t.proxy!.withFaults(
      (req) => (req.kind === 'delete' && req.path.endsWith(`/docs/${plainId}`) && failures++ < 50 ? { kind: 'status', status: 503 } : undefined),
      async () => {
        await t.app.outbox.enqueue([{ key: 'own60-move-1', tenantId: TENANT, route, target: { kind: 'person', userId: lies.id, appUserId: lies.aadObjectId }, payload: { type: 'message', text: 'eerste' } }]);
        // The failed move does not end the sender's round: the message goes by the chat it knows.
        await t.app.outbox.drain(30_000);
      },
    );
    expect(failures).toBeGreaterThan(0);
    expect(t.connector.calls.filter((c) => c.activity?.text === 'eerste').map((c) => c.conversationId)).toEqual([chat]);
    // Logged without her ids (the store's error text can hold a document's id).
    expect(t.logs.join('')).toContain('could not move or complete a remembered 1:1 chat');
    expect(t.logs.join('')).not.toMatch(new RegExp(`${plainId}|${lies.aadObjectId}|${lies.id}`));
    // Later messages to her go as usual.
    await t.app.outbox.enqueue([{ key: 'own60-move-2', tenantId: TENANT, route, target: { kind: 'person', userId: lies.id, appUserId: lies.aadObjectId }, payload: { type: 'message', text: 'tweede' } }]);
    await t.app.outbox.drain(30_000);
    expect(t.connector.calls.filter((c) => c.activity?.text === 'tweede').map((c) => c.conversationId)).toEqual([chat]);
    // The next instance of a version with the migration starts (its marker deleted: the store as an
    // upgrade from stop 60 finds it): the old one goes.
    await t.store.container('jobs').item(KEYED_CHATS_MIGRATION_ID, KEYED_CHATS_MIGRATION_ID).delete();
    next = await startTestApp({ POLL_HASH_KEY: SECRET }, '2026-11-23T08:10:00Z', { cosmos: t.store });
    const chats = await rememberedChats(t.store);
    expect(chats.map((c) => c.conversationId)).toEqual([chat]);
    expect(storedText(chats)).not.toContain(`"${lies.aadObjectId}"`);
    expect(storedText(chats)).not.toContain(plainId);
  }, 90_000);
});
