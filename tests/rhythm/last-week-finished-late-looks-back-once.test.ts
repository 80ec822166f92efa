import { TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt, textsSince } from './support';

/**
 * Stop 49 (from stop 48's left-outs). A group plans one week; its day 4 closes with question 8
 * carried over, so the week is left open. When the completion wait is over (a week after its last
 * planned day) the look-back job invites the four members and is done. A finished job and the
 * outbox's sent invitations expire after 7 days. The group then finishes the open question more
 * than a week after the look-back went out: that close schedules the week's look-back again (its
 * job id was free again) and, its invitation keys free as well, invited everyone a second time.
 *
 * What must hold: the week's look-back goes out once, however late the week is finished: no
 * second invitation and no second line in the group's chat ("Dit was de geplande week"), also
 * after the job and the invitations expired.
 */
describe('a last week left open and finished long after its look-back went out', () => {
  let t: TestApp;
  const SAVE_VERB = 'verantwoording.note.add';
  const DAY = 24 * 3600 * 1000;
  const lookBacks = () =>
    t.connector.cards((c) => c.method === 'POST').filter(({ card }) => JSON.stringify(card).includes(SAVE_VERB) && /Terugblik|Looking back/.test(cardText(card)));
  const weeksEndJobs = async (groupId: string) =>
    (await t.store.container('jobs').items.query({ query: "SELECT * FROM c WHERE c.kind = 'plannedWeeks.end' AND c.payload.groupId = @g", parameters: [{ name: '@g', value: groupId }] }).fetchAll()).resources as { dueAt: string; status: string }[];
  const invitationJobs = async () =>
    (await t.store.container('outbox').items.query("SELECT c.id FROM c WHERE c.type = 'outboxJob' AND c.target.kind = 'person'").fetchAll()).resources.length;

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('invites each member once: finishing the week after the job and the invitations expired invites nobody again', async () => {
    t.clock.set('2026-11-23T08:00:00Z');
    const g = new GroupDriver(t, t.conversation('groupChat', '19:last-week-finished-late@thread.v2'), MEMBERS.slice(0, 4));
    const [a, b, c, d] = g.members as [TestUser, TestUser, TestUser, TestUser];
    // As GroupDriver.weekOneToDayFour, but nobody answers question 8.
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4, weeks: '1' });
    for (const who of [a, b, c]) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
    await g.press(d, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' });
    await g.end(a);
    for (let day = 2; day <= 4; day++) {
      t.clock.advanceMinutes(24 * 60);
      await g.startSession();
      await g.end(a);
    }
    expect((await g.session()).day).toBe(4);
    await runAt(t, t.clock.now().toISOString());

    // The completion wait is over: the four are invited, the week still open.
    await runAt(t, '2026-12-04T08:00:00Z');
    expect(lookBacks()).toHaveLength(4);
    expect((await weeksEndJobs(g.groupId)).map((j) => j.status)).toEqual(['done']);

    // The finished job and the sent invitations expire (7 days after they were written).
    await t.app.retention.sweep(new Date(Date.now() + 8 * DAY));
    expect(await weeksEndJobs(g.groupId)).toEqual([]);
    expect(await invitationJobs()).toBe(0);

    // More than a week after the look-back went out, the group finishes question 8.
    const from = t.connector.calls.length;
    t.clock.set('2026-12-14T09:00:00Z');
    await g.startSession(a);
    expect((await g.session()).questionIds).toEqual([8]);
    await g.contribute(b, 8, 'Minder stress');
    await g.end(a);
    await runAt(t, t.clock.now().toISOString());
    await runAt(t, '2026-12-14T10:00:00Z');
    const cycle = (await t.store.container('sessions').item(`${g.groupId}_w1`, g.groupId).read()).resource;
    expect(cycle?.completedAt).toBeTruthy();
    expect(lookBacks()).toHaveLength(4);
    expect(textsSince(t, g, from).filter((x) => x.startsWith('Dit was de geplande week') || x.startsWith('De geplande week is voorbij'))).toEqual([]);
  }, 120_000);
});
