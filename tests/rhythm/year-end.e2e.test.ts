import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';

/**
 * The rhythm over the turn of the year: a 52-week plan made in ISO week 53 runs into 2028 and its
 * card tells the two Decembers apart; week 1 holds 28-31 December by itself and week 2 skips
 * Nieuwjaarsdag; a group in another time zone than the organisation plans from its own today.
 */
import { startTestApp, TestApp } from '../support/test-app';
import { jobsOf, sessionCardsPosted, setUpWithWeeks } from './support';

const stored = async (t: TestApp, g: GroupDriver, id: string) => (await t.store.container('sessions').item(id, g.groupId).read()).resource;

describe('a 52-week plan made on Monday 28 December 2026 at 09:00 (ISO week 53)', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-12-28T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await setUpWithWeeks(g, '52');
  });
  afterAll(() => t.stop());

  it('plans 52 weeks from week 53 of 2026 into 2028, each in its own calendar week', async () => {
    const plan = await stored(t, g, `${g.groupId}_plan`);
    expect(plan.weeks).toHaveLength(52);
    expect(plan.weeks[0].dates).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']);
    expect(plan.weeks[1].dates[0]).toBe('2027-01-04');
    expect(plan.weeks[51].dates[0] >= '2028-01-01').toBe(true);
  });

  it('attack: the plan card of 52 weeks is a valid card and tells week 1 (Dec 2026) from week 51 (Dec 2027) by year', async () => {
    const shown = await g.press(g.members[0]!, 'rhythm.plan.show', { groupId: g.groupId }, 'cycle-card');
    expect(cardProblems(shown.value)).toEqual([]);
    const text = cardText(shown.value);
    const plan = await stored(t, g, `${g.groupId}_plan`);
    const w51 = plan.weeks[50].dates[0] as string;
    expect(w51.startsWith('2027-12')).toBe(true);
    // Two December weeks, a year apart, read the same without a year.
    expect(text).toContain('ma 28 dec – do 31 dec 2026');
    expect(text).toContain('do 30 dec 2027');
  });
});

describe('the rhythm runs through week 53 into January 2027', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-12-24T12:00:00Z'); // Thursday before Christmas
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await setUpWithWeeks(g, '20');
  });
  afterAll(() => t.stop());

  it('holds week 1 on 28-31 December by itself, then schedules week 2 on 4-7 January, none on Nieuwjaarsdag', async () => {
    const opened: string[] = [];
    const texts: string[] = [];
    for (const date of ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']) {
      for (const time of ['07:45', '08:00']) {
        const before = t.connector.calls.length;
        t.clock.set(`${date}T${time}:00Z`);
        await t.app.scheduler.runDue();
        for (const c of sessionCardsPosted(t, g, before)) opened.push(`${date} ${/dag (\d)/.exec(cardText(c.activity.attachments[0].content))?.[1]}`);
        texts.push(...t.connector.calls.slice(before).filter((c) => c.conversationId === g.conv.id && typeof c.activity.text === 'string').map((c) => c.activity.text as string));
      }
      t.clock.set(`${date}T10:00:00Z`);
      await t.app.scheduler.runDue();
    }
    expect(opened).toEqual(['2026-12-28 1', '2026-12-29 2', '2026-12-30 3', '2026-12-31 4']);
    expect(texts.filter((x) => /Over 15 minuten/.test(x))).toHaveLength(4);
    const pending = (await jobsOf(t, g.groupId)).filter((j) => j.status === 'pending' && j.kind === 'session.start');
    expect(pending.map((j) => j.dueAt).sort()).toEqual(['2027-01-04T08:00:00.000Z', '2027-01-05T08:00:00.000Z', '2027-01-06T08:00:00.000Z', '2027-01-07T08:00:00.000Z']);
    const cycle = await stored(t, g, `${g.groupId}_w1`);
    expect(cycle.weekNumber).toBe(1);
    // New Year's Day passes quietly.
    const before = t.connector.calls.length;
    t.clock.set('2027-01-01T08:00:00Z');
    await t.app.scheduler.runDue();
    expect(sessionCardsPosted(t, g, before)).toHaveLength(0);
  });
});

describe('a group in another time zone than the organisation (Paramaribo, UTC-3)', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-12-28T08:00:00Z'); // 05:00 in Paramaribo, 09:00 in Amsterdam
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await setUpWithWeeks(g, '4', 'America/Paramaribo');
  });
  afterAll(() => t.stop());

  it('plans week 1 from today there, at 09:00 local (12:00Z), reminding at 08:45 local with the local time', async () => {
    const plan = await stored(t, g, `${g.groupId}_plan`);
    expect(plan.weeks[0].dates).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']);
    const jobs = (await jobsOf(t, g.groupId)).filter((j) => j.status === 'pending');
    expect(jobs.filter((j) => j.kind === 'session.start').map((j) => j.dueAt).sort()[0]).toBe('2026-12-28T12:00:00.000Z');
    const before = t.connector.calls.length;
    t.clock.set('2026-12-28T11:45:00Z');
    await t.app.scheduler.runDue();
    const texts = t.connector.calls.slice(before).filter((c) => c.conversationId === g.conv.id && typeof c.activity.text === 'string').map((c) => c.activity.text as string);
    expect(texts).toEqual(['Over 15 minuten begint sessie 1 van week 1 (om 09:00). Tot zo!']);
  });
});
