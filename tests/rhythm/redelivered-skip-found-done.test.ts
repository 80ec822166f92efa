import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Anna and Bram press "skip week 2" on the same confirmation card at once. Bram's skip goes
 * through; Anna's finds the week skipped already and changes nothing, but its key is kept with the
 * plan. Cem then moves week 2 back. Teams delivers Anna's press again (same activity id): it finds
 * its key and changes nothing, so week 2 stays where Cem put it.
 * Found in review, stop 39.
 */
describe('a redelivered skip that changed nothing the first time', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  const plan = async () => (await t.store.container('sessions').item(`${g.groupId}_plan`, g.groupId).read()).resource as { weeks: { week: number; dates: string[] }[]; skipped: string[] };

  afterEach(() => t.stop());

  it('Anna\'s no-op skip, delivered again after Cem moved week 2 back, leaves week 2 where Cem put it', async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    const skip = { groupId: g.groupId, week: 2, from: '2026-11-30' };
    await g.press(bram, 'rhythm.skip', skip, 'cycle-card', 'activity-skip-bram');
    expect((await plan()).weeks[1]!.dates[0]).toBe('2026-12-07');
    await g.press(anna, 'rhythm.skip', skip, 'cycle-card', 'activity-skip-anna'); // found done: nothing changes
    expect((await plan()).weeks[1]!.dates[0]).toBe('2026-12-07');
    await g.press(cem, 'rhythm.move', { groupId: g.groupId, week: 2, from: '2026-12-07', start: '2026-11-30' }, 'cycle-card', 'activity-move-cem');
    expect((await plan()).weeks[1]!.dates[0]).toBe('2026-11-30');
    await g.press(anna, 'rhythm.skip', skip, 'cycle-card', 'activity-skip-anna'); // the same activity, again
    expect((await plan()).weeks[1]!.dates[0]).toBe('2026-11-30');
  });
});
