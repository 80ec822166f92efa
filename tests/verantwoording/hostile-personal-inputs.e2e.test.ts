import { randomUUID } from 'node:crypto';
import { execute, submit, user } from '../support/activities';
import { field } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, extensionInvoke, PersonalChat } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const anna = user('Anna');
const bram = user('Bram');
const LINK = 'https://teams.microsoft.com/l/message/19:x@thread.v2/1';


/**
 * Mijn verantwoording under odd clients and stale cards: the message extension's Save with a link
 * or key of the wrong kind keeps the typed note; a refused form pressed in a group chat shows no
 * note there; limits at and over 4,000 with emoji; invisible-only text; a double Submit; and a
 * delete from a card older than the note's text.
 */
describe('verantwoording: limits, types and places', () => {
  let t: TestApp;
  let chat: PersonalChat;
  const notes = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'note'").fetchAll()).resources;
  const dialogInput = (res: any) => res.body?.task?.value?.card?.content?.body?.find((e: { id?: string }) => e.id === 'noteText');

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    chat = new PersonalChat(t, anna);
    await chat.say('notitie Geheime notitie van Anna');
  });
  afterAll(() => t.stop());

  it.each([
    ['link null', { link: null }],
    ['link a number', { link: 5 }],
    ['key a number', { key: 12345 }],
    ['key an object', { key: { a: 1 } }],
  ])('attack: message extension save with %s keeps the typed text (stored, or the dialog with it)', async (_n, extra) => {
    const before = (await notes()).length;
    const typed = 'Mijn eigen notitie over dit bericht';
    const res = await t.send(extensionInvoke(t.conversation('personal', 'a:personal-anna'), anna, 'composeExtension/submitAction', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload: { linkToMessage: LINK }, data: { noteText: typed, ...extra } }));
    const stored = (await notes()).length > before;
    const kept = dialogInput(res)?.value === typed;
    expect({ keptOrStored: kept || stored, said: stored ? 'stored' : JSON.stringify(dialogInput(res)) }).toEqual({ keptOrStored: true, said: expect.anything() });
  });

  it('attack: a note form refused in a group chat does not render the private overview there', async () => {
    const group = t.conversation('groupChat');
    const res = await t.send(execute(group, anna, 'verantwoording.note.add', { text: 'x'.repeat(5001) }, 'group-card-1'));
    expect(res.status).toBe(200);
    const text = cardText(res.body?.value);
    expect(text).not.toContain('Geheime notitie van Anna');
    expect(text).toContain('Dat lukte niet');
  });

  it('a note edit refused in a group chat does not render the note there', async () => {
    const overview = (await chat.say('verantwoording')).cards[0];
    const open = actionData(overview, 'verantwoording.note.open')!;
    const group = t.conversation('groupChat');
    const res = await t.send(execute(group, anna, 'verantwoording.note.save', { ...open, rev: 1, text: 'y'.repeat(5001) }, 'group-card-1'));
    expect(cardText(res.body?.value)).not.toContain('Geheime notitie van Anna');
  });

  it('an English Teams client gets the refusal of a too-long note in English (no choice made)', async () => {
    const bchat = new PersonalChat(t, bram);
    const res = await t.send({ ...execute(bchat.conv, bram, 'verantwoording.note.add', { text: 'z'.repeat(4001) }, 'c1'), locale: 'en-US' });
    expect(field(res.body.value, 'text')?.next).toBe('A note has at most 4,000 characters; this one has 4,001.');
  });

  // Since stop 56 a limit counts characters as they show: an emoji is one.
  it('4,000 characters as seen with an emoji at the end is stored; 4,000 + one emoji (4,001 as seen) is refused with a count the person can follow', async () => {
    const ok = 'a'.repeat(3999) + '😀';
    const card = await chat.press('verantwoording.note.add', { text: ok, k: randomUUID() });
    expect(cardText(card)).not.toContain('Nog niet bewaard');
    const over = 'a'.repeat(4000) + '😀';
    const refused = await chat.press('verantwoording.note.add', { text: over, k: randomUUID() });
    expect(field(refused, 'text')?.value).toBe(over);
    expect(field(refused, 'text')?.next).toContain('4.001');
  });

  it('invisible-only note is refused as empty, and the chat command says so too', async () => {
    const before = (await notes()).length;
    const card = await chat.press('verantwoording.note.add', { text: '\u200B\u200D\u2060\uFEFF \u00AD', k: randomUUID() });
    expect(field(card, 'text')?.next).toBe('Schrijf eerst iets op.');
    const said = await chat.say('notitie \u200B\u200B');
    expect((await notes()).length).toBe(before);
    expect(said.cards.length + said.texts.length).toBeGreaterThan(0);
  });

  it('Action.Submit fallback: a double press of add note stores one note', async () => {
    const overview = (await chat.say('verantwoording')).cards[0];
    const k = actionData(overview, 'verantwoording.note.add')!.k;
    const before = (await notes()).length;
    const data = { verb: 'verantwoording.note.add', text: 'Dubbel gedrukt', k };
    await Promise.all([t.send(submit(chat.conv, anna, data, 'ov-1')), t.send(submit(chat.conv, anna, data, 'ov-1'))]);
    expect((await notes()).length).toBe(before + 1);
  });

  it('attack: Verwijderen on a stale card does not silently delete a newer text of the note', async () => {
    const add = await chat.press('verantwoording.note.add', { text: 'Te wissen notitie', k: randomUUID() });
    const open = actionData(add, 'verantwoording.note.open')!;
    const editCard = await chat.press('verantwoording.note.open', open);
    const save = actionData(editCard, 'verantwoording.note.save')!;
    // edited elsewhere (a second save from the same version, as the tab would)
    await chat.press('verantwoording.note.save', { ...save, text: 'Nieuwe, belangrijke tekst' });
    const deleteOf = (card: unknown) => {
      const all: Record<string, unknown>[] = [];
      JSON.stringify(card, (_k, v) => (v && v.type === 'Action.Execute' && v.verb === 'verantwoording.note.delete' ? (all.push(v.data), v) : v));
      return all.find((d) => d.noteId === open.noteId);
    };
    const del = deleteOf(add);
    expect(del).toBeDefined();
    const refused = await chat.press('verantwoording.note.delete', del!);
    expect(cardText(refused)).toContain('Niet verwijderd: deze notitie is gewijzigd sinds je kaart');
    const still = (await notes()).find((n) => n.text === 'Nieuwe, belangrijke tekst');
    expect(still).toBeDefined();
    // From a card that shows the newest text, it goes.
    const current = deleteOf((await chat.say('verantwoording')).cards[0]);
    await chat.press('verantwoording.note.delete', current!);
    expect((await notes()).find((n) => n.id === open.noteId)).toBeUndefined();
  });
});
