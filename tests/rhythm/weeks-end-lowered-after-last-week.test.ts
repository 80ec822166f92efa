import { message } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt } from './support';

/**
 * Found in review, stop 43. A group planned 20 weeks. After completing week 1 it decides that this was it and lowers
 * its planned weeks to 1 in the group settings. Its planned weeks are now complete (the next week
 * is named "week 2, after the planned week"), but nobody is ever invited to look back: the
 * invitation is only scheduled at the close of a day 4 whose week number equals the plan at that
 * moment, and a settings save that makes an already completed week the plan's last scheduled
 * nothing. Now that save invites each member once.
 */
describe('a group that lowers its planned weeks to the weeks it already completed', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('invites each member to look back once the plan ends with the week just completed', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:weeks-end-lowered@thread.v2'), [anna, bram, cem, dewi]);
    await g.weekOneToDayFour('20');
    await g.end(anna);
    await runAt(t, t.clock.now().toISOString());
    expect((await t.store.container('sessions').item(`${g.groupId}_w1`, g.groupId).read()).resource.completedAt).toBeDefined();

    // Thursday afternoon: "this was our plan": the group sets its planned weeks to 1.
    t.clock.advanceMinutes(120);
    await g.press(anna, 'group.setup.save', { name: 'Team Zorg', members: g.members.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '1' }, 'setup-card');
    t.clock.advanceMinutes(1);
    await runAt(t, t.clock.now().toISOString());
    const before = t.connector.calls.length;
    await t.send(message(g.conv, anna, 'status'));
    const shown = t.connector.calls.slice(before).map((c) => cardText(c.activity.attachments?.[0]?.content ?? {})).join('\n');
    expect(shown).toContain('Week 2, na de geplande week');

    const invited = t.connector
      .cards((c) => c.method === 'POST')
      .filter(({ card }) => JSON.stringify(card).includes('verantwoording.note.add') && /Terugblik/.test(cardText(card))).length;
    expect(invited).toBe(4);
  }, 180_000);
});
