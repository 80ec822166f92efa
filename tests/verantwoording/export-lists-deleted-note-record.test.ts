/**
 * Found in review, stop 47. Deleting a note leaves a `deletedNote` record in the person's own
 * `personal` partition for three days (DELETED_NOTE_TTL_SECONDS): the note's id, a fingerprint of
 * the chat message that wrote it (since stop 57 nothing made from its text), and when it was deleted. Her erasure
 * deletes it with the rest of her partition, but "mijn gegevens" (everything the app keeps about
 * her) never read it: no field listed deleted notes.
 *
 * 1. Anna types `notitie ...` in her 1:1 chat and deletes the note from her overview.
 * 2. Her partition holds a `deletedNote` record under the note's id.
 * 3. She downloads her data in the tab.
 * Must hold: the export's `deletedNotes` lists that record: the note's id, when she deleted it,
 * until when it is kept, and its fingerprint as kept; nothing of what the note said.
 */
import { DELETED_NOTE_TTL_SECONDS } from '../../src/domain/verantwoording/accountability-note';
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat, tabApi } from './support';

const anna = user('Anna');

describe('the export and a deleted note\'s record', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 120_000);
  afterAll(() => t.stop());

  const annaPartition = async () =>
    (await t.store.container('personal').items.query({ query: 'SELECT * FROM c WHERE c.userId = @u', parameters: [{ name: '@u', value: anna.aadObjectId }] }).fetchAll()).resources;

  it('lists the deletedNote record kept in her partition', async () => {
    const chat = new PersonalChat(t, anna);
    await chat.say('notitie Een gedachte die ik weer weggooi');
    const [note] = (await annaPartition()).filter((d) => d.type === 'note');
    expect(note).toBeDefined();
    t.clock.advanceMinutes(5);
    await chat.press('verantwoording.note.delete', { noteId: note.id, rev: 1 }, 'overview-card');

    const kept = (await annaPartition()).filter((d) => d.type === 'deletedNote');
    expect(kept).toEqual([expect.objectContaining({ id: note.id, userId: anna.aadObjectId, deletedAt: '2026-11-23T08:05:00.000Z', chatMessage: expect.any(String) })]);
    expect(kept[0]).not.toHaveProperty('firstText');

    const api = await tabApi(t, anna.aadObjectId);
    const exported = await api('GET', '/export');
    expect(exported.status).toBe(200);
    expect(exported.json.notes).toEqual([]);
    expect(exported.json.deletedNotes).toEqual([
      {
        noteId: note.id,
        deletedAt: '2026-11-23T08:05:00.000Z',
        keptUntil: new Date(Date.parse('2026-11-23T08:05:00.000Z') + DELETED_NOTE_TTL_SECONDS * 1000).toISOString(),
        chatMessage: kept[0].chatMessage,
      },
    ]);
    expect(JSON.stringify(exported.json)).not.toContain('Een gedachte die ik weer weggooi');
  }, 120_000);
});
