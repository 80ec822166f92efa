import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review of stop 37's own change: a button's own data of the wrong kind now comes back as the fallback
 * card "the button sent something I cannot use ... use the card in the chat". That card still
 * offers "Try again", whose data is the same wrong data: pressing it can only be refused the same
 * way, a dead end next to words that say to use another card. It now offers none.
 */
describe('the fallback card for wrong button data', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await g.setUp('en');
    await g.startCycle();
    await g.startSession();
  });
  afterAll(() => t.stop());

  it('offers no "Try again" that sends the same wrong data', async () => {
    const res = await g.press(MEMBERS[1]!, 'session.contribute', { ...g.ids(), questionId: null, text: 'Mijn bijdrage' });
    expect(cardText(res.value)).toContain('the button sent something I cannot use');
    expect(cardText(res.value)).toContain('Mijn bijdrage');
    expect(res.value.actions ?? []).toEqual([]);
  });
});
