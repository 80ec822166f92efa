import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { jobsOf, sessionCardsPosted } from './support';

/**
 * New settings whose jobs could not be written (the jobs container answered 503): the settings
 * were stored, the member saw that something went wrong and saved again, unchanged. That save found
 * nothing changed and scheduled nothing: week 1 never started by itself, and nothing said so.
 * Every save schedules the rhythm now (idempotent: the jobs' ids are deterministic). Week 1 is
 * Mon 23 - Thu 26 Nov 2026 at 09:00 Amsterdam (08:00 UTC). Found in review, stop 36.
 */
describe('settings saved again after their jobs could not be written', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0]];
  const stored = async (id: string) => (await t.store.container('sessions').item(id, g.groupId).read()).resource;
  const pendingStarts = async () => (await jobsOf(t, g.groupId)).filter((j) => j.kind === 'session.start' && j.status === 'pending').map((j) => j.dueAt).sort();
  const save = (startTime: string) =>
    g.press(anna, 'group.setup.save', { name: 'Team Zorg', members: g.members.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime, timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20' }, 'setup-card');

  beforeEach(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
  });
  afterEach(() => t.stop());

  it('start time moved to 10:00 but writing its jobs failed; the member saves again: week 1 still starts by itself at 10:00', async () => {
    expect(await pendingStarts()).toEqual(['2026-11-23T08:00:00.000Z', '2026-11-24T08:00:00.000Z', '2026-11-25T08:00:00.000Z', '2026-11-26T08:00:00.000Z']);
    t.proxy!.faults = (req) => (req.container === 'jobs' && (req.kind === 'replace' || req.kind === 'create') ? { kind: 'status', status: 503 } : undefined);
    const first = await save('10:00');
    t.proxy!.faults = undefined;
    const firstAnswer = cardText(first.value);
    // The member sees something went wrong and presses Save again with the same form.
    await save('10:00');
    expect((await stored(g.groupId)).schedule.startTime).toBe('10:00');
    // The 10:00 jobs are there (the 09:00 ones the failed save could not cancel may be too: they
    // find the start time changed when they run, and open nothing).
    expect({ firstAnswer: firstAnswer.slice(0, 80), pending: await pendingStarts() }).toEqual({
      firstAnswer: firstAnswer.slice(0, 80),
      pending: expect.arrayContaining(['2026-11-23T09:00:00.000Z', '2026-11-24T09:00:00.000Z', '2026-11-25T09:00:00.000Z', '2026-11-26T09:00:00.000Z']),
    });
    // And the week really opens at 10:00 Amsterdam on Monday, once, and not at 09:00.
    const before = t.connector.calls.length;
    t.clock.set('2026-11-23T08:00:00Z');
    await t.app.scheduler.runDue();
    expect(sessionCardsPosted(t, g, before)).toHaveLength(0);
    for (const time of ['08:45', '09:00']) {
      t.clock.set(`2026-11-23T${time}:00Z`);
      await t.app.scheduler.runDue();
    }
    expect(sessionCardsPosted(t, g, before)).toHaveLength(1);
  });
});
