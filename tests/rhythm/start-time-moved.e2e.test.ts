import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A group changes its start time on the morning of week 53's first day, to a time that has
 * already passed today. Before stop 31 the plan kept the week on 28-31 December: day 1 had no
 * start job, the week opened on Tuesday with day 1's agenda, and day 4 never came. Now the week
 * is planned again from tomorrow (Tuesday-Friday does not fit: Nieuwjaarsdag) and held whole on
 * 4-7 January.
 */
describe('start time moved to a moment already past on the first day of a week', () => {
  let t: TestApp;
  let g: GroupDriver;
  const save = (startTime: string) =>
    g.press(g.members[0]!, 'group.setup.save', {
      name: 'Team Zorg',
      members: g.members.map((m) => m.aadObjectId).join(','),
      days: '1,2,3,4',
      startTime,
      timeZone: 'Europe/Amsterdam',
      language: 'nl',
      weeks: '20',
    }, 'setup-card');
  beforeAll(async () => {
    t = await startTestApp({}, '2026-12-24T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    t.connector.roster = g.members;
    g.groupId = (await save('09:00')).value.actions[0].data.groupId;
  });
  afterAll(() => t.stop());

  it('attack: every session of week 1 opens on its own day with its own agenda (day 4 is not lost)', async () => {
    t.clock.set('2026-12-28T07:40:00Z'); // 08:40 in Amsterdam: the group moves its start to 08:30
    await save('08:30');
    const plan = (await t.store.container('sessions').item(`${g.groupId}_plan`, g.groupId).read()).resource;
    const opened: string[] = [];
    for (const date of ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07']) {
      for (const time of ['07:15', '07:30', '08:00']) {
        const before = t.connector.calls.length;
        if (`${date}T${time}:00Z` < '2026-12-28T07:41:00Z') continue;
        t.clock.set(`${date}T${time}:00Z`);
        await t.app.scheduler.runDue();
        for (const c of t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && c.activity.attachments?.[0]?.content?.refresh)) {
          opened.push(`${date} ${/week (\d+)/i.exec(cardText(c.activity.attachments[0].content))?.[1]}.${/dag (\d)/.exec(cardText(c.activity.attachments[0].content))?.[1]}`);
        }
      }
      t.clock.set(`${date}T10:00:00Z`);
      await t.app.scheduler.runDue();
    }
    expect(plan.weeks[0].dates).toEqual(['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07']);
    expect(opened.filter((o) => / 1\.\d$/.test(o))).toEqual(['2027-01-04 1.1', '2027-01-05 1.2', '2027-01-06 1.3', '2027-01-07 1.4']);
  });
});
