import { activeWeekId, weekOf } from '../../src/domain/verantwoording/active-weeks';
import { holdFirst } from '../support/cosmos-proxy';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { runDueJobs, sketchTraject, tabApi, trajectApp, trajectGroup } from './support';

/**
 * Stop 47: time lowered back to 0 takes its reason off the week's active-week record, and a
 * session close adds its own (two writers on one record). Anna recorded 2 hours for a week in
 * which she attended nothing yet; then she attends a session of it, and as that session's
 * active-weeks job runs she lowers her hours back to 0 in the tab. Whichever of the two writes
 * the record first, the other's write was computed from the record as it was before: it must be
 * refused under its ETag and made again on the newer record, never land over it. Must hold, in
 * both orders: the record keeps the session (the week still counts) and holds no time reason.
 */
describe('time lowered back to 0 while a session of its week closes', () => {
  let t: TestApp;
  let round = 0;
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await trajectApp({ proxy: true });
    await sketchTraject(t, anna, 5);
  }, 60_000);
  afterAll(() => t.stop());

  /** A week of a new group in which Anna recorded 2 hours, then checked in to its session, which closed (its job not run yet). */
  async function closedWithTimeRecorded(): Promise<{ g: GroupDriver; api: Awaited<ReturnType<typeof tabApi>>; cycle: { cycleId: string; timeRev: number }; recordPath: string }> {
    const g = await trajectGroup(t, `19:time-races-close-${round++}@thread.v2`, [anna, bram, cem]);
    const api = await tabApi(t, anna.aadObjectId);
    let cycle = (await api('GET', '')).json.cycles.find((c: { groupId: string }) => c.groupId === g.groupId);
    expect((await api('PUT', '/time', { groupId: g.groupId, cycleId: cycle.cycleId, hours: 2, rev: cycle.timeRev })).status).toBe(200);
    cycle = (await api('GET', '')).json.cycles.find((c: { groupId: string }) => c.groupId === g.groupId);
    await g.checkIn(anna, 4);
    await g.end(bram);
    const week = weekOf(t.clock.now().toISOString(), 'Europe/Amsterdam');
    return { g, api, cycle, recordPath: `/docs/${activeWeekId(anna.aadObjectId, week)}` };
  }

  /** Holds the first write (replace, or since stop 48 the delete of a week with no reason left) of the record until `open()`; `held` settles when it arrived. */
  const holdFirstWriteOf = (recordPath: string) => holdFirst((req) => (req.kind === 'replace' || req.kind === 'delete') && req.path.endsWith(recordPath));

  const storedRecord = async (recordPath: string) => {
    const { resource } = await t.store.container('personal').item(recordPath.replace('/docs/', ''), anna.aadObjectId).read();
    return { sessions: resource?.sessions, timeRecorded: resource?.timeRecorded };
  };
  /** Writes of the record that came too late: refused under their ETag (412), or finding it deleted meanwhile (404). */
  const refusedReplaces = () => t.proxy!.count((r) => (r.kind === 'replace' || r.kind === 'delete') && r.container === 'personal' && (r.status === 412 || r.status === 404));
  const count = async (api: Awaited<ReturnType<typeof tabApi>>) => (await api('GET', '')).json.trajectProgress.activeWeeks;

  it('the session close writes while the correction\'s replace is on its way: both reasons are applied', async () => {
    const { g, api, cycle, recordPath } = await closedWithTimeRecorded();
    const hold = holdFirstWriteOf(recordPath);
    t.proxy!.reset();
    await t.proxy!.withFaults(hold.rule, async () => {
      const correction = api('PUT', '/time', { groupId: g.groupId, cycleId: cycle.cycleId, hours: 0, rev: cycle.timeRev });
      // The correction read the record (time its only reason) and its replace waits; meanwhile the session's job writes.
      await Promise.race([hold.held, correction]);
      await runDueJobs(t);
      hold.open();
      expect((await correction).status).toBe(200);
    });
    // The held write (since stop 48 a delete: time was the only reason it read) came too late (412), and was made again on the newer record.
    expect(refusedReplaces()).toBe(1);
    expect(await storedRecord(recordPath)).toEqual({ sessions: [g.sessionId], timeRecorded: [] });
    expect(await count(api)).toBe(1);
  }, 120_000);

  it('the correction writes while the session close\'s replace is on its way: both reasons are applied', async () => {
    t.clock.advanceMinutes(7 * 24 * 60);
    const { g, api, cycle, recordPath } = await closedWithTimeRecorded();
    const hold = holdFirstWriteOf(recordPath);
    t.proxy!.reset();
    await t.proxy!.withFaults(hold.rule, async () => {
      const job = runDueJobs(t);
      // The job read the record (time its only reason) and its replace waits; meanwhile Anna lowers her hours to 0.
      await Promise.race([hold.held, job]);
      expect((await api('PUT', '/time', { groupId: g.groupId, cycleId: cycle.cycleId, hours: 0, rev: cycle.timeRev })).status).toBe(200);
      hold.open();
      await job;
    });
    // The held replace came too late (the correction deleted the week, its last reason gone: 404), and the week was made anew.
    expect(refusedReplaces()).toBe(1);
    expect(await storedRecord(recordPath)).toEqual({ sessions: [g.sessionId], timeRecorded: [] });
    expect(await count(api)).toBe(2);
  }, 120_000);
});
