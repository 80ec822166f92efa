/**
 * Found in review, stop 56 (fixed then: the choice after `taal` / `language` is read as it shows --
 * a pasted zero-width space, capitals, a full stop and the language's name ("Engels", "English",
 * "Nederlands", "Dutch") all work, in both chats -- and, before someone chose a language, the usage
 * is in the language of the command word).
 *
 * README "Text commands": `taal en` / `taal nl` (`language`), also `taal Engels` / `language
 * Dutch`. The forms that work choose the language with any capitals and spacing; anything else gets
 * the usage (naming the form that works) and changes nothing.
 */
import { user } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { CHANGED_EN, CHANGED_NL, PersonalChat, personalDocsOf, sayInGroup, setupFormsAfter } from './support';

const USAGE_EN = "Choose your language with 'language nl' or 'language en'.";
const USAGE_NL = "Kies je taal met 'taal nl' of 'taal en'.";

describe('taal / language as people type it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it.each([
    ['taal EN', CHANGED_EN],
    ['   Taal    en   ', CHANGED_EN],
    ['LANGUAGE en', CHANGED_EN],
    ['language NL', CHANGED_NL],
    ['taal\u00A0en', CHANGED_EN],
    ['taal Engels', CHANGED_EN],
    ['taal english', CHANGED_EN],
    ['language English.', CHANGED_EN],
    ['taal en.', CHANGED_EN],
    ['Taal Nederlands', CHANGED_NL],
    ['language dutch', CHANGED_NL],
    ['taal NL.', CHANGED_NL],
    ['taal: en', CHANGED_EN],
  ])('personal chat: "%s" changes the language', async (typed, said) => {
    const who = new PersonalChat(t, user(`P${typed.replace(/\W/g, '')}x`));
    const { texts } = await who.say(typed);
    expect(texts).toEqual([said]);
  });

  // "taal: en" chooses English since stop 57 (language-command-colon-and-zero-width-gap.test.ts).
  it.each(['taal Duits', 'taal en nl', 'taal constructor', 'taal'])(
    'personal chat: "%s" gets the usage naming the form that works, and nothing is stored',
    async (typed) => {
      const who = user(`Q${typed.replace(/\W/g, '')}x`);
      const chat = new PersonalChat(t, who);
      const before = await personalDocsOf(t, who.aadObjectId);
      const { texts, cards } = await chat.say(typed);
      expect(cards).toEqual([]);
      expect(texts.join(' ')).toMatch(/'taal en'|'language en'/);
      expect(await personalDocsOf(t, who.aadObjectId)).toBe(before);
    },
  );

  it('personal chat: "taal en" with a zero-width space pasted after it (it shows as "taal en") changes the language', async () => {
    const chat = new PersonalChat(t, user('Zwsp'));
    const { texts } = await chat.say('taal en\u200B');
    expect(texts).toEqual([CHANGED_EN]);
  });

  it('personal chat: before a language is chosen, a choice not understood is answered in the command word\'s language, not the Teams client\'s; after, in the chosen one', async () => {
    const chat = new PersonalChat(t, user('Newcomer'));
    expect((await chat.say('language german', 'nl-NL')).texts).toEqual([USAGE_EN]);
    expect((await chat.say('taal Duits', 'en-US')).texts).toEqual([USAGE_NL]);
    expect((await chat.say('taal en', 'nl-NL')).texts).toEqual([CHANGED_EN]);
    expect((await chat.say('taal Duits', 'nl-NL')).texts).toEqual([USAGE_EN]);
  });

  it('group chat: "taal Engels", "language dutch", "TAAL   EN.  " and a pasted zero-width space choose the language; "taal Duits" gets the usage (naming what works) and leaves it as it was', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:taal-as-typed@thread.v2'), MEMBERS.slice(0, 3));
    await g.setUp('nl');
    const say = (typed: string) => sayInGroup(g, MEMBERS[1]!, typed);
    expect(await say('taal Engels')).toEqual({ typed: 'taal Engels', said: 'The language is now English.', lang: 'en' });
    expect(await say('language dutch')).toEqual({ typed: 'language dutch', said: 'De taal is nu Nederlands.', lang: 'nl' });
    expect(await say('TAAL   EN.  ')).toEqual({ typed: 'TAAL   EN.  ', said: 'The language is now English.', lang: 'en' });
    expect(await say('taal nl\u200B')).toEqual({ typed: 'taal nl\u200B', said: 'De taal is nu Nederlands.', lang: 'nl' });
    expect(await say('taal Duits')).toEqual({ typed: 'taal Duits', said: expect.stringMatching(/'taal en'/), lang: 'nl' });
  });

  it.each([
    ['taal Engels', 'Set up the group', 'en'],
    ['language Dutch', 'Groep instellen', 'nl'],
  ])('group chat without a group: "%s" draws the setup form in the language it names, with it chosen', async (typed, title, chosen) => {
    const conv = t.conversation('groupChat', `19:taal-no-group-${typed.replace(/\W/g, '-')}@thread.v2`);
    expect(await setupFormsAfter(t, conv, MEMBERS[0]!, typed)).toEqual([{ title, chosen }]);
  });
});
