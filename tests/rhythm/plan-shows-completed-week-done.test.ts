import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runAt } from './support';

/**
 * Found in review, stop 45. A group completes week 1 on Thursday (day 4 closed, the week marked
 * complete). On Friday a member opens the plan to look at the coming weeks: it listed week 1 as
 * "bezig" (in progress), although the cycle card already offers week 2 (the card marked only weeks
 * before the last started one as done). What must hold: a week whose last day closed is "gedaan"
 * on the plan, also while no next week has started.
 */
describe('the plan card after the week is complete', () => {
  let t: TestApp;
  const [anna] = MEMBERS as [typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('shows week 1 as done, not in progress', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:plan-completed-week@thread.v2'), MEMBERS.slice(0, 4));
    await g.weekOneToDayFour('20');
    await g.end(anna);
    await runAt(t, t.clock.now().toISOString());
    expect((await t.store.container('sessions').item(`${g.groupId}_w1`, g.groupId).read()).resource.completedAt).toBeDefined();

    t.clock.advanceMinutes(24 * 60);
    const res = await g.press(anna, 'rhythm.plan.show', { groupId: g.groupId }, 'cycle-card');
    const week1 = cardText(res.value).split('\n').filter((line) => /^Week 1\b/.test(line) || /– do 26 nov/.test(line));
    expect(week1.join(' | ')).not.toContain('bezig');
    expect(week1.join(' | ')).toContain('gedaan');
  }, 180_000);
});
