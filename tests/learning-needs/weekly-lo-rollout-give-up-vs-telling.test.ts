/**
 * Found in review, stop 53; closed in stop 54. Two app instances on one store disagree on
 * ALLOWED_TENANT_IDS during its rollout: X has tenant-1 off the list, Y on it. Week 49's handover
 * (on an earlier instance) queued tenant-1's card for Hanna; X's outbox holds it ('later') for the
 * outbox's day and gives it up. X's give-up hook writes the week's record (tenant-1 waiting) and
 * schedules week 50's handover, then frees the card's key (a delete under its ETag). That delete is
 * held at X's Cosmos proxy while Y runs week 50's handover, which tells week 49 late to tenant-1:
 * its queue found the key still held by the given-up job, counted the card as queued and dropped
 * the record; X's delete then took the job. Tenant-1's HR never got week 49, and nothing kept it.
 * Now Y's telling takes over a card given up unsent (under its ETag), X's delete finds it changed
 * and leaves it, and Hanna gets week 49 from tenant-1 once; tenant-2's card (sent on time by X) not
 * again, also after the outbox has forgotten the keys. No timing: the test waits for the held
 * request to arrive and releases it after Y's handover.
 */
import { TestUser, user } from '../support/activities';
import { cosmosGate, deleteOf } from '../support/cosmos-gate';
import { startProxiedCosmos } from '../support/cosmos-proxy';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { weeklyLoKey } from '../../src/domain/learning-needs/weekly-to-lo';
import { groupWithQuestion9, passOn, stopInstances, threeNeedsPassedOn } from './support';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- stored JSON under test

const TITLE = /^(Leerbehoeften van week|Learning needs of week) 49$/;
const NOT_SERVED = 'its tenant is not on ALLOWED_TENANT_IDS';
const hanna = user('Hanna');
const base = { B3_MIN_RESPONDENTS: '3', HR_USER_IDS: 'aad-hanna' };

/** Week-49 cards to Hanna from a tenant, on the first app's connector (the routes it stored). */
const week49 = (route: TestApp, who: TestUser, tenant: string) =>
  route.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === `a:1on1-${who.aadObjectId}` && c.activity.conversation?.tenantId === tenant && TITLE.test(String(c.activity.attachments?.[0]?.content?.body?.[0]?.text ?? ''))).length;

