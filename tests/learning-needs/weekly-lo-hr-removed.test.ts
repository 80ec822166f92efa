import { TestUser, user } from '../support/activities';
import { startTestCosmos } from '../support/cosmos';
import { startTestApp, TestApp } from '../support/test-app';
import { threeNeedsPassedOn } from './support';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- stored JSON under test

/**
 * Someone taken out of HR_USER_IDS (a restart with a new list) while their weekly card waited in
 * the outbox (stop 52): the card does not go; someone still listed gets theirs. The outbox asks
 * when it sends (the card's `sendIf`), by the running app's list.
 */
const TITLE = /^(Leerbehoeften van week|Learning needs of week) 49$/;

describe('the weekly L&O card queued for someone taken out of HR_USER_IDS before it went', () => {
  let cosmos: Awaited<ReturnType<typeof startTestCosmos>>;
  let first: TestApp;
  let second: TestApp | undefined;
  const [hanna, piet] = [user('Hanna'), user('Piet')];
  const env = { ALLOWED_TENANT_IDS: 'tenant-1', B3_MIN_RESPONDENTS: '3' };
  const weeklyJobs = async (): Promise<Doc[]> => (await first.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources.filter((j: Doc) => j.target?.kind === 'person' && /^aad-(hanna|piet)$/.test(j.target.userId));
  const weeklyCards = (who: TestUser) => first.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${who.aadObjectId}`).filter(({ card }) => TITLE.test(String(card.body?.[0]?.text ?? '')));

  beforeAll(async () => {
    cosmos = await startTestCosmos();
    first = await startTestApp({ ...env, HR_USER_IDS: 'aad-hanna,aad-piet' }, '2026-11-23T08:00:00Z', { cosmos });
    await threeNeedsPassedOn(first);
    first.clock.set('2026-11-30T01:00:00Z'); // Monday 02:00 in Amsterdam: the weekly handover
    await first.app.scheduler.runDue();
  }, 180_000);
  afterAll(async () => {
    if (second) await second.app.stop().catch(() => undefined);
    if (second) await second.connector.stop();
    await first.connector.stop();
    await cosmos.close();
  });

  it('queued both cards, then the app restarts with Hanna taken out: only Piet gets his, and Hanna\'s job keeps nothing of hers but the id it was queued for', async () => {
    const queued = await weeklyJobs();
    expect(queued.map((j) => `${j.target.userId} ${j.status}`).sort()).toEqual(['aad-hanna pending', 'aad-piet pending']);
    // Not drained: the first app stops with both cards waiting; the next one has a new list.
    await first.app.stop();
    second = await startTestApp({ ...env, HR_USER_IDS: 'aad-piet' }, '2026-11-30T01:05:00Z', { cosmos });
    await second.app.outbox.drain(30_000);
    // The cards go to the route the first app stored (its connector).
    expect({ hanna: weeklyCards(hanna).length, piet: weeklyCards(piet).length }).toEqual({ hanna: 0, piet: 1 });
    expect(first.connector.calls.filter((c) => c.conversationId === `a:1on1-${hanna.aadObjectId}`)).toEqual([]);

    // Since stop 59 Piet's sent card is not kept as a job: only the blank that holds its key (keyed
    // with the app's secret). Hanna's skipped one stays as it ended (it surely never went).
    const ofId = (who: TestUser) => queued.find((j) => j.target.userId === who.aadObjectId)!.id as string;
    const after = await weeklyJobs();
    expect(after.map((j) => `${j.target.userId} ${j.status}`)).toEqual(['aad-hanna skipped']);
    expect(await second.app.outbox.store.keyLeftBehind(ofId(piet))).toBe(true);
    const ofHanna = after[0]!;
    // What the skipped job keeps: no card (no payload), and her id only where the queued job held it
    // already (its target, the outbox's lane for her chat, the check's argument).
    const naming = (job: Doc) => Object.keys(job).filter((k) => JSON.stringify(job[k]).includes(hanna.aadObjectId)).sort();
    const queuedForHanna = queued.find((j) => j.target.userId === hanna.aadObjectId)!;
    expect(ofHanna.payload).toEqual({});
    expect(naming(ofHanna)).toEqual(['conversationKey', 'sendIf', 'target']);
    expect(naming(queuedForHanna)).toEqual(['conversationKey', 'sendIf', 'target']);
    // With its tenant since stop 53: a card of a tenant taken off ALLOWED_TENANT_IDS since waits (weekly-lo-queued-card-waits-for-tenant.test.ts).
    expect(ofHanna.sendIf).toEqual({ kind: 'learningNeeds.weekly.stillHr', args: { userId: hanna.aadObjectId, tenantId: 'tenant-1' } });
    expect(JSON.stringify(ofHanna)).not.toContain('Tekst van');
  }, 180_000);

  it('sends no second card to Piet when the handover runs again that week (the blank keeps his card\'s key)', async () => {
    await second!.app.scheduler.schedule({ id: 'learningNeeds.handover:again', kind: 'learningNeeds.handover', dueAt: second!.clock.now().toISOString(), payload: {} });
    await second!.app.scheduler.runDue();
    await second!.app.outbox.drain(30_000);
    expect({ hanna: weeklyCards(hanna).length, piet: weeklyCards(piet).length }).toEqual({ hanna: 0, piet: 1 });
  }, 120_000);
});
