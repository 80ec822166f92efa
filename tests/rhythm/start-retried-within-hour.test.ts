import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { sessionDays } from './support';

/**
 * Found in review of stop 37: week 1's start job claims the week, then opening it fails once (the group's write gets
 * 503s from Cosmos DB for a moment). The job runs again 20 s later, well within the session's
 * hour: it should open week 1 on its day. It did not: the failed run planned the week again (its
 * start time being past) on the next day, and the retry found no slot. Set up Thursday 19 Nov
 * 2026: week 1 is Monday 23 Nov 09:00.
 */
describe('a start job whose openWeek failed once after its claim', () => {
  let t: TestApp;
  let g: GroupDriver;
  const plan = async () => (await t.store.container('sessions').item(`${g.groupId}_plan`, g.groupId).read()).resource as { weeks: { week: number; dates: string[] }[] };

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z', { proxy: true });
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
  }, 60_000);
  afterAll(() => t.stop());

  it('the retry within the hour opens week 1 on 23 Nov', async () => {
    t.clock.set('2026-11-23T08:00:15Z');
    let failing = true;
    t.proxy!.faults = (req) => (failing && req.kind === 'replace' && req.path.endsWith(`/docs/${g.groupId}`) ? { kind: 'status', status: 503 } : undefined);
    await t.app.scheduler.runDue();
    failing = false;
    t.proxy!.faults = undefined;
    t.clock.set('2026-11-23T08:01:00Z');
    await t.app.scheduler.runDue();
    await t.app.background.idle();
    expect({ opened: (await sessionDays(t, g, 1)).length > 0, weekOne: (await plan()).weeks[0]!.dates[0] }).toEqual({ opened: true, weekOne: '2026-11-23' });
  });
});
