import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A member opens the plan card in the seconds between week 1's first start time and the moment
 * the scheduler runs its start job. Reading the plan must not plan the week again: a read that
 * moved it (and scheduled nothing) left the start job without its slot, and the rhythm stopped
 * for good (no session that week or after). Found in review, stop 32.
 */
describe('the plan card opened right after a start time', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna] = MEMBERS as [typeof MEMBERS[0]];
  const stored = async (id: string) => (await t.store.container('sessions').item(id, g.groupId).read()).resource;
  const sessionDays = async (week: number) =>
    ((await t.store.container('sessions').items.query({ query: "SELECT c.day FROM c WHERE c.type = 'session' AND c.cycleId = @c", parameters: [{ name: '@c', value: `${g.groupId}_w${week}` }] }).fetchAll()).resources as { day: number }[])
      .map((s) => s.day)
      .sort();
  const at = async (iso: string) => {
    t.clock.set(iso);
    await t.app.scheduler.runDue();
    await t.app.background.idle();
  };

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z'); // Thursday; week 1 is 23-26 Nov at 09:00 Amsterdam (08:00Z)
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
  });
  afterAll(() => t.stop());

  it('week 1 is still held when the plan card is opened 30 seconds after its first start time, before the start job ran', async () => {
    const before = await stored(`${g.groupId}_plan`);
    expect(before.weeks[0].dates[0]).toBe('2026-11-23');
    t.clock.set('2026-11-23T08:00:30Z');
    await g.press(anna, 'rhythm.plan.show', { groupId: g.groupId }, 'cycle-card');
    // The scheduler runs the due start job, then the rest of this week and next.
    await t.app.scheduler.runDue();
    await t.app.background.idle();
    for (const date of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']) {
      for (const time of ['07:45', '08:00', '08:01', '09:05']) if (`${date}T${time}:00Z` > '2026-11-23T08:00:30Z') await at(`${date}T${time}:00Z`);
    }
    expect({ started: (await stored(g.groupId)).cyclesStarted, days: await sessionDays(1) }).toEqual({ started: expect.any(Number), days: [1, 2, 3, 4] });
  });
});
