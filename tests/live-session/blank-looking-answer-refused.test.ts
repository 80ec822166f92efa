import { TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 46. A text of only characters that take no room on a screen looks empty,
 * so it counts as empty (src/domain/shared/text.ts). The rule knew the zero-width and direction
 * characters of U+200B-U+200F, but not others that show nothing: the Braille blank U+2800, the
 * Hangul fillers U+3164, U+115F/U+1160 and U+FFA0 (the usual "invisible name" characters), the
 * combining grapheme joiner U+034F, and the Arabic letter mark U+061C. Anna sent each as the group's
 * answer to question 1 and each was stored as hers: the question showed as answered (so it did not
 * carry over), and the AI would draft from it. Must hold: each is refused as required, as U+200B
 * alone is, and nothing is stored.
 */
describe('an answer that only looks empty', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('is refused like an empty one, and stores nothing', async () => {
    const three = ['Anna', 'Bram', 'Cem'].map(user) as [TestUser, TestUser, TestUser];
    const [anna] = three;
    const g = new GroupDriver(t, t.conversation('groupChat', '19:probe-blank-answer@thread.v2'), three);
    await g.setUp();
    await g.startCycle();
    await g.startSession();

    // The rule as it stands: a zero-width space alone is refused and stores nothing.
    await g.contribute(anna, 1, '\u200B');
    expect(await g.items('contribution')).toHaveLength(0);

    const looksEmpty = { braille: '\u2800', hangulFiller: '\u3164', hangulChoseong: '\u115F\u1160', halfwidthFiller: '\uFFA0', graphemeJoiner: '\u034F', arabicLetterMark: '\u061C' };
    const stored: string[] = [];
    for (const [name, text] of Object.entries(looksEmpty)) {
      const before = (await g.items('contribution')).length;
      await g.contribute(anna, 1, text);
      if ((await g.items('contribution')).length > before) stored.push(name);
    }
    const card = cardText((await g.press(anna, 'session.refresh', g.ids())).value);
    expect({ stored, answeredMark: card.includes('✓ 1.') }).toEqual({ stored: [], answeredMark: false });
  }, 60_000);
});
