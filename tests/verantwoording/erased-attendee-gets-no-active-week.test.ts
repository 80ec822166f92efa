import { MEMBERS } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { eraseInChat, runDueJobs, trajectApp, trajectGroup } from './support';

/**
 * Found in review, stop 46. Bram checks in, then erases his data ("wis mijn gegevens") while the session is still
 * open; his presence becomes the erasure's anonymous marker (`erased-xxxxxxxx`). When the session
 * closes, the active-weeks job treats that marker as an attendee and writes an `activeWeek`
 * record into a personal partition named after it: a personal record of nobody, which no erasure,
 * export or retention ever reaches. The job should skip erased attendees' markers.
 */
describe('the active-weeks job after an attendee erased their data', () => {
  let t: TestApp;
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await trajectApp();
  }, 60_000);
  afterAll(() => t.stop());

  it('writes no personal record for the anonymous marker of an erased attendee', async () => {
    const g = await trajectGroup(t, '19:erased-attendee@thread.v2', [anna, bram, cem]);
    await g.checkIn(anna, 4);
    await g.checkIn(bram, 4);
    await eraseInChat(t, bram);

    const markers = (await t.store.container('sessions').items.query("SELECT c.memberId FROM c WHERE c.type = 'presence' AND STARTSWITH(c.memberId, 'erased-')").fetchAll()).resources;
    expect(markers).toHaveLength(1);

    await g.end();
    await runDueJobs(t);

    // Anna's week is recorded (the job ran) ...
    const annas = (await t.store.container('personal').items.query({ query: "SELECT c.week FROM c WHERE c.type = 'activeWeek' AND c.userId = @u", parameters: [{ name: '@u', value: anna.aadObjectId }] }).fetchAll()).resources;
    expect(annas).toHaveLength(1);
    // ... and nothing is written under the erased attendee's marker.
    const orphans = (await t.store.container('personal').items.query("SELECT c.type, c.userId, c.week FROM c WHERE STARTSWITH(c.userId, 'erased-')").fetchAll()).resources;
    expect(orphans).toEqual([]);
  }, 180_000);
});
