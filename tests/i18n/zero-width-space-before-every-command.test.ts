/**
 * Found in review, stop 57 (fixed then: `rapport`, `jaarplan`, `peiling ...`, `voorstellen`, `aanbod`
 * and the talent review's commands read their command word through isCommand/commandText as the
 * other typed commands do).
 *
 * README: "a zero-width space pasted before or in a command word (`notitie`, `taal`, `groep`,
 * `start`, `help`, ...) is understood", and a zero-width space as the gap after the command word
 * too. Every typed command, plain and with a zero-width space pasted along (as a copy from a web
 * page or another chat brings it), gets the same answer; where the command reads words after it (a
 * period, a year, a poll's verb), a zero-width space as the only gap before them reads the same words.
 */
import { message, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const hanna = user('Hanna'); // HR/L&O
const ZWSP = '\u200B';

describe('a zero-width space pasted before, in or after a command word', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t?.stop());

  /**
   * The messages the bot sent into the conversation for one typed text (card text or message text).
   * Messages only: a typing indicator comes when a turn happens to run long. `length` cuts each
   * where forms start to differ per card (the words typed into a new form's fields).
   */
  const reply = async (conv: ReturnType<TestApp['conversation']>, text: string, length = 50) => {
    const before = t.connector.calls.length;
    await t.send(message(conv, hanna, text));
    return t.connector.calls.slice(before).filter((c) => c.conversationId === conv.id && c.activity.type === 'message')
      .map((c) => (c.activity.text as string | undefined) ?? (c.activity.attachments ?? []).map((a: { content: unknown }) => cardText(a.content)).join(' '))
      .map((s) => s.slice(0, length));
  };

  it.each(['rapport', 'jaarplan', 'peiling help', 'help'])('in a group chat: %s', async (command) => {
    const conv = t.conversation('groupChat', `19:zw-before-${command.replace(/\s/g, '-')}@thread.v2`);
    const plain = await reply(conv, command);
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.join(' ')).not.toMatch(/begrijp ik niet/);
    expect(await reply(conv, `${ZWSP}${command}`)).toEqual(plain);
  }, 60_000);

  it.each(['voorstellen', 'aanbod', 'teamverantwoording', 'gesprek aanvragen', 'peiling help', 'notitie'])('in HR\'s own chat: %s', async (command) => {
    const conv = t.conversation('personal', 'a:personal-hanna');
    const plain = await reply(conv, command);
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.join(' ')).not.toMatch(/begrijp ik niet/);
    expect(await reply(conv, `${ZWSP}${command}`)).toEqual(plain);
  }, 60_000);

  it.each([
    ['rapport van 1 januari 2026', `rapport${ZWSP}van 1 januari 2026`],
    ['rapport van 1 januari 2026', `${ZWSP}rap${ZWSP}port van 1 januari 2026`],
    ['jaarplan 2027', `jaarplan${ZWSP}2027`],
    ['peiling status', `peiling${ZWSP}status`],
    ['peiling status', `${ZWSP}peiling st${ZWSP}atus`],
    // Stop 58 (a left-out of stop 57): the poll's verb glued to a team's name by a zero-width space.
    ['peiling status Noord', `peiling status${ZWSP}Noord`],
    ['poll results Noord', `poll results${ZWSP}Noord`],
  ])('in a group chat, the words after the command read as they show: %s / %j', async (plainText, pasted) => {
    const conv = t.conversation('groupChat', `19:zw-words-${plainText.replace(/\s/g, '-')}@thread.v2`);
    const plain = await reply(conv, plainText, Infinity);
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.join(' ')).not.toMatch(/begrijp ik niet|Gebruik/);
    expect(await reply(conv, pasted, Infinity)).toEqual(plain);
  }, 60_000);

  // The words typed after the command land in the form's field as they show, not with the command word.
  it.each([
    ['gesprek aanvragen Graag een gesprek', `${ZWSP}gesprek aanvragen Graag een gesprek`],
    ['teamverantwoording Goed gewerkt', `${ZWSP}teamverantwoording Goed gewerkt`],
  ])('in HR\'s own chat, the words after a command that opens a form: %s / %j', async (plainText, pasted) => {
    const conv = t.conversation('personal', 'a:personal-hanna');
    const plain = await reply(conv, plainText, Infinity);
    expect(plain.length).toBeGreaterThan(0);
    expect(await reply(conv, pasted, Infinity)).toEqual(plain);
  }, 60_000);

  it.each([['aanbod', `aan${ZWSP}bod`], ['voorstellen', `voorstellen${ZWSP}`]])('in HR\'s own chat, a zero-width space in or after the word: %s / %j', async (plainText, pasted) => {
    const conv = t.conversation('personal', 'a:personal-hanna');
    const plain = await reply(conv, plainText, Infinity);
    expect(plain.length).toBeGreaterThan(0);
    expect(await reply(conv, pasted, Infinity)).toEqual(plain);
  }, 60_000);
});
