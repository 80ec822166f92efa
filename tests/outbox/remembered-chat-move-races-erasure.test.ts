/**
 * Found in review, stop 60 (fixed then: the erasure reads a remembered chat's old id before its
 * keyed one, and a sender whose claim finds its job erased forgets the chat it just remembered for it).
 *
 * A sender moving a chat of the old shape, or remembering a first chat, while the person's erasure
 * runs. Asserted is the promise: after an erasure nothing of the person's chat is left (neither
 * shape), and no message reaches them. Interleavings are made with a gate at the Cosmos proxy (a
 * request held until released), no timing.
 */
import type { IncomingMessage } from 'node:http';
import { TestUser, user } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { stableId } from '../../src/domain/shared/ids';
import { exists, messageTo, rememberedTheOldWay, TENANT } from './support/remembered-chat';

const SECRET = 'own60-move-races-secret-'.padEnd(44, 'z');

const urlPath = (req: IncomingMessage) => decodeURIComponent((req.url ?? '').split('?')[0]!);
const pointReadOf = (id: string) => (req: IncomingMessage) => req.method === 'GET' && urlPath(req).endsWith(`/colls/outbox/docs/${id}`);
const isOutboxUpsert = (req: IncomingMessage) =>
  req.method === 'POST' && /\/colls\/outbox\/docs\/?$/.test(urlPath(req)) && String(req.headers['x-ms-documentdb-is-upsert']).toLowerCase() === 'true';

/**
 * The describe's own app, with a Cosmos proxy so a test can hold one request until it lets it go:
 * started before the describe's tests, stopped after them.
 */
function ownApp(): { t: TestApp } {
  const own = {} as { t: TestApp };
  beforeAll(async () => {
    own.t = await startTestApp({ POLL_HASH_KEY: SECRET }, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
  }, 60_000);
  afterAll(() => own.t?.stop());
  return own;
}

/** The erasure from the chat: the outbox's part of it (the Teams id known). */
function erasureOf(t: TestApp, who: TestUser) {
  return t.app.outbox.store.forgetPerson({ userId: who.aadObjectId, platformIds: [who.id], tenantIds: [TENANT], conversationIds: [], mentions: [] });
}

describe('a move of an old chat running between the erasure\'s reads of the two ids', () => {
  const app = ownApp();

  async function race(who: TestUser, owner: string | undefined, moveOwner: string | undefined): Promise<boolean[]> {
    const { t } = app;
    const store = t.app.outbox.store;
    await rememberedTheOldWay(t, who.id, owner);
    const plainId = stableId('oc', TENANT, who.id);
    // The sender's read (a message not guarded): the old one found.
    const known = await store.personalConversationDoc(TENANT, who.id);
    expect(known?.older).toBeDefined();
    // The erasure starts: its read of the old id is held.
    const gate = cosmosGate(t.proxy!);
    const held = gate.hold(pointReadOf(plainId));
    const erasing = erasureOf(t, who);
    await held.arrived;
    // The sender's move runs in full meanwhile: keyed written, old deleted.
    await store.movePersonalConversation(TENANT, who.id, known!.older!, moveOwner);
    held.release();
    await erasing;
    return [await exists(t, plainId), await exists(t, store.personalConversationId(TENANT, who.id))];
  }

  it('a chat of before owners were recorded, to a person target without an app id: neither shape is left', async () => {
    expect(await race(user('Ilse'), undefined, undefined)).toEqual([false, false]);
  }, 60_000);

  // A guard (held when written, in review of stop 60).
  it('a chat with its owner in clear: neither shape is left (the erasure finds the keyed one by its owner)', async () => {
    const joop = user('Joop');
    expect(await race(joop, joop.aadObjectId, joop.aadObjectId)).toEqual([false, false]);
  }, 60_000);
});

describe('a first chat opened while the erasure runs', () => {
  const app = ownApp();

  /** A message to `who` queued and being sent, its sender held at remembering their chat (the only upsert into the outbox here). */
  async function sendHeldAtRemember(who: TestUser, key: string, text: string) {
    const { t } = app;
    const held = cosmosGate(t.proxy!).hold(isOutboxUpsert);
    await t.app.outbox.enqueue([messageTo(t, key, who, text)]);
    const draining = t.app.outbox.drain(30_000);
    await held.arrived;
    return { held, draining };
  }

  it('the erasure lands between Teams opening the chat and the sender remembering it: no message reaches them, and no chat of theirs is left', async () => {
    const { t } = app;
    const kees = user('Kees');
    const store = t.app.outbox.store;
    // The sender's remember of the chat it just opened is held.
    const { held, draining } = await sendHeldAtRemember(kees, 'first-chat-kees', 'voor Kees');
    expect(t.connector.requests.filter((r) => r.method === 'POST' && r.path === '/v3/conversations')).toHaveLength(1);
    await erasureOf(t, kees);
    held.release();
    await draining;
    expect(t.connector.calls.filter((c) => c.activity?.text === 'voor Kees')).toEqual([]);
    expect(await exists(t, store.personalConversationId(TENANT, kees.id))).toBe(false);
  }, 60_000);

  // A guard (held when written, in review of stop 60).
  it('the erasure lands between the sender reading an old chat and moving it: no message reaches them, neither shape is left', async () => {
    const { t } = app;
    const lotte = user('Lotte');
    const store = t.app.outbox.store;
    await rememberedTheOldWay(t, lotte.id, lotte.aadObjectId);
    const { held, draining } = await sendHeldAtRemember(lotte, 'move-lotte', 'voor Lotte');
    await erasureOf(t, lotte);
    held.release();
    await draining;
    expect(t.connector.calls.filter((c) => c.activity?.text === 'voor Lotte')).toEqual([]);
    expect([await exists(t, stableId('oc', TENANT, lotte.id)), await exists(t, store.personalConversationId(TENANT, lotte.id))]).toEqual([false, false]);
  }, 60_000);
});
