/**
 * Found in review, stop 57 (fixed then: a chat note's id was an unkeyed hash of its owner, day and
 * words, and its delete left a fingerprint of its first text salted only with that id; a chat note
 * is now keyed on its message, and a deleted note's record keeps no `firstText`).
 *
 * Anna types `notitie <tekst>` in her chat and deletes the note. What the delete leaves under the
 * note's id for three days (a `deletedNote`) must not let anyone holding the documents confirm a
 * guessed text, tied to her id (README, Mijn verantwoording; add-redelivered-after-delete).
 */
import { createHash } from 'node:crypto';
import { message, user } from '../support/activities';
import { TestApp } from '../support/test-app';
import { appWithChatOf, PersonalChat } from '../verantwoording/support';

const anna = user('Anna');
const sha = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);

describe('a deleted chat note, read back from what the delete left', () => {
  let t: TestApp;
  let chat: PersonalChat;
  beforeAll(async () => {
    ({ t, chat } = await appWithChatOf(anna));
  });
  afterAll(() => t.stop());

  const personal = async () => (await t.store.container('personal').items.query('SELECT * FROM c').fetchAll()).resources as Record<string, any>[];

  it('a DB reader cannot confirm a guess of the deleted words from the id or the fingerprint left behind', async () => {
    const words = 'Ik solliciteer bij een andere zorgaanbieder';
    await chat.say(`notitie ${words}`);
    const note = (await personal()).find((d) => d.type === 'note' && d.text === words)!;
    expect(note).toBeDefined();
    await chat.press('verantwoording.note.delete', { noteId: note.id, rev: 1 }, 'overview-card');
    expect((await personal()).filter((d) => d.type === 'note')).toHaveLength(0);

    // The reader: the personal container only, a short list of guesses.
    const guesses = ['Ik wil minder uren werken', 'Ik solliciteer bij een andere zorgaanbieder', 'Ik ben zwanger'];
    const confirmed: string[] = [];
    const left = (await personal()).filter((d) => d.type === 'deletedNote');
    expect(left.map((d) => d.id)).toEqual([note.id]);
    expect(left[0]).not.toHaveProperty('firstText');
    for (const d of left) {
      const day = String(d.deletedAt).slice(0, 10);
      for (const g of guesses) {
        if (d.id === `note_${sha(d.userId, `chat:${day}:${g}`)}`) confirmed.push(`id: ${d.userId}: ${g}`);
        if (d.firstText === `nt_${sha(d.id, g)}`) confirmed.push(`firstText: ${d.userId}: ${g}`);
      }
    }
    expect(confirmed).toEqual([]);
  });

  // Chat notes written before stop 57 sit under their words-and-day id: the add still finds them.
  it('a note from before, under its words-and-day id, is still found: by its message delivered again, by the same words that day, and once deleted', async () => {
    const bram = user('Bram');
    const bramChat = new PersonalChat(t, bram);
    const at = '2026-11-23T08:30:00.000Z';
    const oldNote = (text: string, messageId: string) => {
      const id = `note_${sha(bram.aadObjectId, `chat:2026-11-23:${text}`)}`;
      return { id, userId: bram.aadObjectId, firstText: `nt_${sha(id, text)}`, chatMessage: `nm_${sha(id, messageId)}` };
    };
    const kept = oldNote('Overdracht geoefend met Mia', 'old-message-1');
    const gone = oldNote('Dit wilde ik niet bewaren', 'old-message-2');
    const personalOf = t.store.container('personal').items;
    await personalOf.create({ ...kept, type: 'note', text: 'Overdracht geoefend met Mia', visibility: 'private', rev: 1, createdAt: at, updatedAt: at });
    await personalOf.create({ id: gone.id, userId: gone.userId, firstText: gone.firstText, chatMessage: gone.chatMessage, type: 'deletedNote', deletedAt: at, ttl: 3 * 24 * 3600 });
    const bramsNotes = async () => (await personal()).filter((d) => d.type === 'note' && d.userId === bram.aadObjectId).map((d) => d.text);
    const resend = (text: string, id: string) => t.send({ ...message(bramChat.conv, bram, `notitie ${text}`), id, timestamp: at });

    expect((await resend('Overdracht geoefend met Mia', 'old-message-1')).status).toBe(200);
    expect(await bramsNotes()).toEqual(['Overdracht geoefend met Mia']);
    await bramChat.say('notitie Overdracht geoefend met Mia');
    expect(await bramsNotes()).toEqual(['Overdracht geoefend met Mia']);
    expect((await resend('Dit wilde ik niet bewaren', 'old-message-2')).status).toBe(200);
    expect(await bramsNotes()).toEqual(['Overdracht geoefend met Mia']);
  });
});
