import { activeWeekId, weekOf } from '../../src/domain/verantwoording/active-weeks';
import { holdFirst, RequestKind } from '../support/cosmos-proxy';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { runDueJobs, sketchTraject, tabApi, trajectApp, trajectGroup } from './support';

/**
 * Stop 48 (a left-out of stop 47): a week whose every reason was taken away (time lowered back to
 * 0) is deleted, no longer kept emptied until the erasure. The delete races a session close that
 * adds its reason to the same record. Anna recorded 2 hours for a week in which she attended
 * nothing yet; then she attends a session of it, and as that session's active-weeks job runs she
 * lowers her hours back to 0 in the tab (the correction reads the record with time its only
 * reason, so it deletes it). Must hold, in both orders: the session's reason is never lost (the
 * week keeps counting, its record holds the session and no time); a week with no reason left has
 * no record.
 */
describe('an emptied active week is deleted under its ETag, never losing a session close at the same moment', () => {
  let t: TestApp;
  let round = 0;
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await trajectApp({ proxy: true });
    await sketchTraject(t, anna, 5);
  }, 60_000);
  afterAll(() => t.stop());

  type Api = Awaited<ReturnType<typeof tabApi>>;
  /** A week of a new group in which Anna recorded 2 hours, then (if `attends`) checked in to its session, which closed (its job not run yet). */
  async function weekWithTime(attends: boolean): Promise<{ g: GroupDriver; api: Api; cycle: { cycleId: string; timeRev: number }; recordPath: string }> {
    const g = await trajectGroup(t, `19:emptied-week-${round++}@thread.v2`, [anna, bram, cem]);
    const api = await tabApi(t, anna.aadObjectId);
    let cycle = (await api('GET', '')).json.cycles.find((c: { groupId: string }) => c.groupId === g.groupId);
    expect((await api('PUT', '/time', { groupId: g.groupId, cycleId: cycle.cycleId, hours: 2, rev: cycle.timeRev })).status).toBe(200);
    cycle = (await api('GET', '')).json.cycles.find((c: { groupId: string }) => c.groupId === g.groupId);
    await g.checkIn(attends ? anna : cem, 4);
    await g.end(bram);
    const week = weekOf(t.clock.now().toISOString(), 'Europe/Amsterdam');
    return { g, api, cycle, recordPath: `/docs/${activeWeekId(anna.aadObjectId, week)}` };
  }

  /** Holds the first request of `kind` on the record until `open()`; `held` settles when it arrived. */
  const holdFirstOf = (kind: RequestKind, recordPath: string) => holdFirst((req) => req.kind === kind && req.path.endsWith(recordPath));

  const storedRecord = async (recordPath: string) => {
    const { resource } = await t.store.container('personal').item(recordPath.replace('/docs/', ''), anna.aadObjectId).read();
    return resource ? { sessions: resource.sessions, timeRecorded: resource.timeRecorded } : undefined;
  };
  const refused = (kind: RequestKind) => t.proxy!.count((r) => r.kind === kind && r.container === 'personal' && r.status === 412);
  const count = async (api: Api) => (await api('GET', '')).json.trajectProgress.activeWeeks;

  it('without a session in the week, time lowered back to 0 deletes the week\'s record', async () => {
    const { g, api, cycle, recordPath } = await weekWithTime(false);
    await runDueJobs(t);
    expect(await storedRecord(recordPath)).toEqual({ sessions: [], timeRecorded: [cycle.cycleId] });
    const before = await count(api);
    expect((await api('PUT', '/time', { groupId: g.groupId, cycleId: cycle.cycleId, hours: 0, rev: cycle.timeRev })).status).toBe(200);
    expect(await storedRecord(recordPath)).toBeUndefined();
    expect(await count(api)).toBe(before - 1);
  }, 120_000);

  it('the session close writes while the correction\'s delete is on its way: the delete is refused, read again, and the week keeps the session', async () => {
    t.clock.advanceMinutes(7 * 24 * 60);
    const { g, api, cycle, recordPath } = await weekWithTime(true);
    const before = await count(api);
    const hold = holdFirstOf('delete', recordPath);
    t.proxy!.reset();
    await t.proxy!.withFaults(hold.rule, async () => {
      const correction = api('PUT', '/time', { groupId: g.groupId, cycleId: cycle.cycleId, hours: 0, rev: cycle.timeRev });
      // The correction read the record (time its only reason) and its delete waits; meanwhile the session's job adds the session.
      await Promise.race([hold.held, correction]);
      await runDueJobs(t);
      hold.open();
      expect((await correction).status).toBe(200);
    });
    // The held delete came too late (412); read again, the record had a reason left, so it was replaced without the time.
    expect(refused('delete')).toBe(1);
    expect(await storedRecord(recordPath)).toEqual({ sessions: [g.sessionId], timeRecorded: [] });
    expect(await count(api)).toBe(before);
  }, 120_000);

  it('the correction deletes while the session close\'s replace is on its way: the session\'s week is made anew', async () => {
    t.clock.advanceMinutes(7 * 24 * 60);
    const { g, api, cycle, recordPath } = await weekWithTime(true);
    const before = await count(api);
    const hold = holdFirstOf('replace', recordPath);
    await t.proxy!.withFaults(hold.rule, async () => {
      const job = runDueJobs(t);
      // The job read the record (time its only reason) and its replace waits; meanwhile Anna lowers her hours to 0: the record is deleted.
      await Promise.race([hold.held, job]);
      expect((await api('PUT', '/time', { groupId: g.groupId, cycleId: cycle.cycleId, hours: 0, rev: cycle.timeRev })).status).toBe(200);
      expect(await storedRecord(recordPath)).toBeUndefined();
      hold.open();
      await job;
    });
    expect(await storedRecord(recordPath)).toEqual({ sessions: [g.sessionId], timeRecorded: [] });
    expect(await count(api)).toBe(before);
  }, 120_000);
});
