/**
 * Scenario: someone types something the bot does not know, or presses a button no feature knows,
 * in a group that works in English, or in their 1:1 chat after choosing English ("language en").
 * The "I don't understand" answer and the error card come in that language, not the app's Dutch
 * default; where nothing was chosen, the language of their Teams client (as the manifest and the
 * tab follow it), and else Dutch.
 */
import { execute, message } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from '../verantwoording/support';

const EN = "I don't understand that. Type 'help' to see what I can do.";
const NL = "Dat begrijp ik niet. Typ 'help' voor wat ik kan.";

describe('what the bot does not understand is answered in the chosen language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  const textsAfter = (before: number) => t.connector.calls.slice(before).map((c) => c.activity.text).filter(Boolean);

  it('answers an unknown command in an English group chat in English', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:english-unknown@thread.v2'), MEMBERS.slice(0, 3));
    await g.setUp('en');
    const before = t.connector.calls.length;
    await t.send(message(g.conv, MEMBERS[0]!, 'hello there'));
    expect(textsAfter(before)).toEqual([EN]);
  });

  it('answers an unknown card action in an English group chat with the English error card', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:english-verb@thread.v2'), MEMBERS.slice(0, 3));
    await g.setUp('en');
    const res = await t.send(execute(g.conv, MEMBERS[0]!, 'no.such.verb', { groupId: g.groupId }, 'x'));
    expect(cardText(res.body.value)).toContain('Please check what you entered');
  });

  it('answers an unknown command in a Dutch group chat in Dutch', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:dutch-unknown@thread.v2'), MEMBERS.slice(0, 3));
    await g.setUp('nl');
    const before = t.connector.calls.length;
    await t.send(message(g.conv, MEMBERS[0]!, 'hallo daar'));
    expect(textsAfter(before)).toEqual([NL]);
  });

  it('answers an unknown command in English in the personal chat of someone who chose English', async () => {
    const anna = new PersonalChat(t, MEMBERS[0]!);
    await anna.say('language en');
    expect((await anna.say('hello there')).texts).toEqual([EN]);
  });

  it('answers in the default language, Dutch, in the personal chat of someone who chose nothing', async () => {
    const bram = new PersonalChat(t, MEMBERS[1]!);
    expect((await bram.say('hallo daar')).texts).toEqual([NL]);
  });

  it('answers in the language of their Teams client in the personal chat of someone who chose nothing', async () => {
    const conv = t.conversation('personal', 'a:personal-teams-en');
    const before = t.connector.calls.length;
    await t.send({ ...message(conv, MEMBERS[2]!, 'hello there'), locale: 'en-US' });
    expect(textsAfter(before)).toEqual([EN]);
  });
});
