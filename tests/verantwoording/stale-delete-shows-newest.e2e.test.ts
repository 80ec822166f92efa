import { randomUUID } from 'node:crypto';
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { actionData, allActionData, appWithChatOf, PersonalChat } from './support';

const anna = user('Anna');

/**
 * Verwijderen on an overview card older than the note's text is refused (stop 31), and the answer
 * was the generic "changed elsewhere" error card: no newer text, no way on but the overview. It
 * shows that newer text and a delete that names its version, so the person decides on what is
 * stored now. Found in review, stop 32.
 */
describe('a delete from an older card shows the newest text', () => {
  let t: TestApp;
  let chat: PersonalChat;
  beforeAll(async () => {
    ({ t, chat } = await appWithChatOf(anna));
  });
  afterAll(() => t.stop());

  it('the refusal shows the newer text of the note', async () => {
    const add = await chat.press('verantwoording.note.add', { text: 'Oude tekst van de notitie', k: randomUUID() });
    const open = actionData(add, 'verantwoording.note.open')!;
    const editCard = await chat.press('verantwoording.note.open', open);
    const save = actionData(editCard, 'verantwoording.note.save')!;
    await chat.press('verantwoording.note.save', { ...save, text: 'Nieuwe, belangrijke tekst' });
    const del = allActionData(add, 'verantwoording.note.delete').find((d) => d.noteId === open.noteId)!;
    const refused = await chat.press('verantwoording.note.delete', del);
    expect(cardText(refused)).toContain('Nieuwe, belangrijke tekst');
    expect(cardText(refused)).toContain('Niet verwijderd');
    // Deleting what they now see works at once.
    await chat.press('verantwoording.note.delete', actionData(refused, 'verantwoording.note.delete')!);
    const notes = (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'note'").fetchAll()).resources;
    expect(notes.filter((n) => n.id === open.noteId)).toEqual([]);
  });
});
