/**
 * "Volgende vraag" carried only the index it goes to. A press from a card that still showed
 * question 1 (a colleague's slow client, pressed while another member moved the group on twice)
 * arrived after the group reached question 3, and pulled the whole group back to question 2:
 * every member's card re-rendered on the earlier question. The step now names the question it
 * starts from, and moves nothing from a card the group has moved past. Found in review, stop 38.
 */
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

describe('a "Volgende" from a card the group has moved past', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('does not move the group back to an earlier question', async () => {
    const [anna, bram, cem] = MEMBERS;
    const g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    // Bram's card, rendered at question 1: its "Volgende vraag" says index 1.
    const bramsCard = (await g.press(bram!, 'session.refresh', g.ids())).value;
    const next = bramsCard.actions.find((a: any) => a.verb === 'session.goto' && a.data.index === 1); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(next).toBeDefined();
    // Anna moves the group on, twice.
    await g.goTo(anna!, 1);
    await g.goTo(anna!, 2);
    expect((await g.session()).currentIndex).toBe(2);
    // Bram's press from the card he still had arrives now.
    await g.press(bram!, 'session.goto', next.data);
    expect((await g.session()).currentIndex).toBe(2);
    expect(cardText(g.sharedCard())).toContain('▶ 3.');
    void cem;
  }, 60_000);
});
