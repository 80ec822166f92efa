// Found in review, stop 60 (fixed then: a store error in the migration is logged by status and the app starts; the lease is released however it ended).
/**
 * The start-up migration of the 1:1 chats remembered before
 * stop 60 (keyed-personal-conversations.migration.ts) under a store fault.
 * 1. A store that fails one of the migration's writes (an outage at start-up): the app still
 *    starts (the migration is a clean-up; messages are sent by the old chat all the same).
 * 2. The failed instance hands its lease back: the next start is not held up to two minutes by
 *    the lease of an instance that is no longer running.
 * 3. Guard: the marker and the lease the migration writes fit src/store/document-schemas.ts.
 */
import { TestUser, user } from '../support/activities';
import { startProxiedCosmos } from '../support/cosmos-proxy';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { stableId } from '../../src/domain/shared/ids';
import { newJob } from '../../src/outbox/outbox-job';
import { documentProblems } from '../../src/store/document-schemas';
import { KEYED_CHATS_MIGRATION_ID } from '../../src/store/migrations/keyed-personal-conversations.migration';

const TENANT = 'tenant-1';
const SECRET = 'keyed-chats-startup-secret-'.padEnd(44, 'q');
const route = { serviceUrl: 'http://127.0.0.1:1', botId: '28:lerend-werken-bot' };

describe('the keyed-chats migration when the store fails during it', () => {
  let proxied: Awaited<ReturnType<typeof startProxiedCosmos>>;
  const apps: TestApp[] = [];
  const bram = user('Bram') as TestUser;
  const plainId = stableId('oc', TENANT, bram.id);
  let started: TestApp | Error;

  beforeAll(async () => {
    proxied = await startProxiedCosmos();
    const outbox = proxied.direct.container('outbox');
    // Before the upgrade: Bram's chat in the old shape, a message to him still in the outbox.
    await outbox.items.create({ id: plainId, type: 'personalConversation', conversationId: `a:1on1-${bram.id}`, ownerId: bram.aadObjectId });
    await outbox.items.create({
      ...newJob({ key: 'earlier-bram', tenantId: TENANT, route, target: { kind: 'person', userId: bram.id, appUserId: bram.aadObjectId }, payload: { type: 'message', text: 'eerder' } }, new Date('2026-11-20T08:00:00Z')),
      status: 'sent',
      ttl: 604800,
    });
    // The delete of the old document fails at start-up (the account busy, every retry spent).
    started = await proxied.proxy.withFaults(
      (req) => (req.kind === 'delete' && req.path.endsWith(`/docs/${plainId}`) ? { kind: 'status', status: 503 } : undefined),
      () => startTestApp({ POLL_HASH_KEY: SECRET }, '2026-11-23T08:00:00Z', { cosmos: proxied.cosmos, storeRetryPauses: SHORT_STORE_RETRY_PAUSES }).catch((err: Error) => err),
    );
    if (!(started instanceof Error)) apps.push(started);
  }, 90_000);

  afterAll(async () => {
    for (const t of apps) await t.stop();
    await proxied?.close();
  });

  it('the app still starts when the migration meets a store error', () => {
    expect(started instanceof Error ? `failed to start: ${started.message}` : 'started').toBe('started');
  });

  it('an instance whose migration failed holds no lease over the next start', async () => {
    const leaseId = stableId('ol', KEYED_CHATS_MIGRATION_ID);
    const { resource } = await proxied.direct.container('outbox').item(leaseId, leaseId).read<{ expiresAt: string }>();
    // Either no lease, or one already handed back (its expiry now or before).
    expect(resource === undefined || Date.parse(resource.expiresAt) <= Date.now()).toBe(true);
  });

});

describe('a guard (held when written, in review of stop 60): the migration on a healthy store', () => {
  let t: TestApp | undefined;
  afterAll(() => t?.stop());

  it('the marker and the lease the migration writes fit the document schemas', async () => {
    const bram = user('Bram') as TestUser;
    t = await startTestApp({ POLL_HASH_KEY: SECRET }, '2026-11-23T08:00:00Z', {
      seed: async (store) => {
        await store.container('outbox').items.create({ id: stableId('oc', TENANT, bram.id), type: 'personalConversation', conversationId: `a:1on1-${bram.id}`, ownerId: bram.aadObjectId });
      },
    });
    const { resource: marker } = await t.store.container('jobs').item(KEYED_CHATS_MIGRATION_ID, KEYED_CHATS_MIGRATION_ID).read<Record<string, unknown>>();
    expect(marker).toBeDefined();
    expect(documentProblems('jobs', marker!)).toEqual([]);
    const leaseId = stableId('ol', KEYED_CHATS_MIGRATION_ID);
    const { resource: lease } = await t.store.container('outbox').item(leaseId, leaseId).read<Record<string, unknown>>();
    expect(lease).toBeDefined();
    expect(documentProblems('outbox', lease!)).toEqual([]);
  }, 60_000);
});
