import { TestUser, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { cardsTo, groupWithQuestion9, handoverJobs, passOn } from './support';

/**
 * Found in review, stop 52 (fixed then: the weekly card keeps its key as long as the run record; a week whose needs were handed over is marked so). Week 49's handover hands over, queues and sends Hanna's card, and then
 * cannot delete its `lnr_2026-W49` record for its whole day of retries (the record's deletes
 * refused): the job gives up, the record stays. L&O was told on time; nothing was left over.
 * The sent card's job keeps its key 7 days (DEFAULT_KEEP_SECONDS, from when it was sent). The next
 * handover comes 7 days + 1 h after (here swept as the autumn DST Monday makes it: 02:00 CEST ->
 * 02:00 CET), or any few seconds late. It "tells week 49 late": the key is gone, so Hanna gets the
 * week-49 card a second time, now saying it comes late.
 */
const hanna = user('Hanna');
const members = ['Anna', 'Bram', 'Cem'].map(user) as TestUser[];

describe('a week told on time whose record could not be removed', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('does not send L&O the same week\'s card a second time, nor claim that week could not be completed', async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', ALLOWED_TENANT_IDS: 'tenant-1', B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    const g = await groupWithQuestion9(t, 'tenant-1', members);
    for (const who of members) await passOn(g, who, 'samenwerken', `Tekst van ${who.name}`);
    await t.app.outbox.drain(30_000);
    t.connector.clear();

    t.clock.set('2026-11-30T01:00:00Z');
    t.proxy!.faults = (req) => (req.container === 'learningNeeds' && req.kind === 'delete' ? { kind: 'status', status: 503 } : undefined);
    try {
      await t.app.scheduler.runDue();
      // The card goes out at once, as in production.
      await t.app.outbox.drain(30_000);
      for (let i = 0; i < 60 && !(await handoverJobs(t)).includes('learningNeeds.handover:2026-W49 failed'); i++) {
        t.clock.advanceMinutes(61);
        await t.app.scheduler.runDue();
      }
    } finally {
      t.proxy!.faults = undefined;
    }
    expect(await handoverJobs(t)).toContain('learningNeeds.handover:2026-W49 failed');
    const first = cardsTo(t, hanna).map((c) => c.body[0].text);
    expect(first).toEqual(['Leerbehoeften van week 49']);

    // Cosmos DB's TTL at the next Monday 02:00 (7 days and the DST hour after the card was sent).
    await t.app.retention.sweep(new Date(Date.now() + (7 * 24 + 1) * 3600_000));
    t.clock.set('2026-12-07T01:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
    const all = cardsTo(t, hanna);
    const texts = all.map((c) => `${c.body[0].text}${/later dan gepland/.test(cardText(c)) ? ' (late)' : ''}`);
    expect(texts).toEqual(['Leerbehoeften van week 49']);
  }, 300_000);
});

describe('the next week\'s card after a week told on time whose record could not be removed', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('does not tell another tenant\'s L&O that week 49 could not be completed and its needs were taken along (tenant-2 had none; tenant-1\'s was told on time)', async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', ALLOWED_TENANT_IDS: 'tenant-1,tenant-2', B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    const g = await groupWithQuestion9(t, 'tenant-1', members);
    for (const who of members) await passOn(g, who, 'samenwerken', `Tekst van ${who.name}`);
    await t.app.outbox.drain(30_000);
    t.clock.set('2026-11-30T01:00:00Z');
    t.proxy!.faults = (req) => (req.container === 'learningNeeds' && req.kind === 'delete' ? { kind: 'status', status: 503 } : undefined);
    try {
      for (let i = 0; i < 60 && !(await handoverJobs(t)).includes('learningNeeds.handover:2026-W49 failed'); i++) {
        await t.app.scheduler.runDue();
        await t.app.outbox.drain(30_000);
        t.clock.advanceMinutes(61);
      }
    } finally {
      t.proxy!.faults = undefined;
    }
    expect(await handoverJobs(t)).toContain('learningNeeds.handover:2026-W49 failed');
    // In week 49, after its handover, three people of tenant-2 pass theirs on.
    const others = ['Dewi', 'Eva', 'Femke'].map(user) as TestUser[];
    const g2 = await groupWithQuestion9(t, 'tenant-2', others);
    for (const who of others) await passOn(g2, who, 'digitaal', `Tekst van ${who.name}`);
    await t.app.outbox.drain(30_000);
    t.connector.clear();
    t.clock.set('2026-12-07T01:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
    const cards = cardsTo(t, hanna);
    expect(cards.map((c) => c.body[0].text)).toEqual(['Leerbehoeften van week 50']);
    expect(cardText(cards[0])).not.toContain('kon niet worden afgerond');
  }, 300_000);
});
