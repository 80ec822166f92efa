/**
 * Found in review, stop 62 (fixed then: a note's text is refused when it shows nothing, `showsNothing` in
 * `cleanNoteText` and the chat's `notitie`). A note whose text shows nothing, from the tab and from the message
 * extension. README and common brief: bad input gets a friendly error next to the field, the input
 * kept, nothing stored; stop 58 made "words of only invisible characters" count as none for the
 * put-before form (emptyIfNothingShows). A note's own check (cleanNoteText) trims only the
 * INVISIBLE set, so variation selectors and tag / other format characters pass as a note.
 */
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke, noteTexts, PersonalChat, tabApi } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const LINK = 'https://teams.microsoft.com/l/message/19:x@thread.v2/1';
// Each shows nothing on a screen (showsNothing() says so), and is not trimmed by trimText.
const NOTHING = {
  'a variation selector': '\uFE0F\uFE0F',
  'tag characters': '\u{E0020}\u{E0041}\u{E007F}',
  'an interlinear annotation anchor': '\uFFF9\uFFFB',
};

describe('a note of characters that show nothing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it.each(Object.entries(NOTHING))('the tab refuses a new note of %s (400 required on "text"), nothing stored', async (name, typed) => {
    const who = `aad-tab-${Object.keys(NOTHING).indexOf(name)}`;
    const api = await tabApi(t, who);
    const res = await api('POST', '/notes', { text: typed, key: `probe62-inv-${Object.keys(NOTHING).indexOf(name)}-x` });
    expect({ status: res.status, field: res.json?.field, rule: res.json?.rule, stored: await noteTexts(t, who) }).toEqual({ status: 400, field: 'text', rule: 'required', stored: [] });
  });

  it('the tab refuses an edit that leaves only a variation selector, the note keeps its words', async () => {
    const api = await tabApi(t, 'aad-tab-edit');
    const note = (await api('POST', '/notes', { text: 'Iets wat telt', key: 'probe62-inv-edit' })).json;
    const res = await api('PUT', `/notes/${note.id}`, { text: NOTHING['a variation selector'], rev: note.rev });
    expect({ status: res.status, rule: res.json?.rule, stored: await noteTexts(t, 'aad-tab-edit') }).toEqual({ status: 400, rule: 'required', stored: ['Iets wat telt'] });
  });

  it('the extension\'s Save of tag characters only comes back as the dialog with the reason; nothing stored', async () => {
    const who = user('Onzichtbaar');
    const res = await t.send(extensionInvoke(t.conversation('personal', 'a:personal-onzichtbaar'), who, 'composeExtension/submitAction', {
      commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload: { id: '1764000000009', linkToMessage: LINK },
      data: { link: LINK, key: 'dialog-onzichtbaar', noteText: NOTHING['tag characters'] },
    }));
    const task = res.body?.task;
    expect({ type: task?.type, stored: await noteTexts(t, who.aadObjectId) }).toEqual({ type: 'continue', stored: [] });
  });

  it('"notitie" followed by characters that show nothing gets the usage in the chat, as an empty one does; nothing stored', async () => {
    const chat = new PersonalChat(t, user('Leeg'));
    const answers = [];
    for (const typed of Object.values(NOTHING)) answers.push((await chat.say(`notitie ${typed}`)).texts);
    expect({ answers, stored: await noteTexts(t, 'aad-leeg') }).toEqual({ answers: Object.values(NOTHING).map(() => [expect.stringMatching(/^Typ 'notitie' gevolgd door je tekst/)]), stored: [] });
  });
});
