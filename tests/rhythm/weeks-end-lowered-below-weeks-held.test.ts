import { message } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt } from './support';

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
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('invites each member to look back once the plan ends before the weeks held', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:weeks-lowered-below@thread.v2'), MEMBERS.slice(0, 4));
    await g.weekOneToDayFour('20');
    await g.end(anna);
    await runAt(t, t.clock.now().toISOString());
    // Week 2, started by hand on the next Monday and worked through as week 1 was.
    t.clock.set('2026-11-30T08:30:00Z');
    const [a, b, c, d] = g.members as [typeof anna, typeof anna, typeof anna, typeof anna];
    await g.startCycle(2);
    await g.press(a, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w2`, day1: '1,2,3,4,5,6,7', day2: '8', day3: '9', day4: '10' }, 'cycle-card');
    await g.startSession(a, `${g.groupId}_w2`);
    for (const m of g.members) await g.checkIn(m, 4);
    for (const [i, text] of ['Overdracht', 'Info', 'Tijd', 'Traag', 'Momenten', 'Tafel'].entries()) {
      await g.goTo(a, i);
      await g.contribute(a, i + 1, text);
    }
    await g.goTo(a, 6);
    for (const who of [a, b, c]) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
    await g.press(d, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' });
    await g.end(a);
    for (let day = 2; day <= 4; day++) {
      t.clock.advanceMinutes(24 * 60);
      await g.startSession(a, `${g.groupId}_w2`);
      if (day === 2) await g.contribute(b, 8, 'Minder stress');
      await g.end(a);
    }
    await runAt(t, t.clock.now().toISOString());
    const w2 = (await t.store.container('sessions').items.query({ query: "SELECT c.day, c.status FROM c WHERE c.type = 'session' AND c.cycleId = @c", parameters: [{ name: '@c', value: `${g.groupId}_w2` }] }).fetchAll()).resources;
    expect({ sessions: w2.length, completed: !!(await t.store.container('sessions').item(`${g.groupId}_w2`, g.groupId).read()).resource?.completedAt }).toEqual({ sessions: 4, completed: true });
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