describe('a weekly card given up by one instance while another tells its week (ALLOWED_TENANT_IDS rolling out)', () => {
  let proxied: Awaited<ReturnType<typeof startProxiedCosmos>>;
  let first: TestApp;
  const later: TestApp[] = [];
  beforeAll(async () => {
    proxied = await startProxiedCosmos();
  });
  afterAll(() => stopInstances(first, later, { close: () => proxied.close() }));

  it("tenant-1's week reaches its HR once, tenant-2's not again", async () => {
    const store = proxied.direct;
    const outbox = store.container('outbox');
    const weeklyJobs = async (): Promise<Doc[]> =>
      (await outbox.items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources.filter((j: Doc) => j.sendIf?.kind === 'learningNeeds.weekly.stillHr');
    const runs = async () => (await store.container('learningNeeds').items.query("SELECT * FROM c WHERE c.type = 'learningNeedHandoverRun'").fetchAll()).resources.map((r: Doc) => `${r.week} ${(r.waiting ?? ['every tenant']).join(',')}`);

    // Week 49: both tenants pass needs on; the handover queues both cards; the app stops undrained.
    first = await startTestApp({ ...base, ALLOWED_TENANT_IDS: 'tenant-1,tenant-2' }, '2026-11-23T08:00:00Z', { cosmos: store });
    await threeNeedsPassedOn(first);
    const others = ['Dirk', 'Eva', 'Fenna'].map(user) as TestUser[];
    const g2 = await groupWithQuestion9(first, 'tenant-2', others);
    for (const who of others) await passOn(g2, who, 'samenwerken', `Tekst van ${who.name}`);
    await first.app.outbox.drain(30_000);
    first.clock.set('2026-11-30T01:00:00Z');
    await first.app.scheduler.runDue();
    await first.app.stop();
    expect(await runs()).toEqual([]);

    // X: tenant-1 off the list, on the proxied connection (its requests can be held).
    const x = await startTestApp({ ...base, ALLOWED_TENANT_IDS: 'tenant-2' }, '2026-11-30T01:05:00Z', { cosmos: proxied.cosmos });
    later.push(x);
    const gate = cosmosGate(proxied.proxy);
    const xDrained = x.app.outbox.drain(120_000).catch(() => undefined);
    await waitUntil("tenant-2's card sent by X, tenant-1's waiting", async () => {
      const jobs = await weeklyJobs();
      // A sent card leaves only the blank that holds its key (since stop 59), not a job with status 'sent'.
      const tenant2Sent = await x.app.outbox.store.keyLeftBehind(jobIdFor(weeklyLoKey('tenant-2', '2026-W49', hanna.aadObjectId)));
      return tenant2Sent && jobs.some((j) => j.tenantId === 'tenant-1' && (j.checksFailed ?? 0) >= 1);
    }, { timeoutMs: 30_000 });
    const cardId = (await weeklyJobs()).find((j) => j.tenantId === 'tenant-1')!.id as string;
    // X's give-up hook stops at freeing the key: its delete of the job is held at the proxy.
    const held = gate.hold(deleteOf(cardId));
    await waitUntil("tenant-1's card dated a day back", async () => {
      const job = (await weeklyJobs()).find((j) => j.id === cardId);
      if (!job || job.status !== 'pending') return false;
      const aged = { ...job, createdAt: new Date(Date.now() - 25 * 3600_000).toISOString(), notBefore: new Date(Date.now() - 1000).toISOString() };
      return outbox.item(job.id, job.id).replace(aged, { accessCondition: { type: 'IfMatch', condition: job._etag } }).then(() => true, () => false);
    }, { timeoutMs: 30_000 });
    await held.arrived;
    // Given up; the week's record names tenant-1, and week 50's handover is scheduled.
    expect(x.logs.filter((l) => l.includes(NOT_SERVED))).toHaveLength(1);
    expect(await runs()).toEqual(['2026-W49 tenant-1']);

    // Y: tenant-1 on the list; week 50's handover tells week 49 late to tenant-1, while X's delete waits.
    // (A turn's message waits a second for its delivery, not 20: X holds tenant-1's sending lease meanwhile.)
    const y = await startTestApp({ ...base, ALLOWED_TENANT_IDS: 'tenant-1,tenant-2' }, '2026-12-07T01:00:00Z', { cosmos: store, outboxTimings: { backoffBaseMs: 100, backoffCapMs: 6_000, deliverWaitMs: 1_000 } });
    later.push(y);
    await y.app.scheduler.runDue();
    await y.app.scheduler.runDue();
    await y.app.background.idle();
    // Y told week 49 to tenant-1 (late) while X's give-up was still under way.
    expect(y.logs.filter((l) => l.includes('told to L&O late')).map((l) => JSON.parse(l) as Doc).map((l) => `${l.week} ${l.tenantId} ${l.result}`)).toEqual(['2026-W49 tenant-1 queued']);
    // X takes no other job (Y's handover queued some); the one it holds runs to its end.
    x.app.outbox.sender.halt();
    held.release();
    // X's hook ran to its end (its delete answered): the job under the key is gone, or is another one.
    await waitUntil("X's give-up hook ended", async () => {
      const job = (await weeklyJobs()).find((j) => j.id === cardId);
      return !job || job.status === 'pending';
    }, { timeoutMs: 30_000 });
    await x.app.stop();

    const settle = async (at: string) => {
      y.clock.set(at);
      await y.app.scheduler.runDue();
      await y.app.scheduler.runDue();
      await y.app.background.idle();
      await y.app.outbox.drain(30_000);
    };
    await settle('2026-12-07T01:10:00Z');
    // X's drain ends once the outbox has nothing open (Y sent it).
    await xDrained;
    const afterY = { tenant1: week49(first, hanna, 'tenant-1'), tenant2: week49(first, hanna, 'tenant-2'), runs: await runs() };
    // Two weeks on, the outbox has forgotten the finished jobs' keys (the embedded server expires nothing).
    for (const { id } of (await outbox.items.query('SELECT c.id FROM c WHERE IS_DEFINED(c.ttl)').fetchAll()).resources) await outbox.item(id, id).delete();
    await settle('2026-12-14T01:00:00Z');
    await settle('2026-12-21T01:00:00Z');
    expect({ afterY, tenant1: week49(first, hanna, 'tenant-1'), tenant2: week49(first, hanna, 'tenant-2'), runs: await runs() }).toEqual({
      afterY: { tenant1: 1, tenant2: 1, runs: [] },
      tenant1: 1,
      tenant2: 1,
      runs: [],
    });
  }, 240_000);
});
