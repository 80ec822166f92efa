/**
 * Found in stop 57 (fixed then: a deleted form note's record keeps a fingerprint of its first
 * text keyed with the form's own press key, which is never stored; so is a live form note's).
 *
 * Since stop 57's privacy fix a deleted note's record kept nothing made from its words, so it
 * could no longer tell the same form pressed again with other words from the press that wrote the
 * note delivered again: Anna's new words were answered as "deleted meanwhile" (the tab) or dropped
 * (the chat card's note form answered with her overview, without them). Other words from that form
 * after a delete are a note of their own (as before), the same words delivered again still bring
 * nothing back, and nothing stored lets a reader of the database test a guess of the words.
 */
import { createHash, randomUUID } from 'node:crypto';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { appWithChatOf, noteTexts, PersonalChat, personalPartition, removeNotesOf, tabApi } from './support';

const anna = user('Anna');
const sha = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);

describe('a form pressed again after its note was deleted', () => {
  let t: TestApp;
  let chat: PersonalChat;
  beforeAll(async () => {
    ({ t, chat } = await appWithChatOf(anna));
  }, 60_000);
  afterAll(() => t.stop());
  afterEach(() => removeNotesOf(t, anna.aadObjectId));

  const personal = () => personalPartition(t, anna.aadObjectId);
  const texts = () => noteTexts(t, anna.aadObjectId);
  /** What a reader holding the documents can test: the key is nowhere, and no fingerprint answers to a guess made from what is stored. */
  const readerConfirms = async (key: string, guesses: string[]) => {
    const docs = await personal();
    expect(JSON.stringify(docs)).not.toContain(key);
    const confirmed: string[] = [];
    for (const d of docs.filter((x) => x.firstText !== undefined)) {
      for (const g of guesses) if (d.firstText === `nt_${sha(d.id, g)}` || d.firstText === `nt_${sha(d.userId, g)}` || String(d.firstText).includes(sha(g))) confirmed.push(`${d.type}: ${g}`);
    }
    return confirmed;
  };

  it('the chat card\'s note form: other words after the delete are saved, the first press again brings nothing back', async () => {
    const k = randomUUID();
    const first = { text: 'Ik twijfel of ik hier wil blijven werken', k };
    expect((await t.send(execute(chat.conv, anna, 'verantwoording.note.add', first, 'overview-card', 'press-1'))).status).toBe(200);
    const [note] = (await personal()).filter((d) => d.type === 'note');
    await chat.press('verantwoording.note.delete', { noteId: note!.id, rev: 1 }, 'overview-card');
    expect(await texts()).toEqual([]);

    // The same card, pressed again with her better words (she thought the first save had failed).
    const better = await t.send(execute(chat.conv, anna, 'verantwoording.note.add', { text: 'Gesprek met Mia over mijn rooster plannen', k }, 'overview-card', 'press-2'));
    expect(better.status).toBe(200);
    expect(await texts()).toEqual(['Gesprek met Mia over mijn rooster plannen']);
    expect(cardText(better.body.value)).toContain('Gesprek met Mia over mijn rooster plannen');

    // Teams delivers the first press again: the deleted words stay deleted.
    const again = await t.send(execute(chat.conv, anna, 'verantwoording.note.add', first, 'overview-card', 'press-1'));
    expect(again.status).toBe(200);
    expect(await texts()).toEqual(['Gesprek met Mia over mijn rooster plannen']);
    expect(cardText(again.body.value)).not.toContain('Ik twijfel');

    expect(await readerConfirms(k, ['Ik twijfel of ik hier wil blijven werken', 'Ik wil minder uren werken'])).toEqual([]);
  });

  it('the tab: other words under the same key after the delete are a new note, the same words again are "deleted meanwhile"', async () => {
    const api = await tabApi(t, anna.aadObjectId);
    const key = randomUUID();
    const added = await api('POST', '/notes', { text: 'Ik ben zwanger en vertel het nog niemand', key });
    expect(added.status).toBe(201);
    expect((await api('DELETE', `/notes/${encodeURIComponent(added.json.id)}?rev=1`)).status).toBe(204);

    const other = await api('POST', '/notes', { text: 'Overdracht geoefend met Bram', key });
    expect(other.status).toBe(201);
    expect(other.json.text).toBe('Overdracht geoefend met Bram');
    expect(await texts()).toEqual(['Overdracht geoefend met Bram']);

    const redelivered = await api('POST', '/notes', { text: 'Ik ben zwanger en vertel het nog niemand', key });
    expect(redelivered.status).toBe(404);
    expect(await texts()).toEqual(['Overdracht geoefend met Bram']);
    expect(await readerConfirms(key, ['Ik ben zwanger en vertel het nog niemand', 'Ik wil minder uren werken'])).toEqual([]);
  });

  it('a live form note edited since: its first words cannot be tested from its fingerprint, and its first save again still finds it', async () => {
    const api = await tabApi(t, anna.aadObjectId);
    const key = randomUUID();
    const words = 'Ik solliciteer bij een andere zorgaanbieder';
    const added = await api('POST', '/notes', { text: words, key });
    expect(added.status).toBe(201);
    expect((await api('PUT', `/notes/${encodeURIComponent(added.json.id)}`, { text: 'Over mijn loopbaan nagedacht', rev: 1 })).status).toBe(200);
    expect(await readerConfirms(key, [words, 'Ik ben zwanger'])).toEqual([]);

    const again = await api('POST', '/notes', { text: words, key });
    expect(again.status).toBe(201);
    expect(await texts()).toEqual(['Over mijn loopbaan nagedacht']);
  });
});
