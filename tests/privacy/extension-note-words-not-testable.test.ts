/**
 * Found in stop 57 (fixed then: a note saved from a message was keyed on its chat, message id and
 * words; it is now keyed on its dialog's own key, never stored, and the same words from the same
 * message are found among the person's notes).
 *
 * Anna saves Bram's message with "Bewaar in mijn verantwoording" and deletes the note. Its id stays
 * taken for three days (a `deletedNote`). Made from the chat, the message's id (its time in
 * milliseconds, near the delete) and the words, it let a reader of the database search the ids and
 * test guesses of the words. Nor may a note's id give its first words away once it was edited. The
 * promises of the message extension stay: the same words from the same message are one note, other
 * words a note of their own, a Save delivered again after the delete brings nothing back, and notes
 * from before keep working.
 */
import { createHash } from 'node:crypto';
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { extensionInvoke, noteTexts, personalPartition, removeNotesOf, tabApi } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and documents under test */

const anna = user('Anna');
const sha = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);
const CHAT = '19:extension-words@thread.v2';

const payloadOf = (id: string, words: string) => ({
  id,
  linkToMessage: `https://teams.microsoft.com/l/message/${encodeURIComponent(CHAT)}/${id}?context=%7B%22contextType%22%3A%22chat%22%7D`,
  body: { contentType: 'html', content: `<p>${words}</p>` },
});

