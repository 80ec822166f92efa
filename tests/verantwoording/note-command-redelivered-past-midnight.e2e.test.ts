import { message, user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * "notitie ..." in the personal chat was keyed on its text and the day it was handled on. Teams
 * redelivers the same activity (same id, same timestamp) when the bot answered late: one that
 * straddled midnight was handled on the next day and stored the note a second time. The key takes
 * the day Teams stamped. Found in review, stop 34.
 */
describe('the note command redelivered just after midnight', () => {
  let t: TestApp;
  const notes = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'note'").fetchAll()).resources;

  // 23:59:30 in Amsterdam (22:59:30 UTC, winter time).
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T22:59:30Z');
  });
  afterAll(() => t.stop());

  it('stores one note for one message', async () => {
    const activity = { ...message(t.conversation('personal', 'a:personal-anna'), user('Anna'), 'notitie Vandaag veel geleerd over overdracht'), timestamp: '2026-11-23T22:59:30.000Z' };
    expect((await t.send(activity)).status).toBe(200);
    // Teams did not get its answer in time and sends the very same activity again, a minute later.
    t.clock.advanceMinutes(1);
    expect((await t.send(activity)).status).toBe(200);
    expect((await notes()).map((n) => n.text)).toEqual(['Vandaag veel geleerd over overdracht']);
  });
});
