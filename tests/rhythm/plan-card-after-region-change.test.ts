import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { jobsOf, runAt, sessionDays } from './support';

/**
 * A group set up under HOLIDAY_REGION NL on Thu 15 April 2027 holds week 1 on 19-22 April;
 * Koningsdag (Tue 27 April) and Hemelvaart (Thu 6 May) put week 2 on 10-13 May, and Thursday's
 * start job schedules week 2's jobs there. The organisation then sets HOLIDAY_REGION to BE (a new
 * deploy on the same store), where 26-29 April is free. A member opens the plan card: that read
 * plans week 2 again (26 April) and stores it, and schedules the re-planned week's jobs, so week 2
 * starts by itself where the plan now has it.
 * Found in review, stop 39.
 */
describe('the plan card re-plans after a holiday region change, and schedules', () => {
  let first: TestApp;
  let second: TestApp | undefined;
  afterEach(async () => {
    await second?.stop();
    await first.stop();
  });

  it('after a member opens the plan card, week 2 still opens by itself at 09:00 on its planned first day', async () => {
    first = await startTestApp({ HOLIDAY_REGION: 'NL' }, '2027-04-15T12:00:00Z');
    const g = new GroupDriver(first, first.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    const planOf = async (t: TestApp) => ((await t.store.container('sessions').item(`${g.groupId}_plan`, g.groupId).read()).resource as { weeks: { week: number; dates: string[] }[] }).weeks;
    expect((await planOf(first)).slice(0, 2).map((w) => w.dates[0])).toEqual(['2027-04-19', '2027-05-10']);
    // Week 1 held by the rhythm, 09:00-10:00 Amsterdam (07:00-08:00 UTC in summer time).
    for (const day of ['19', '20', '21', '22']) {
      await runAt(first, `2027-04-${day}T07:00:00Z`);
      await runAt(first, `2027-04-${day}T08:00:00Z`);
    }
    expect(await sessionDays(first, g, 1)).toEqual([1, 2, 3, 4]);
    expect((await jobsOf(first, g.groupId)).some((j) => j.kind === 'session.start' && j.status === 'pending' && j.dueAt === '2027-05-10T07:00:00.000Z')).toBe(true);

    // The deploy ends the old instance's sending: it hands its tenants back (as a stopping instance
    // does), or the new instance's turns wait out the old one's 30-second tenant lease.
    await first.app.outbox.stop();
    second = await startTestApp({ HOLIDAY_REGION: 'BE' }, '2027-04-23T10:00:00Z', { cosmos: first.cosmos });
    await second.app.background.idle();
    const g2 = new GroupDriver(second, g.conv, g.members);
    g2.groupId = g.groupId;
    await g2.press(g.members[1]!, 'rhythm.plan.show', { groupId: g.groupId }, 'cycle-card');
    // Now 26 April (the current code stores it); wherever week 2 is, its first session opens by itself.
    const day1 = (await planOf(second)).find((w) => w.week === 2)!.dates[0]!;
    expect(['2027-04-26', '2027-05-10']).toContain(day1);
    await runAt(second, `${day1}T06:45:00Z`);
    await runAt(second, `${day1}T07:00:00Z`);
    await runAt(second, `${day1}T07:01:00Z`);
    expect({ day1, held: await sessionDays(second, g, 2) }).toEqual({ day1, held: [1] });
  });
});
