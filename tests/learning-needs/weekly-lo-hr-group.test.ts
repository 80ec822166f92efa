import { TestUser, user } from '../support/activities';
import { FakeGraph } from '../support/fake-graph';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { weeklyLoKey } from '../../src/domain/learning-needs/weekly-to-lo';
import { threeNeedsPassedOn } from './support';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- stored JSON under test

/**
 * HR_GROUP_ID's members get the weekly L&O card as HR_USER_IDS do (stop 52), listed through
 * Microsoft Graph (the fake, two members a page, so the listing takes two pages). Hanna is in
 * HR_USER_IDS and in the group, Gina and Olaf only in the group.
 * 1. Graph does not answer the listing at the handover: Hanna gets her card, the group's members
 *    none yet; the job fails and is retried.
 * 2. The retry lists the group (across its second page): Gina's and Olaf's cards are queued, Hanna
 *    gets no second one.
 * 3. Olaf leaves the group before his card goes: skipped. Graph does not answer Gina's send-time
 *    check: her card waits, and goes once Graph answers.
 */
const TITLE = /^(Leerbehoeften van week|Learning needs of week) 49$/;

describe('the weekly L&O card to the members of HR_GROUP_ID', () => {
  let t: TestApp;
  let graph: FakeGraph;
  const [hanna, gina, olaf] = [user('Hanna'), user('Gina'), user('Olaf')];
  const weeklyCards = (who: TestUser) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${who.aadObjectId}`).filter(({ card }) => TITLE.test(String(card.body?.[0]?.text ?? '')));
  const counts = () => ({ hanna: weeklyCards(hanna).length, gina: weeklyCards(gina).length, olaf: weeklyCards(olaf).length });
  const weeklyJobs = async (): Promise<Doc[]> =>
    (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources.filter((j: Doc) => j.sendIf?.kind === 'learningNeeds.weekly.stillHr');
  const statusOf = async (who: TestUser) => (await weeklyJobs()).find((j) => j.target.userId === who.aadObjectId)?.status;
  /** Whether a blank holds the key of this person's week-49 card: it went (or may have). */
  const keyHeld = (who: TestUser) => t.app.outbox.store.keyLeftBehind(jobIdFor(weeklyLoKey('tenant-1', '2026-W49', who.aadObjectId)));
  const handoverJob = async (): Promise<Doc | undefined> =>
    (await t.store.container('jobs').items.query("SELECT * FROM c WHERE c.kind = 'learningNeeds.handover'").fetchAll()).resources.find((j: Doc) => j.status === 'pending' && j.attempts > 0);
  const listings = () => graph.requests.filter((r) => r.path === '/v1.0/groups/hr-group/transitiveMembers/microsoft.graph.user').length;

  beforeAll(async () => {
    graph = await new FakeGraph().start();
    graph.members.set('hr-group', new Set(['aad-hanna', 'aad-olaf', 'aad-gina']));
    graph.pageSize = 2;
    t = await startTestApp({ ALLOWED_TENANT_IDS: 'tenant-1', B3_MIN_RESPONDENTS: '3', HR_USER_IDS: 'aad-hanna', HR_GROUP_ID: 'hr-group', GRAPH_BASE_URL: graph.url }, '2026-11-23T08:00:00Z');
    await threeNeedsPassedOn(t);
  }, 180_000);
  afterAll(async () => {
    await t.stop();
    await graph.stop();
  });

  it('Graph does not answer the listing: Hanna (HR_USER_IDS) gets hers, the job is retried for the group', async () => {
    graph.failWhen = ({ path }) => (path.endsWith('/transitiveMembers/microsoft.graph.user') ? 503 : undefined);
    t.clock.set('2026-11-30T01:00:00Z'); // Monday 02:00 in Amsterdam: the weekly handover
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
    expect(counts()).toEqual({ hanna: 1, gina: 0, olaf: 0 });
    expect(listings()).toBeGreaterThan(0);
    // The handover job waits for its retry; the log says so by counts, naming nobody.
    expect(await handoverJob()).toBeDefined();
    const said = t.logs.filter((l) => l.includes('HR_GROUP_ID could not be listed'));
    expect(said.length).toBeGreaterThan(0);
    for (const line of t.logs) for (const id of ['aad-gina', 'aad-olaf', 'aad-hanna']) expect(line).not.toContain(id);
  }, 120_000);

  it('the retry lists the group over two pages and queues Gina\'s and Olaf\'s cards, none again for Hanna', async () => {
    graph.failWhen = undefined;
    const before = listings();
    t.clock.set('2026-11-30T01:05:00Z');
    await t.app.scheduler.runDue();
    expect(listings() - before).toBe(2);
    expect(await handoverJob()).toBeUndefined();
    // Hanna's sent card is not kept as a job (since stop 59): only the blank that holds its key.
    expect((await weeklyJobs()).map((j) => `${j.target.userId} ${j.status}`).sort()).toEqual(['aad-gina pending', 'aad-olaf pending']);
    expect(await keyHeld(hanna)).toBe(true);
  }, 120_000);

  it('skips Olaf, out of the group before his card went; Gina\'s card waits while Graph cannot say, then goes', async () => {
    graph.members.get('hr-group')!.delete('aad-olaf');
    const checksOfGina = () => graph.requests.filter((r) => r.path === '/v1.0/users/aad-gina/checkMemberGroups').length;
    graph.failWhen = ({ path }) => (path === '/v1.0/users/aad-gina/checkMemberGroups' ? 503 : undefined);
    const drained = t.app.outbox.drain(60_000);
    // Asked at least twice and not answered: the card is still waiting, not skipped, not sent.
    await waitUntil('Gina\'s send-time check was asked twice', () => checksOfGina() >= 2, { timeoutMs: 30_000 });
    // Skipped: kept as it ended, under its own id (it surely never went), and no blank for it.
    await waitUntil('Olaf\'s card was skipped', async () => (await statusOf(olaf)) === 'skipped', { timeoutMs: 30_000 });
    expect(await keyHeld(olaf)).toBe(false);
    expect(await statusOf(gina)).toBe('pending');
    expect(counts()).toEqual({ hanna: 1, gina: 0, olaf: 0 });
    graph.failWhen = undefined;
    await drained;
    expect(counts()).toEqual({ hanna: 1, gina: 1, olaf: 0 });
    expect({ job: await statusOf(gina), keyHeld: await keyHeld(gina) }).toEqual({ job: undefined, keyHeld: true });
  }, 120_000);
});
