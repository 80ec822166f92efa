import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A planned week that passed unheld does not stop the rhythm. When a week's sessions all went by
 * without starting (the scheduler was down that week, or its jobs ran after their hour), the week
 * is planned again from the earliest day, as after a pause: the group holds its weeks in order,
 * keeps their number, and the plan shows the new dates. The weeks after it follow, with their
 * reminders and sessions, instead of every later job doing nothing, for good and without a word.
 * The chat is told once where the week went (it used to change silently: a group expecting its
 * week found nothing, and nothing said why the plan card showed other dates).
 */
describe('the rhythm goes on after a week that passed unheld', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna] = MEMBERS as [typeof MEMBERS[0]];
  const textsInChat = (from: number) => t.connector.calls.slice(from).filter((c) => c.conversationId === g.conv.id && typeof c.activity.text === 'string').map((c) => c.activity.text as string);
  const sessionCardsPosted = (from: number) => t.connector.calls.slice(from).filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && c.activity.attachments?.[0]?.content?.refresh);
  const stored = async (id: string) => (await t.store.container('sessions').item(id, g.groupId).read()).resource;
  const sessionDays = async (week: number) =>
    ((await t.store.container('sessions').items.query({ query: "SELECT c.day FROM c WHERE c.type = 'session' AND c.cycleId = @c", parameters: [{ name: '@c', value: `${g.groupId}_w${week}` }] }).fetchAll()).resources as { day: number }[])
      .map((s) => s.day)
      .sort();
  const at = async (iso: string) => {
    t.clock.set(iso);
    await t.app.scheduler.runDue();
    await t.app.background.idle();
  };
  const runDay = async (date: string) => {
    for (const time of ['07:45', '08:00', '09:05']) await at(`${date}T${time}:00Z`);
  };

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z'); // Thursday; week 1 is 23-26 Nov
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
  });
  afterAll(() => t.stop());

  it('plans the missed week again when its jobs run after their hour, keeping the number of weeks', async () => {
    const before = t.connector.calls.length;
    // The scheduler comes back on Friday 27 Nov, 11:00 in Amsterdam: week 1's jobs are all past their hour.
    await at('2026-11-27T10:00:00Z');
    // The chat is told through the outbox, which the job does not wait for.
    await t.app.outbox.drain(30_000);
    expect(textsInChat(before)).toEqual(['Week 1 kon niet doorgaan op de geplande dagen en staat nu op ma 30 nov – do 3 dec, om 09:00. De weken erna schuiven mee. Past dat niet, verplaats of sla de week over op de planning.']);
    expect(sessionCardsPosted(before)).toHaveLength(0);
    expect((await stored(g.groupId)).cyclesStarted).toBe(0);
    const plan = await stored(`${g.groupId}_plan`);
    expect(plan.weeks).toHaveLength(20);
    expect(plan.weeks[0]).toEqual({ week: 1, dates: ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'] });
    expect(plan.weeks[1].dates[0]).toBe('2026-12-07');
    expect(plan.skipped).toEqual([]);
    const card = await g.press(anna, 'rhythm.plan.show', { groupId: g.groupId }, 'cycle-card');
    expect(cardText(card.value)).toContain('Week 1\nma 30 nov – do 3 dec');
  });

  it('then holds week 1 on its new dates and goes on with week 2, each session with its reminder', async () => {
    const before = t.connector.calls.length;
    for (const date of ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-07']) await runDay(date);
    expect(textsInChat(before).filter((s) => s.startsWith('Over 15 minuten'))).toEqual([
      ...[1, 2, 3, 4].map((d) => `Over 15 minuten begint sessie ${d} van week 1 (om 09:00). Tot zo!`),
      'Over 15 minuten begint sessie 1 van week 2 (om 09:00). Tot zo!',
    ]);
    expect(sessionCardsPosted(before)).toHaveLength(5);
    expect(await sessionDays(1)).toEqual([1, 2, 3, 4]);
    expect(await sessionDays(2)).toEqual([1]);
    expect((await stored(g.groupId)).cyclesStarted).toBe(2);
  });
});
