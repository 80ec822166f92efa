import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { weekTwoLookingBack } from './support';

/**
 * Found in review, stop 41.
 *
 * DOMAIN: "The next cycle opens by asking what became of the last first step (transfer to
 * practice)." The question was on the card of day 1 only. Week 2's first session opens and nobody
 * comes (a holiday, sick leave): the time box closes it unattended. Its questions come first on
 * day 2, but the look back did not: for the rest of the week nobody was asked what became of
 * "Tafel neerzetten", and HR's report kept it as "not looked back" for good.
 * Must hold: until the group told it, the week's next session still asks.
 */
describe('the look back on last week\'s first step after an unattended day 1', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  });
  afterAll(() => t.stop());

  const at = async (iso: string) => {
    t.clock.set(iso);
    await t.app.scheduler.runDue();
    await t.app.background.idle();
  };

  it('is still asked on day 2 when day 1 passed without anyone telling it', async () => {
    const [anna, bram] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0]];
    const g = await weekTwoLookingBack(t, '19:look-back-day-two@thread.v2');
    const dayOne = g.sessionId;
    expect(cardText((await g.press(bram, 'session.refresh', g.ids())).value)).toContain('Tafel neerzetten');

    // Nobody comes: the time box warns and closes the session.
    await at('2026-11-23T08:55:00Z');
    await at('2026-11-23T09:05:00Z');
    await at('2026-11-23T09:10:00Z');
    expect((await t.store.container('sessions').item(dayOne, g.groupId).read()).resource.status).toBe('closed');

    await g.startSession(anna, `${g.groupId}_w2`);
    expect(g.sessionId).not.toBe(dayOne);
    const dayTwo = (await g.press(bram, 'session.refresh', g.ids())).value;
    expect((await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource.firstStepOutcome).toBeUndefined();
    expect(cardText(dayTwo)).toContain('Tafel neerzetten');
  }, 60_000);
});
