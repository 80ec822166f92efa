/**
 * Found in review, stop 56 (fixed then: a colon after `notitie` is a separator only when no smiley
 * follows it; a zero-width space by the command word no longer hides the command).
 *
 * `notitie` / `taal` in the person's own chat with the bot, typed with a smiley or with a pasted
 * zero-width space. Promise (README "Mijn verantwoording and data rights", common brief): accepted
 * input is stored as the user meant it; a pasted zero-width space is understood.
 */
import { message, TestUser, user } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { noteTexts, PersonalChat } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored documents under test */

describe('note and language commands with a smiley or an invisible character', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  const notesOf = (aad: string) => noteTexts(t, aad);

  it('a note that starts with a smiley ":)" keeps it (only a colon right after the word is a prefix)', async () => {
    const who = new PersonalChat(t, user('Smiley'));
    await who.say('notitie :) fijne dag, overdracht liep goed');
    expect(await notesOf(who.who.aadObjectId)).toEqual([':) fijne dag, overdracht liep goed']);
  });

  it('"notitie\\u200B: tekst" (a zero-width space pasted between word and colon) stores the words', async () => {
    const who = new PersonalChat(t, user('ZwspColon'));
    await who.say('notitie\u200B: geleerd om te delegeren');
    expect(await notesOf(who.who.aadObjectId)).toEqual(['geleerd om te delegeren']);
  });

  it('"\\u200Bnotitie tekst" (a zero-width space pasted before the word) stores the note', async () => {
    const who = new PersonalChat(t, user('ZwspFirst'));
    await who.say('\u200Bnotitie geleerd om te plannen');
    expect(await notesOf(who.who.aadObjectId)).toEqual(['geleerd om te plannen']);
  });

  it('"\\u200Btaal en" (a zero-width space pasted before the word) changes the language', async () => {
    const who = new PersonalChat(t, user('ZwspTaal'));
    const { texts } = await who.say('\u200Btaal en');
    expect(texts).toEqual(['From now on I will talk to you in English.']);
  });

  it('a colon separator still goes before a smiley, and a zero-width space inside the note stays as typed', async () => {
    const who = new PersonalChat(t, user('Binnen'));
    await who.say('notitie: :-( lastige dag');
    await who.say('\u200Bnotitie\u200B: half\u200Bvol');
    expect(await notesOf(who.who.aadObjectId)).toEqual([':-( lastige dag', 'half\u200Bvol']);
  });
});

describe('the group chat commands with a pasted zero-width space', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('"\\u200Btaal en" and "taal\\u200B nl" change the group\'s language', async () => {
    const members = MEMBERS.slice(0, 3) as TestUser[];
    const g = new GroupDriver(t, t.conversation('groupChat'), members);
    await g.setUp('nl');
    const language = async () => (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource.language;
    expect((await t.send(message(g.conv, members[1]!, '\u200Btaal en'))).status).toBe(200);
    expect(await language()).toBe('en');
    expect((await t.send(message(g.conv, members[1]!, 'taal\u200B nl'))).status).toBe(200);
    expect(await language()).toBe('nl');
  });
});
