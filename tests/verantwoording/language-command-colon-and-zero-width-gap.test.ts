/**
 * Found as a left-out of stop 56 (fixed in stop 57: a colon after `taal` / `language` is a
 * separator, as after `notitie`, and a zero-width space is a gap between the command word and the
 * language, in the 1:1 chat and in group chats).
 *
 * README "Text commands": `taal en` / `taal nl` (`language`). Written "taal: en", "language: dutch"
 * or with a zero-width space as the only gap ("taal\u200Ben"), the command chooses the language as
 * `taal en` does. "taalen" (no gap at all) is no command and changes nothing.
 */
import { user } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { CHANGED_EN, CHANGED_NL, PersonalChat, personalDocsOf, sayInGroup, setupFormsAfter } from './support';

describe('taal / language with a colon or a zero-width space after the command word', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  /** What is typed, shown with its zero-width spaces named (a test name cannot show them). */
  const shown = (typed: string) => typed.replaceAll('\u200B', '\\u200B');

  it.each([
    ['taal: en', CHANGED_EN],
    ['taal:en', CHANGED_EN],
    ['Taal : Engels', CHANGED_EN],
    ['language: dutch', CHANGED_NL],
    ['taal\u200Ben', CHANGED_EN],
    ['language\u200BDutch', CHANGED_NL],
    ['\u200Btaal\u200B: en', CHANGED_EN],
  ].map(([typed, said]) => [shown(typed!), typed!, said!]))('personal chat: "%s" changes the language', async (_name, typed, said) => {
    const who = new PersonalChat(t, user(`C${typed.replace(/\W/g, '')}${typed.length}x`));
    const { texts } = await who.say(typed);
    expect(texts).toEqual([said]);
  });

  it('personal chat: "taalen" (no gap) is no language command: nothing is said about the language and nothing is stored', async () => {
    const who = user('Taalen');
    const chat = new PersonalChat(t, who);
    const before = await personalDocsOf(t, who.aadObjectId);
    const { texts } = await chat.say('taalen');
    expect(texts.filter((x) => x === CHANGED_EN || x === CHANGED_NL || /'taal en'|'language en'/.test(x))).toEqual([]);
    expect(await personalDocsOf(t, who.aadObjectId)).toBe(before);
  });

  it('group chat: "taal: en", "language: dutch", "taal\\u200Ben" choose the language; "taalen" leaves it as it was', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:taal-colon-gap@thread.v2'), MEMBERS.slice(0, 3));
    await g.setUp('nl');
    const say = (typed: string) => sayInGroup(g, MEMBERS[1]!, typed);
    expect(await say('taal: en')).toEqual({ typed: 'taal: en', said: 'The language is now English.', lang: 'en' });
    expect(await say('language: dutch')).toEqual({ typed: 'language: dutch', said: 'De taal is nu Nederlands.', lang: 'nl' });
    expect(await say('taal\u200Ben')).toEqual({ typed: 'taal\u200Ben', said: 'The language is now English.', lang: 'en' });
    expect(await say('taal:nl')).toEqual({ typed: 'taal:nl', said: 'De taal is nu Nederlands.', lang: 'nl' });
    expect((await say('taalen')).lang).toBe('nl');
  });

  it.each([
    ['taal: Engels', 'taal: Engels', 'Set up the group', 'en'],
    ['language\\u200Bdutch', 'language\u200Bdutch', 'Groep instellen', 'nl'],
  ])('group chat without a group: "%s" draws the setup form in the language it names, with it chosen', async (_name, typed, title, chosen) => {
    const conv = t.conversation('groupChat', `19:taal-colon-no-group-${typed.replace(/\W/g, '-')}@thread.v2`);
    expect(await setupFormsAfter(t, conv, MEMBERS[0]!, typed)).toEqual([{ title, chosen }]);
  });
});
