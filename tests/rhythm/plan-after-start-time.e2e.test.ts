import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * No session is planned at a moment already past. Today counts as a planning day only while
 * today's start time (in the group's zone) is still ahead: a group set up on a Monday afternoon
 * gets a week 1 whose four sessions are all still to come, each with its reminder and start, so
 * the week opens with session 1 and ends with session 4 by itself. Moving a week to start today
 * once today's start time has passed is refused as past, with the date kept in the form.
 */
describe('the plan starts where every session is still ahead', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna] = MEMBERS as [typeof MEMBERS[0]];

  const at = async (iso: string) => {
    t.clock.set(iso);
    await t.app.scheduler.runDue();
    await t.app.background.idle();
  };
  const planOf = async (d: GroupDriver) => (await t.store.container('sessions').item(`${d.groupId}_plan`, d.groupId).read()).resource;
  const pendingStarts = async (d: GroupDriver) =>
    (await t.store.container('jobs').items.query({ query: "SELECT * FROM c WHERE c.payload.groupId = @g AND c.kind = 'session.start' AND c.status = 'pending'", parameters: [{ name: '@g', value: d.groupId }] }).fetchAll())
      .resources as { dueAt: string; payload: { week: number; day: number } }[];
  const textsInChat = (d: GroupDriver, from: number) =>
    t.connector.calls.slice(from).filter((c) => c.conversationId === d.conv.id && typeof c.activity.text === 'string').map((c) => c.activity.text as string);
  const sessionDays = async (d: GroupDriver, week: number) =>
    ((await t.store.container('sessions').items.query({ query: "SELECT c.day FROM c WHERE c.type = 'session' AND c.cycleId = @c", parameters: [{ name: '@c', value: `${d.groupId}_w${week}` }] }).fetchAll()).resources as { day: number }[])
      .map((s) => s.day)
      .sort();

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T07:30:00Z'); // Monday 08:30 in Amsterdam: 09:00 still ahead
  });
  afterAll(() => t.stop());

  it('set up on a Monday morning before the start time, the group meets that same week from today', async () => {
    const early = new GroupDriver(t, t.conversation('groupChat', '19:groupchat-early@thread.v2'), MEMBERS.slice(0, 4));
    const setup = await early.setUp();
    expect(cardText(setup.value)).toContain('Week 1 staat gepland op ma 23 nov – do 26 nov');
    expect((await pendingStarts(early)).filter((j) => j.payload.week === 1).map((j) => j.dueAt).sort()[0]).toBe('2026-11-23T08:00:00.000Z');
  });

  it('set up on a Monday afternoon, week 1 runs Tuesday to Friday and all four of its sessions start by themselves', async () => {
    t.clock.set('2026-11-23T12:00:00Z'); // Monday 13:00 in Amsterdam: 09:00 has passed
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    const setup = await g.setUp();
    expect(cardText(setup.value)).toContain('Week 1 staat gepland op di 24 nov – vr 27 nov');
    expect((await planOf(g)).weeks[0].dates).toEqual(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    const week1 = (await pendingStarts(g)).filter((j) => j.payload.week === 1);
    expect(week1.map((j) => `${j.payload.day} ${j.dueAt}`).sort()).toEqual([
      '1 2026-11-24T08:00:00.000Z',
      '2 2026-11-25T08:00:00.000Z',
      '3 2026-11-26T08:00:00.000Z',
      '4 2026-11-27T08:00:00.000Z',
    ]);

    const before = t.connector.calls.length;
    for (const date of ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']) {
      for (const time of ['07:45', '08:00', '09:05']) await at(`${date}T${time}:00Z`);
    }
    expect(textsInChat(g, before).filter((s) => s.startsWith('Over 15 minuten'))).toEqual([1, 2, 3, 4].map((d) => `Over 15 minuten begint sessie ${d} van week 1 (om 09:00). Tot zo!`));
    expect(await sessionDays(g, 1)).toEqual([1, 2, 3, 4]);
  });

  it('moving a week to today after today\'s start time is refused as past, the date kept next to the reason', async () => {
    // Another group, set up on Saturday: week 1 on Monday 30 Nov, then moved to Tuesday 8 Dec.
    t.clock.set('2026-11-28T10:00:00Z');
    const h = new GroupDriver(t, t.conversation('groupChat', '19:groupchat-2@thread.v2'), MEMBERS.slice(0, 4));
    await h.setUp();
    await h.press(anna, 'rhythm.move', { groupId: h.groupId, week: 1, from: '2026-11-30', start: '2026-12-08' }, 'cycle-card');
    expect((await planOf(h)).weeks[0].dates[0]).toBe('2026-12-08');

    // Tuesday 1 Dec, 13:00 in Amsterdam: today's 09:00 has passed; the form offers tomorrow on.
    t.clock.set('2026-12-01T12:00:00Z');
    const ask = await h.press(anna, 'rhythm.move.ask', { groupId: h.groupId, week: '1' }, 'cycle-card');
    expect(ask.value.body.find((e: { id?: string }) => e.id === 'start')?.min).toBe('2026-12-02');
    const res = await h.press(anna, 'rhythm.move', { groupId: h.groupId, week: 1, from: '2026-12-08', start: '2026-12-01' }, 'cycle-card');
    expect(cardText(res.value)).toContain('Die datum is al voorbij. Kies een latere dag');
    expect(res.value.body.find((e: { id?: string }) => e.id === 'start')?.value).toBe('2026-12-01');
    expect((await planOf(h)).weeks[0].dates[0]).toBe('2026-12-08');
  });

  it('gives the reason in the group\'s own language', async () => {
    // Set up on Tuesday 1 Dec at 13:00: Tuesday-Friday no longer fits this week, so week 1 is Monday 7 Dec.
    const e = new GroupDriver(t, t.conversation('groupChat', '19:groupchat-en@thread.v2'), MEMBERS.slice(0, 4));
    await e.setUp('en');
    expect((await planOf(e)).weeks[0].dates[0]).toBe('2026-12-07');
    const res = await e.press(anna, 'rhythm.move', { groupId: e.groupId, week: 1, from: '2026-12-07', start: '2026-12-01' }, 'cycle-card');
    expect(cardText(res.value)).toContain('That date has passed.');
    expect(res.value.body.find((x: { id?: string }) => x.id === 'start')?.value).toBe('2026-12-01');
  });
});
