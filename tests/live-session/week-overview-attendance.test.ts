import { TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The week overview (posted when day 4 closes) said "Aanwezig 0" for a week three members took
 * part in, because it counted day 4's session only, beside a week energy average made from day 1's
 * three check-ins. It counts everyone who was there on any day of the week, each once.
 * Found in review, stop 38.
 */
describe('the week overview counts who took part in the week', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('counts day 1 check-ins and day 4 presence, each member once', async () => {
    const four = ['Anna', 'Bram', 'Cem', 'Dewi'].map(user) as [TestUser, TestUser, TestUser, TestUser];
    const [anna, bram, cem] = four;
    const g = new GroupDriver(t, t.conversation('groupChat', '19:week-overview-attendance@thread.v2'), four);
    await g.setUp();
    await g.startCycle();
    for (let day = 1; day <= 4; day++) {
      await g.startSession(anna, `${g.groupId}_w1`);
      if (day === 1) for (const m of [anna, bram, cem]) await g.checkIn(m, 4);
      if (day === 4) await g.press(bram, 'session.present', g.ids());
      const before = t.connector.calls.length;
      await g.end(anna);
      await t.app.background.idle();
      if (day < 4) continue;
      const posted = t.connector.calls.slice(before).map((c) => c.activity?.attachments?.[0]?.content).filter(Boolean);
      const week = posted.find((c) => cardText(c).startsWith('Weekoverzicht'));
      expect(week).toBeDefined();
      expect(cardText(week)).toContain('Aanwezig (week)\n3');
      expect(cardText(week)).toContain('Energie bij de start (week)\ngemiddeld 4,0');
    }
  }, 120_000);
});
