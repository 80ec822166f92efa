import { TestUser, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { cardsTo, groupWithQuestion9, handoverJobs, passOn, passOnStatuses } from './support';

/**
 * A week's handover job that gives up after its day of retries (stop 52). Before, the needs it
 * did not hand over waited with no handover scheduled until someone passed a new one on, and L&O
 * never heard of the week. Now a run after a failure schedules next week's handover, which takes
 * them along and says so on its card; a batch the failed run wrote but could not tell is told late.
 */
const hanna = user('Hanna');
const members = ['Anna', 'Bram', 'Cem'].map(user) as TestUser[];

/** Week 49's handover (Monday 30 Nov 2026 02:00 Amsterdam) under a fault for all its retries, until the scheduler gives it up. */
async function week49GivesUp(t: TestApp, fault: NonNullable<TestApp['proxy']>['faults']): Promise<void> {
  t.clock.set('2026-11-30T01:00:00Z');
  t.proxy!.faults = fault;
  try {
    for (let i = 0; i < 60 && !(await handoverJobs(t)).includes('learningNeeds.handover:2026-W49 failed'); i++) {
      await t.app.scheduler.runDue();
      t.clock.advanceMinutes(61);
    }
  } finally {
    t.proxy!.faults = undefined;
  }
  expect(await handoverJobs(t)).toContain('learningNeeds.handover:2026-W49 failed');
}

async function setUp(): Promise<TestApp> {
  const t = await startTestApp({ HR_USER_IDS: 'aad-hanna', ALLOWED_TENANT_IDS: 'tenant-1', B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES, sharedCardIntervalMs: 0 });
  const g = await groupWithQuestion9(t, 'tenant-1', members);
  for (const who of members) await passOn(g, who, 'samenwerken', `Tekst van ${who.name}`);
  await t.app.outbox.drain(30_000);
  t.connector.clear();
  return t;
}

describe('a week whose handover gave up before it handed anything over', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('is taken along by next week\'s handover, whose card tells L&O that week 49\'s could not be completed (nobody passes anything on meanwhile)', async () => {
    t = await setUp();
    // The members' partitions cannot be queried for the whole day of retries.
    await week49GivesUp(t, (req) => (req.container === 'personal' && req.kind === 'query' ? { kind: 'status', status: 503 } : undefined));
    expect(await passOnStatuses(t)).toEqual(['pending', 'pending', 'pending']);
    await t.app.outbox.drain(30_000);
    expect(cardsTo(t, hanna)).toEqual([]);

    // The days up to next Monday 02:00 (7 Dec), the scheduler running daily.
    while (t.clock.now() < new Date('2026-12-07T01:00:00Z')) {
      t.clock.set(new Date(Math.min(t.clock.now().getTime() + 24 * 3600_000, Date.parse('2026-12-07T01:00:00Z'))).toISOString());
      await t.app.scheduler.runDue();
    }
    await t.app.outbox.drain(30_000);
    expect(await passOnStatuses(t)).toEqual(['handedOver', 'handedOver', 'handedOver']);
    const cards = cardsTo(t, hanna);
    expect(cards.map((c) => c.body[0].text)).toEqual(['Leerbehoeften van week 50']);
    const text = cardText(cards[0]);
    expect(text).toContain('De overdracht van week 49 kon niet worden afgerond. Wat toen nog niet was overgedragen, is in deze overdracht meegenomen.');
    expect(text).toContain('3 leerbehoeften doorgegeven.');
    for (const m of members) expect(text).toContain(`Tekst van ${m.name}`);
    for (const m of members) expect(JSON.stringify(cards[0])).not.toContain(m.aadObjectId);
    expect(cardProblems(cards[0])).toEqual([]);
    // Told once: the record of week 49's handover is gone, and a run again that week says nothing new.
    const runs = (await t.store.container('learningNeeds').items.query("SELECT * FROM c WHERE c.type = 'learningNeedHandoverRun'").fetchAll()).resources;
    expect(runs).toEqual([]);
  }, 300_000);
});

describe('a week whose handover wrote its batch but gave up before L&O was told', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('has its own card sent late by next week\'s handover, saying it comes late', async () => {
    t = await setUp();
    // The outbox cannot take a new job for the whole day of retries: the batch is written, the card never queued.
    await week49GivesUp(t, (req) => (req.container === 'outbox' && req.kind === 'create' ? { kind: 'status', status: 503 } : undefined));
    expect(await passOnStatuses(t)).toEqual(['handedOver', 'handedOver', 'handedOver']);
    await t.app.outbox.drain(30_000);
    expect(cardsTo(t, hanna)).toEqual([]);

    t.clock.set('2026-12-07T01:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
    const cards = cardsTo(t, hanna);
    expect(cards.map((c) => c.body[0].text)).toEqual(['Leerbehoeften van week 49']);
    const text = cardText(cards[0]);
    expect(text).toContain('Deze kaart komt later dan gepland: de overdracht van deze week kon destijds niet worden afgerond.');
    for (const m of members) expect(text).toContain(`Tekst van ${m.name}`);
    expect(cardProblems(cards[0])).toEqual([]);
  }, 300_000);
});
