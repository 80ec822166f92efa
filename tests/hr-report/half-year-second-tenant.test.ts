/**
 * Found in review, stop 53 (fixed then: Graph's listings used for every served tenant). A bot
 * serving two tenants (ALLOWED_TENANT_IDS) reads Microsoft Graph with its own identity, which
 * answers for the app's own tenant (MICROSOFT_APP_TENANT_ID) only: Mia manages Anna there, Gina is
 * in HR_GROUP_ID there. The app is added in both tenants, so each gets its own half-yearly job. The
 * second tenant's job nudged Mia again and sent Gina HR's reminder again, both in the second
 * tenant's name (a 1:1 chat opened under tenant-2 for a tenant-1 person); now its job lists nobody
 * from Graph and says so in the log, and HR_USER_IDS (which name no tenant) still get theirs.
 */
import { botAdded, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { FakeGraph } from '../support/fake-graph';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt } from '../rhythm/support';

const MANAGER_TITLE = 'Plan de talentontwikkelgesprekken van dit halfjaar';
const [anna, zoe] = [user('Anna'), user('Zoe')];

describe('the half-year when the bot serves two tenants and Graph lists its own', () => {
  let t: TestApp;
  let graph: FakeGraph;

  beforeAll(async () => {
    graph = await new FakeGraph().start();
    graph.managers.set('aad-anna', 'aad-mia');
    graph.members.set('hr-group', new Set(['aad-gina']));
    t = await startTestApp(
      { HR_USER_IDS: 'aad-hanna', HR_GROUP_ID: 'hr-group', GRAPH_BASE_URL: graph.url, ALLOWED_TENANT_IDS: 'tenant-1,tenant-2', MICROSOFT_APP_TENANT_ID: 'Tenant-1' },
      '2026-11-23T09:00:00Z',
    );
  }, 120_000);
  afterAll(async () => {
    await t.stop();
    await graph.stop();
  });

  it("nudges the own tenant's manager and tells its HR group once, never in the other tenant's name", async () => {
    await t.send(botAdded(t.conversation('personal', 'a:personal-anna'), anna));
    await t.send(botAdded({ ...t.conversation('personal', 'a:personal-zoe'), tenantId: 'tenant-2' }, zoe));
    const jobs = (await t.store.container('jobs').items.query("SELECT c.payload FROM c WHERE c.kind = 'jaarplan.halfYear'").fetchAll()).resources as { payload: { tenantId: string } }[];
    expect(jobs.map((j) => j.payload.tenantId).sort()).toEqual(['tenant-1', 'tenant-2']);

    await runAt(t, '2026-12-01T08:00:00Z');
    const cardsIn = (userId: string) => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(userId)).map((c) => cardText(c.card as Record<string, unknown>));
    expect(cardsIn('aad-mia').filter((text) => text.includes(MANAGER_TITLE))).toHaveLength(1);
    // Gina (HR_GROUP_ID, listed by the own tenant's Graph) once; Hanna (HR_USER_IDS, no tenant) once per tenant, as before.
    expect(cardsIn('aad-gina')).toHaveLength(1);
    expect(cardsIn('aad-hanna')).toHaveLength(2);
    const outbox = (await t.store.container('outbox').items.query('SELECT c.tenantId, c.target FROM c WHERE IS_DEFINED(c.target)').fetchAll()).resources as { tenantId: string; target: { userId?: string } }[];
    // One card in tenant 2: Hanna's (her chats counted above). Changed in stop 61: a sent half-year card names nobody once it ended (endedNamingNobody).
    expect(outbox.filter((j) => j.tenantId === 'tenant-2').map((j) => j.target.userId).sort()).toEqual(['~ended']);
    expect(t.logs.some((l) => l.includes("Microsoft Graph lists the app's own tenant (MICROSOFT_APP_TENANT_ID) only") && l.includes('tenant-2'))).toBe(true);
  }, 120_000);
});