describe('a note saved from a message, read back from what is stored', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());
  afterEach(() => removeNotesOf(t, anna.aadObjectId));

  const chat = () => t.conversation('groupChat', CHAT);
  const personal = () => personalPartition(t, anna.aadObjectId);
  const texts = () => noteTexts(t, anna.aadObjectId);
  /** Opens the dialog on the message: the Save's data as the dialog carries it. */
  const open = async (payload: Record<string, unknown>) => {
    const opened = await t.send(extensionInvoke(chat(), anna, 'composeExtension/fetchTask', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload: payload }));
    const card = opened.body.task.value.card.content;
    return { data: card.actions.find((a: any) => a.type === 'Action.Submit').data as Record<string, unknown>, text: card.body.find((e: any) => e.id === 'noteText').value as string };
  };
  const save = (payload: Record<string, unknown>, data: Record<string, unknown>, noteText: string) =>
    t.send(extensionInvoke(chat(), anna, 'composeExtension/submitAction', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload: payload, data: { ...data, noteText } }));
  /** A reader who knows her id, the chat, the message's id and a few guesses tests every id and fingerprint stored. */
  const confirmed = async (messageId: string, guesses: string[]) => {
    const hits: string[] = [];
    for (const d of await personal()) {
      for (const g of guesses) {
        const made = [`message:${CHAT}:${messageId}:${g}`, `message:${CHAT}:${messageId}`];
        if (made.some((k) => d.id === `note_${sha(d.userId, k)}`)) hits.push(`${d.type} id: ${g}`);
        if (d.firstText !== undefined && d.firstText === `nt_${sha(d.id, g)}`) hits.push(`${d.type} firstText: ${g}`);
        if (d.chatMessage !== undefined && made.some((k) => d.chatMessage === `nm_${sha(d.id, k)}`)) hits.push(`${d.type} chatMessage: ${g}`);
      }
    }
    return hits;
  };

  it('deleted: neither the id nor anything kept confirms the words (or the message); the Save again brings nothing back, other words from that dialog are a note', async () => {
    const words = 'Ik heb een klacht over Bram ingediend';
    const payload = payloadOf('1763900000001', words);
    const dialog = await open(payload);
    expect(JSON.stringify((await save(payload, dialog.data, dialog.text)).body)).toContain('Bewaard in Mijn verantwoording');
    const [note] = (await personal()).filter((d) => d.type === 'note');
    expect(note!.text).toBe(words);
    const api = await tabApi(t, anna.aadObjectId);
    expect((await api('DELETE', `/notes/${encodeURIComponent(note!.id)}?rev=1`)).status).toBe(204);

    expect(await confirmed('1763900000001', ['Ik wil minder uren werken', words])).toEqual([]);
    expect(JSON.stringify(await personal())).not.toContain(String(dialog.data.key));

    // Teams delivers the Save again: nothing comes back.
    expect(JSON.stringify((await save(payload, dialog.data, dialog.text)).body)).toContain('verwijderd');
    expect(await texts()).toEqual([]);
    // The same dialog, Save pressed with other words: a note of its own.
    expect(JSON.stringify((await save(payload, dialog.data, 'Klacht besproken met Mia')).body)).toContain('Bewaard in Mijn verantwoording');
    expect(await texts()).toEqual(['Klacht besproken met Mia']);
    // Saved anew from the message in a new dialog: she wants it after all.
    const anew = await open(payload);
    expect(JSON.stringify((await save(payload, anew.data, anew.text)).body)).toContain('Bewaard in Mijn verantwoording');
    expect(await texts()).toEqual([words, 'Klacht besproken met Mia']);
  });

  it('edited since: the id does not give the first words away; the same words from the same message in a new dialog are one note, other words another', async () => {
    const words = 'Vraag om feedback na elke dienst.';
    const payload = payloadOf('1763900000002', words);
    const first = await open(payload);
    await save(payload, first.data, first.text);
    const second = await open(payload);
    await save(payload, second.data, second.text);
    expect(await texts()).toEqual([words]);
    const third = await open(payload);
    await save(payload, third.data, 'Feedback vragen aan Bram na de late dienst.');
    expect(await texts()).toEqual(['Feedback vragen aan Bram na de late dienst.', words]);

    const [note] = (await personal()).filter((d) => d.type === 'note' && d.text === words);
    const api = await tabApi(t, anna.aadObjectId);
    expect((await api('PUT', `/notes/${encodeURIComponent(note!.id)}`, { text: 'Feedback gevraagd', rev: 1 })).status).toBe(200);
    expect(await confirmed('1763900000002', [words, 'Feedback vragen aan Bram na de late dienst.'])).toEqual([]);
  });

  it('notes from before, under their message-and-words id, still count: found again by the same words, and once deleted, that dialog\'s Save again brings nothing back', async () => {
    const at = '2026-11-23T07:30:00.000Z';
    const legacy = (messageId: string, text: string, dialogKey: string) => {
      const id = `note_${sha(anna.aadObjectId, `message:${CHAT}:${messageId}:${text}`)}`;
      return { id, userId: anna.aadObjectId, chatMessage: `nm_${sha(id, dialogKey)}` };
    };
    const keptWords = 'Rooster van december besproken';
    const kept = legacy('1763900000003', keptWords, 'old-dialog-key-0003');
    const goneWords = 'Dit bericht wilde ik niet bewaren';
    const gone = legacy('1763900000004', goneWords, 'old-dialog-key-0004');
    const items = t.store.container('personal').items;
    await items.create({ ...kept, type: 'note', text: keptWords, visibility: 'private', source: { kind: 'message' }, rev: 1, createdAt: at, updatedAt: at });
    await items.create({ ...gone, type: 'deletedNote', deletedAt: at, ttl: 3 * 24 * 3600 });

    const keptPayload = payloadOf('1763900000003', keptWords);
    const dialog = await open(keptPayload);
    expect(JSON.stringify((await save(keptPayload, dialog.data, dialog.text)).body)).toContain('Bewaard in Mijn verantwoording');
    expect(await texts()).toEqual([keptWords]);

    const gonePayload = payloadOf('1763900000004', goneWords);
    expect(JSON.stringify((await save(gonePayload, { key: 'old-dialog-key-0004', message: '1763900000004' }, goneWords)).body)).toContain('verwijderd');
    expect(await texts()).toEqual([keptWords]);
  });
});
