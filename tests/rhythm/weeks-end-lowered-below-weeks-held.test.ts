import { message } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { holdWeek, runAt } from './support';

/**
 * Found in review, stop 45. A group planned 20 weeks and has completed two. It decides "this was
 * it" and sets its planned weeks to 1 (below the weeks it held: the form allows 1-52). The app then
 * names its next week "week 3, after the planned week", so its planned weeks are over; but nobody
 * was ever invited to look back: only planned weeks equal to the weeks started counted, and no week
 * will ever again be the plan's last. What must hold: lowering below the weeks held, with the last
 * week complete, invites each member once, as lowering to exactly the week just completed does
 * (weeks-end-lowered-after-last-week.test.ts). A week under way is a known gap.
 */
describe('planned weeks lowered below the weeks already completed', () => {
  let t: TestApp;
  const [anna] = MEMBERS as [typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  });
  afterAll(() => t.stop());

  it('invites each member to look back once the plan ends before the weeks held', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:weeks-lowered-below@thread.v2'), MEMBERS.slice(0, 4));
    await g.weekOneToDayFour('20');
    await g.end(anna);
    await runAt(t, t.clock.now().toISOString());
    // Week 2, started by hand on the next Monday and worked through as week 1 was.
    expect({ completed: await holdWeek(g, 2, '2026-11-30T08:30:00Z') }).toEqual({ completed: true });
    const w2 = (await t.store.container('sessions').items.query({ query: "SELECT c.day, c.status FROM c WHERE c.type = 'session' AND c.cycleId = @c", parameters: [{ name: '@c', value: `${g.groupId}_w2` }] }).fetchAll()).resources;
    expect(w2).toHaveLength(4);
    t.clock.advanceMinutes(120);

    // "This was it": planned weeks set to 1.
    await g.press(anna, 'group.setup.save', { name: 'Team Zorg', members: g.members.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '1' }, 'setup-card');
    t.clock.advanceMinutes(1);
    await runAt(t, t.clock.now().toISOString());
    const before = t.connector.calls.length;
    await t.send(message(g.conv, anna, 'status'));
    const shown = t.connector.calls.slice(before).map((c) => cardText(c.activity.attachments?.[0]?.content ?? {})).join('\n');
    // The app itself says the planned weeks are behind the group.
    expect(shown).toContain('Week 3, na de geplande week');

    const invited = t.connector
      .cards((c) => c.method === 'POST')
      .filter(({ card }) => JSON.stringify(card).includes('verantwoording.note.add') && /Terugblik/.test(cardText(card))).length;
    expect(invited).toBe(4);
  }, 240_000);
});
