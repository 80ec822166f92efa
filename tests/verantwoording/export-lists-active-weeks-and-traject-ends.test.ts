import { MEMBERS } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { eraseInChat, lookBacksOf, runDueJobs, sketchTraject, tabApi, trajectApp, trajectGroup } from './support';

/**
 * Found in review, stop 47 (a left-out of stop 46). Anna's Prof-traject of one active week ends
 * with the session she attends: the look-back card is queued and a `trajectEnd` mark in her own
 * partition keeps that (its planned weeks, when it was queued). Her export ("mijn gegevens")
 * listed her active weeks as bare week names and left the marks out: documents of hers the app
 * keeps, which she did not get to see. Must hold: the export lists every active-week record (the
 * week, why it counts) and every trajectEnd mark; a week whose time was lowered back to 0 has no
 * record left to list (stop 48: deleted, no longer kept emptied); her erasure deletes both kinds.
 */
describe('the export lists her active-week records and the marks of her Prof-traject\'s ends', () => {
  let t: TestApp;
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await trajectApp();
  }, 60_000);
  afterAll(() => t.stop());

  const storedOfAnna = async (type: string) =>
    (await t.store.container('personal').items.query({ query: 'SELECT * FROM c WHERE c.type = @type AND c.userId = @u', parameters: [{ name: '@type', value: type }, { name: '@u', value: anna.aadObjectId }] }).fetchAll()).resources;

  it('lists them in the export, and the erasure deletes them', async () => {
    await sketchTraject(t, anna, 1);
    const attended = await trajectGroup(t, '19:export-ends-1@thread.v2', [anna, bram, cem]);
    await attended.checkIn(anna, 4);
    await attended.end();
    await runDueJobs(t);
    expect(lookBacksOf(t, anna)).toHaveLength(1);

    // A week later: 2 hours recorded for a week she attended nothing in, then lowered back to 0.
    t.clock.advanceMinutes(7 * 24 * 60);
    const other = await trajectGroup(t, '19:export-ends-2@thread.v2', [anna, bram, cem]);
    const api = await tabApi(t, anna.aadObjectId);
    const cycle = (await api('GET', '')).json.cycles.find((c: { groupId: string }) => c.groupId === other.groupId);
    expect((await api('PUT', '/time', { groupId: other.groupId, cycleId: cycle.cycleId, hours: 2, rev: cycle.timeRev })).status).toBe(200);
    expect((await api('PUT', '/time', { groupId: other.groupId, cycleId: cycle.cycleId, hours: 0, rev: cycle.timeRev + 1 })).status).toBe(200);

    const exported = (await api('GET', '/export')).json;
    const marks = await storedOfAnna('trajectEnd');
    expect(marks).toHaveLength(1);
    expect(exported.trajectEnds).toEqual([{ plannedWeeks: 1, queuedAt: marks[0].queuedAt, createdAt: marks[0].createdAt }]);
    expect(exported.activeWeekRecords).toEqual([
      { week: '2026-W48', sessions: [attended.sessionId], timeRecorded: [], recordedAt: expect.any(String) },
    ]);
    expect(exported.activeWeekRecords).toHaveLength((await storedOfAnna('activeWeek')).length);
    // As her Prof-traject counts them: the week whose time went back to 0 no longer.
    expect(exported.activeWeeks).toEqual(['2026-W48']);

    await eraseInChat(t, anna);
    expect({ activeWeeks: await storedOfAnna('activeWeek'), trajectEnds: await storedOfAnna('trajectEnd') }).toEqual({ activeWeeks: [], trajectEnds: [] });
  }, 180_000);
});
