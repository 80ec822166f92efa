// A guard (held when written, in review of stop 62); the count raised by one group read in the fix of stop 62.
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { settingsRaceGroup } from './support';

/**
 * A skip or move on the path no settings save raced: the group read, the plan's read, its guarded
 * write (a read and a replace), and one read of the group after the write, which finds a settings
 * save that came in meanwhile (tests/rhythm/skip-racing-a-start-time-save-keeps-the-new-hour.test.ts);
 * the rest is the jobs. Set up Thu 19 Nov 2026.
 */
describe('a skip or move with no settings save in between', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna] = MEMBERS as [typeof MEMBERS[0]];

  beforeEach(async () => ({ t, g } = await settingsRaceGroup()));
  afterEach(() => t.stop());

  /** The press's own requests on the group and its plan (the outbox sender's run beside it). */
  const groupAndPlan = () =>
    t.proxy!.seen.filter((r) => r.kind !== 'metadata' && r.container === 'sessions').map((r) => `${r.kind}`);
  const count = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x]: (m[x] ?? 0) + 1 }), {});

  it('skip week 3: the group read twice, no cross-partition query', async () => {
    t.proxy!.reset();
    await g.press(anna, 'rhythm.skip', { groupId: g.groupId, week: 3, from: '2026-12-07' }, 'cycle-card', 'act-skip');
    const seen = groupAndPlan();
    expect(t.proxy!.seen.filter((r) => r.crossPartition)).toEqual([]);
    // The group before and after the write, the plan as read and under its ETag, its one write.
    expect(count(seen)).toEqual({ pointRead: 4, replace: 1 });
  });

  it('move week 3: the group read twice, no cross-partition query', async () => {
    t.proxy!.reset();
    await g.press(anna, 'rhythm.move', { groupId: g.groupId, week: 3, from: '2026-12-07', start: '2026-12-08' }, 'cycle-card', 'act-move');
    const seen = groupAndPlan();
    expect(t.proxy!.seen.filter((r) => r.crossPartition)).toEqual([]);
    expect(count(seen)).toEqual({ pointRead: 4, replace: 1 });
  });
});
