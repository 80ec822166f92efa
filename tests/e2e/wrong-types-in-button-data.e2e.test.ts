import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Wrong types in the button's own data (not an input): a contribution whose questionId is
 * null, an array or an object. Whatever comes back must give a reason the person can see: a card
 * that says "see the note next to the field" must have such a note. The contribution's text was
 * lost and no note shown (the refusal named `questionId`, which no input shows). Found in review,
 * stop 37.
 */
describe('wrong types in a card button\'s data', () => {
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

  it.each([
    ['null', null],
    ['an array', [1]],
    ['an object', { id: 1 }],
    ['text', 'one'],
  ])('questionId as %s: the text kept and a visible reason', async (_n, questionId) => {
    const res = await g.press(MEMBERS[1]!, 'session.contribute', { ...g.ids(), questionId, text: 'Mijn bijdrage die ik niet kwijt wil' });
    const text = cardText(res.value);
    expect(text).toContain('Mijn bijdrage die ik niet kwijt wil');
    if (text.includes('see the note next to the field')) {
      // a reason must be on the card, not only the pointer to it
      const reasons = JSON.stringify(res.value).match(/"color":"Attention"/g) ?? [];
      expect(reasons.length).toBeGreaterThanOrEqual(2);
    }
    expect(text).toContain('the button sent something I cannot use');
    expect(await g.items('contribution')).toEqual([]);
  });

  /**
   * Found in review of stop 37's own change: that card offered "Try again" with the same wrong
   * data, which can only be refused the same way, next to words that say to use another card. It
   * now offers none.
   */
  it('offers no "Try again" that sends the same wrong data', async () => {
    const res = await g.press(MEMBERS[1]!, 'session.contribute', { ...g.ids(), questionId: null, text: 'Mijn bijdrage' });
    expect(cardText(res.value)).toContain('the button sent something I cannot use');
    expect(cardText(res.value)).toContain('Mijn bijdrage');
    expect(res.value.actions ?? []).toEqual([]);
  });
});
