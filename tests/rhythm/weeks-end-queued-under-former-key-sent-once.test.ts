/**
 * Since stop 62 a private message is queued under its key keyed with the app's secret
 * (`Outbox.privately`). A weeks'-end job that a version before that began (it queued Anna's card
 * under the plain key `weeksEnd:<cycle>:<member>`, then stopped part-way) runs again after the
 * update: it looks up each member's plain key first (one read a member, in the scheduled job, never
 * on a turn), so Anna gets no second card, and the others get theirs once, under the keyed key.
 */
import { TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { weeksEndKey } from '../../src/usecases/week-cycle/planned-weeks-end';
import { runAt } from './support';

const SECRET = 'weeks-end-former-key-secret-'.padEnd(44, 'x');

describe("a weeks'-end card queued under its plain key before the update", () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('is not sent again when the job runs after the update; the others get theirs once', async () => {
    t = await startTestApp({ POLL_HASH_KEY: SECRET }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:weeks-end-former-key@thread.v2'), [anna, bram, cem, dewi]);
    await g.weekOneToDayFour('1');
    const cycleId = `${g.groupId}_w1`;
    // What the version before queued for Anna: her card under the plain key (its look stands in for the real one).
    const conv = g.conv;
    const former = weeksEndKey(cycleId, anna.aadObjectId);
    expect(await t.app.outbox.queue({ key: former, tenantId: conv.tenantId, route: { serviceUrl: conv.serviceUrl }, target: { kind: 'person', userId: anna.id, appUserId: anna.aadObjectId }, payload: { type: 'message', text: 'Terugblik (queued before the update)' } })).toBe('queued');

    await g.end(anna);
    await runAt(t, t.clock.now().toISOString());

    const lookBacks = (who: TestUser) =>
      t.connector
        .cards((c) => c.method === 'POST' && c.conversationId === t.connector.personalChats.get(who.id))
        .filter(({ card }) => JSON.stringify(card).includes('verantwoording.note.add') && /Terugblik/.test(cardText(card))).length;
    const annasOld = t.connector.calls.filter((c) => c.conversationId === t.connector.personalChats.get(anna.id) && c.activity.text === 'Terugblik (queued before the update)').length;
    expect({ annasOld, anna: lookBacks(anna), bram: lookBacks(bram), cem: lookBacks(cem), dewi: lookBacks(dewi) }).toEqual({ annasOld: 1, anna: 0, bram: 1, cem: 1, dewi: 1 });
    // Anna's card stays the one under the plain key; nothing was queued for her under the keyed one.
    expect(await t.app.outbox.statusOf(former)).toBe('sent');
    expect(await t.app.outbox.statusOf(t.app.outbox.privateKey(former))).toBeUndefined();
    expect(jobIdFor(t.app.outbox.privateKey(former))).not.toBe(jobIdFor(former));
  }, 240_000);
});
