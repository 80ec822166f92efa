import { parse } from 'csv-parse/sync';
import { user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { reportCard } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem] = ['Anna', 'Bram', 'Cem'].map(user) as [ReturnType<typeof user>, ReturnType<typeof user>, ReturnType<typeof user>];
const hanna = user('Hanna'); // HR/L&O

/**
 * ATTACK (HR, over the running app): learning hours come from presence. Before stop 31 report
 * periods were cut by day with no minimum, so one day's report (or two periods subtracted) was one
 * group's one session: its exact head count. A group of three: Monday all three, Tuesday only Anna.
 */
describe('HR\'s report does not isolate one session\'s attendance', () => {
  let t: TestApp;
  let g: GroupDriver;
  const channel = () => t.conversation('channel', '19:hr-channel@thread.tacv2');
  const totals = async (from: string, to: string) => {
    const link = new URL((await reportCard(t, channel(), hanna, `rapport ${from} ${to}`)).actions[0].url);
    const rows: Record<string, string>[] = parse(await (await fetch(`${t.app.url}${link.pathname}${link.search}`)).text(), { columns: true });
    const value = (metric: string) => Number(rows.find((r) => r.section === 'totals' && r.metric === metric)!.value);
    return { groupsActive: value('groupsActive'), sessionsHeld: value('sessionsHeld'), learningHours: value('learningHours') };
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: hanna.aadObjectId }, '2026-11-23T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    for (const m of [anna, bram, cem]) await g.checkIn(m, 3);
    await g.end();
    t.clock.advanceMinutes(24 * 60);
    await g.startSession();
    await g.checkIn(anna, 2); // only Anna comes on Tuesday
    await g.end(anna);
    t.clock.set('2026-11-30T10:00:00Z');
  });
  afterAll(() => t.stop());

  it('attack: no report period, nor the difference of two, gives a session head count below the minimum (3)', async () => {
    const monday = await totals('2026-11-23', '2026-11-23');
    const both = await totals('2026-11-23', '2026-11-24');
    const tuesday = await totals('2026-11-24', '2026-11-24');
    const isolatedByDifference = both.learningHours - monday.learningHours;
    // What HR reads: one group, one session, and how many people were in it.
    expect({ tuesday, isolatedByDifference }).not.toMatchObject({ tuesday: { groupsActive: 1, sessionsHeld: 1, learningHours: 1 } });
    expect(isolatedByDifference === 0 || isolatedByDifference >= 3).toBe(true);
  });
});
