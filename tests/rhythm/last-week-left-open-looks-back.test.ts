import { TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt, textsSince } from './support';

/**
 * Found in review, stop 48 (the year's rhythm). A group plans one week. Its last day (day 4) is
 * closed with the group's question 8 unanswered (the hour ran out; it is carried over). The planned
 * weeks are over: no week is planned after it, and the rhythm opens no session for it. The
 * look-back job was only scheduled when the day-4 session closed with nothing carried over, so
 * this group's loop never closed. Now every day-4 close of the plan's last week schedules it: at
 * once when the week is complete, else when the completion wait (a week after the last planned
 * day) is over, and then the members are invited all the same and the group's line says the week
 * ended with a question open. A group that finishes the open question (`start`) before then gets
 * the look-back at once, once.
 */
describe('the last planned week ends with a question carried over', () => {
  let t: TestApp;
  const SAVE_VERB = 'verantwoording.note.add';
  const lookBacks = () =>
    t.connector.cards((c) => c.method === 'POST').filter(({ card }) => JSON.stringify(card).includes(SAVE_VERB) && /Terugblik|Looking back/.test(cardText(card)));
  const weeksEndJobs = async (groupId: string) =>
    (await t.store.container('jobs').items.query({ query: "SELECT * FROM c WHERE c.kind = 'plannedWeeks.end' AND c.payload.groupId = @g", parameters: [{ name: '@g', value: groupId }] }).fetchAll()).resources as { dueAt: string; status: string }[];

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  });
  afterAll(() => t.stop());

  /** A one-week group through day 4, closed with question 8 never answered (carried over). */
  async function dayFourLeftOpen(conversationId: string): Promise<GroupDriver> {
    t.clock.set('2026-11-23T08:00:00Z');
    const g = new GroupDriver(t, t.conversation('groupChat', conversationId), MEMBERS.slice(0, 4));
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
    return g;
  }

  it('invites each member to look back once the completion wait is over, and tells the group the week ended open', async () => {
    const g = await dayFourLeftOpen('19:last-week-open@thread.v2');
    // The week (23-26 November) is not complete; the look-back waits a week after its last planned day.
    expect((await weeksEndJobs(g.groupId)).map((j) => [j.dueAt, j.status])).toEqual([['2026-12-04T00:00:00.000Z', 'pending']]);
    const from = t.connector.calls.length;
    await runAt(t, '2026-12-03T23:59:00Z');
    expect(lookBacks()).toHaveLength(0);
    // Two weeks on: the planned week is long over.
    t.clock.set('2026-12-10T08:00:00Z');
    await runAt(t, t.clock.now().toISOString());
    t.clock.advanceMinutes(60);
    await runAt(t, t.clock.now().toISOString());
    const cycle = (await t.store.container('sessions').item(`${g.groupId}_w1`, g.groupId).read()).resource;
    expect({ lookBacks: lookBacks().length, weekCompleted: !!cycle?.completedAt }).toEqual({ lookBacks: 4, weekCompleted: false });
    expect(lookBacks().every(({ card }) => cardText(card).includes('De geplande week van je groep Team Zorg in de Vitale Weekcyclus zit erop.'))).toBe(true);
    expect(textsSince(t, g, from).filter((x) => x.startsWith('De geplande week is voorbij; niet elke vraag van de groep kwam aan bod.'))).toHaveLength(1);
    expect(textsSince(t, g, from).filter((x) => x.startsWith('Dit was'))).toEqual([]);
    expect((await weeksEndJobs(g.groupId)).map((j) => j.status)).toEqual(['done']);
  }, 120_000);

  it('a group that finishes the open question within the wait gets the look-back at once, once', async () => {
    const before = lookBacks().length;
    const g = await dayFourLeftOpen('19:last-week-finished-later@thread.v2');
    const [a, b] = g.members as [TestUser, TestUser];
    const from = t.connector.calls.length;
    // Friday 27 November: `start` resumes question 8; it is answered and the session closed.
    t.clock.set('2026-11-27T09:00:00Z');
    await g.startSession(a);
    expect((await g.session()).questionIds).toEqual([8]);
    await g.contribute(b, 8, 'Minder stress');
    await g.end(a);
    await runAt(t, t.clock.now().toISOString());
    expect(lookBacks().length - before).toBe(4);
    expect(textsSince(t, g, from).filter((x) => x.startsWith('Dit was de geplande week.'))).toHaveLength(1);
    // The job that waited for the wait's end came now; nothing more at the wait's end.
    await runAt(t, '2026-12-04T08:00:00Z');
    expect(lookBacks().length - before).toBe(4);
    expect((await weeksEndJobs(g.groupId)).map((j) => j.status)).toEqual(['done']);
  }, 120_000);

  it('control: the same week with question 8 answered invites the four members', async () => {
    const before = lookBacks().length;
    const g = new GroupDriver(t, t.conversation('groupChat', '19:last-week-done@thread.v2'), MEMBERS.slice(0, 4));
    t.clock.set('2026-11-23T08:00:00Z');
    await g.weekOneToDayFour('1');
    await g.end(g.members[0]);
    await runAt(t, t.clock.now().toISOString());
    expect(lookBacks().length - before).toBe(4);
  }, 120_000);
});
