import { activeWeekId, weekOf } from '../../src/domain/verantwoording/active-weeks';
import { holdFirst } from '../support/cosmos-proxy';
import { MEMBERS } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { eraseInChat, runDueJobs, sketchTraject, tabApi, trajectApp, trajectGroup } from './support';

/**
 * Stop 48 (found by the adversary review: a session close whose replace lands after the delete,
 * during an erasure). Anna has a Prof-traject and recorded 2 hours for a week; she attends a
 * session of it. The session's active-weeks job reads her record of the week and its replace is
 * held; meanwhile Anna erases her data ("wis mijn gegevens"), which runs to its end (its ticket
 * deleted last). Then the held replace lands on nothing (404). Before the fix, addReasons took a
 * 404 for "a correction deleted it" unless the erasure was *unfinished*, so it made the week anew
 * in her erased partition. Now a week is made anew only for someone still a member of the group
 * (an erasure takes them off it first). Must hold: after her erasure, her personal partition holds
 * nothing of hers. (The legit remake, a member whose correction emptied the week, is in
 * emptied-week-delete-races-session-close.test.ts.)
 */
describe('a session close racing an erasure writes nothing into the erased partition', () => {
  let t: TestApp;
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await trajectApp({ proxy: true });
    await sketchTraject(t, anna, 5);
  }, 60_000);
  afterAll(() => t.stop());

  it('the held replace of the session job, landing after the finished erasure, does not make her week anew', async () => {
    const g = await trajectGroup(t, '19:probe-erasure-race@thread.v2', [anna, bram, cem]);
    const api = await tabApi(t, anna.aadObjectId);
    const cycle = (await api('GET', '')).json.cycles.find((c: { groupId: string }) => c.groupId === g.groupId);
    expect((await api('PUT', '/time', { groupId: g.groupId, cycleId: cycle.cycleId, hours: 2, rev: cycle.timeRev })).status).toBe(200);
    await g.checkIn(anna, 4);
    await g.end(bram);
    const week = weekOf(t.clock.now().toISOString(), 'Europe/Amsterdam');
    const recordId = activeWeekId(anna.aadObjectId, week);
    const annas = async () => (await t.store.container('personal').items.query({ query: 'SELECT c.id, c.type FROM c WHERE c.userId = @u', parameters: [{ name: '@u', value: anna.aadObjectId }] }).fetchAll()).resources;
    expect((await annas()).map((d) => d.id)).toContain(recordId);

    const hold = holdFirst((req) => req.kind === 'replace' && req.path.endsWith(`/docs/${recordId}`));
    await t.proxy!.withFaults(hold.rule, async () => {
      const job = runDueJobs(t);
      let reached = false;
      await Promise.race([hold.held.then(() => (reached = true)), job]);
      // The job read her record and its replace is the one held (not a job that finished without it).
      expect(reached).toBe(true);
      // Her erasure runs to its end while the job's replace waits.
      await eraseInChat(t, anna);
      expect(await annas()).toEqual([]);
      hold.open();
      await job;
    });
    await runDueJobs(t);
    expect(await annas()).toEqual([]);
  }, 180_000);
});
