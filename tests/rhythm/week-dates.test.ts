import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The reported bug: week 2, started right after week 1, showed week 1's dates again, because
 * each cycle took "the next four session days from today". The plan decides each week's dates.
 */
describe('each week keeps the dates the plan gave it', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z'); // Monday 09:00 in Amsterdam
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await g.setUp();
  });
  afterAll(() => t.stop());

  it('week 1 is this week, Monday to Thursday', async () => {
    const week1 = cardText((await g.startCycle(1)).value);
    expect(week1).toContain('ma 23 nov');
    expect(week1).toContain('do 26 nov');
  });

  it('week 2, started right after week 1, shows next week\'s dates, not week 1\'s again', async () => {
    t.clock.set('2026-11-23T09:30:00Z');
    const week2 = cardText((await g.startCycle(2)).value);
    expect(week2).toMatch(/week 2 van 20/);
    expect(week2).toContain('ma 30 nov');
    expect(week2).toContain('do 3 dec');
    expect(week2).not.toContain('23 nov');
    const stored = (await t.store.container('sessions').item(`${g.groupId}_w2`, g.groupId).read()).resource;
    expect(stored.sessionDates).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']);
  });
});
