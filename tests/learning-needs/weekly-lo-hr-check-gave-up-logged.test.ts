import { TestUser, user } from '../support/activities';
import { FakeGraph } from '../support/fake-graph';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { threeNeedsPassedOn } from './support';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- stored JSON under test

/**
 * Left out in stop 52: a weekly L&O card for an HR_GROUP_ID member waits while Microsoft Graph
 * does not answer its send-time "still HR" check, and is given up after the outbox's day; only
 * telemetry's undelivered event said so. Now one warn line says it, with the week and the tenant,
 * never whose card it was. Gina is in HR_GROUP_ID only; Graph never answers her check. Her card's
 * day is run out by dating the queued job a day and an hour back (the outbox counts its budget
 * from the job's `createdAt`, on the real clock).
 */
const TITLE = /^(Leerbehoeften van week|Learning needs of week) 49$/;
const GIVEN_UP = 'a weekly learning-needs card was given up unsent';

describe('a weekly L&O card given up because Graph did not answer its "still HR" check', () => {
  let t: TestApp;
  let graph: FakeGraph;
  const [hanna, gina] = [user('Hanna'), user('Gina')];
  const weeklyCards = (who: TestUser) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${who.aadObjectId}`).filter(({ card }) => TITLE.test(String(card.body?.[0]?.text ?? '')));
  const weeklyJobs = async (): Promise<Doc[]> =>
    (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources.filter((j: Doc) => j.sendIf?.kind === 'learningNeeds.weekly.stillHr');
  const jobOf = async (who: TestUser) => (await weeklyJobs()).find((j) => j.target?.userId === who.aadObjectId);
  const checksOfGina = () => graph.requests.filter((r) => r.path === '/v1.0/users/aad-gina/checkMemberGroups').length;
  const givenUpLines = () => t.logs.filter((l) => l.includes(GIVEN_UP)).map((l) => JSON.parse(l) as Doc);

  beforeAll(async () => {
    graph = await new FakeGraph().start();
    graph.members.set('hr-group', new Set(['aad-hanna', 'aad-gina']));
    t = await startTestApp({ ALLOWED_TENANT_IDS: 'tenant-1', B3_MIN_RESPONDENTS: '3', HR_USER_IDS: 'aad-hanna', HR_GROUP_ID: 'hr-group', GRAPH_BASE_URL: graph.url }, '2026-11-23T08:00:00Z');
    await threeNeedsPassedOn(t);
  }, 180_000);
  afterAll(async () => {
    await t.stop();
    await graph.stop();
  });

  it('logs one warn line with the week and the tenant, naming nobody; Hanna has her card, Gina none', async () => {
    graph.failWhen = ({ path }) => (path === '/v1.0/users/aad-gina/checkMemberGroups' ? 503 : undefined);
    t.clock.set('2026-11-30T01:00:00Z'); // Monday 02:00 in Amsterdam: the weekly handover
    await t.app.scheduler.runDue();
    // The test app's outbox sends while drained: this drain ends once Gina's card is no longer pending.
    const drained = t.app.outbox.drain(90_000);
    await waitUntil('Gina\'s send-time check was asked and not answered', () => checksOfGina() >= 1, { timeoutMs: 30_000 });
    await waitUntil('Hanna has her card', () => weeklyCards(hanna).length === 1, { timeoutMs: 30_000 });
    const ginas = (await jobOf(gina))!;
    expect(ginas.status).toBe('pending');
    expect(givenUpLines()).toEqual([]);

    // The outbox's day runs out: the job dated back, due now (a write the sender raced is tried again).
    const outbox = t.store.container('outbox');
    await waitUntil('Gina\'s card dated a day back', async () => {
      const job = await jobOf(gina);
      if (!job || job.status !== 'pending') return false;
      const aged = { ...job, createdAt: new Date(Date.now() - 25 * 3600_000).toISOString(), notBefore: new Date(Date.now() - 1000).toISOString() };
      return outbox.item(job.id, job.id).replace(aged, { accessCondition: { type: 'IfMatch', condition: job._etag } }).then(() => true, () => false);
    }, { timeoutMs: 30_000 });
    await drained;
    // Given up unsent (its check never answered): kept as it ended, under its own id (it surely never went).
    await waitUntil('Gina\'s card given up and its line logged', async () => (await jobOf(gina))?.status === 'failed' && givenUpLines().length > 0, { timeoutMs: 30_000 });

    const lines = givenUpLines();
    expect(lines.map((l) => ({ level: l.level, week: l.week, tenantId: l.tenantId }))).toEqual([{ level: 40, week: '2026-W49', tenantId: 'tenant-1' }]);
    expect({ hanna: weeklyCards(hanna).length, gina: weeklyCards(gina).length }).toEqual({ hanna: 1, gina: 0 });
    expect((await jobOf(gina))?.result).toEqual({ code: 'checkUnanswered' });
    // Nothing went, so no blank stands for it either.
    expect(await t.app.outbox.store.keyLeftBehind(ginas.id)).toBe(false);
    // Nobody named: not in that line, nor anywhere in the log.
    for (const line of t.logs) for (const id of ['aad-gina', 'aad-hanna', 'Gina', 'Hanna']) expect(line).not.toContain(id);
  }, 120_000);
});
