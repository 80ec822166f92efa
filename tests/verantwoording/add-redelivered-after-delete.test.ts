import { randomUUID } from 'node:crypto';
import { execute, message, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { allActionData, appWithChatOf, PersonalChat } from './support';

const anna = user('Anna');

/**
 * Found in review (Mijn verantwoording, adding notes). Anna adds a note from her overview,
 * regrets it at once and deletes it from the card that answered. Teams then delivers her
 * "Notitie toevoegen" press again (the same invoke: same activity id, same card key). The note's
 * id comes from the card's key and nothing remembered that this key's note was deleted, so the
 * note was created afresh: a deleted note was back (and a shared one would reach her manager
 * again). The same held for `notitie <tekst>` typed in the chat, whose key is its words and day.
 * What must hold: the add delivered again after the delete creates nothing, and what the delete
 * leaves behind holds none of the note's words; the same words sent anew in the chat (another
 * message) are a note again.
 */
describe('an add-note press delivered again after the note was deleted', () => {
  let t: TestApp;
  let chat: PersonalChat;
  beforeAll(async () => {
    ({ t, chat } = await appWithChatOf(anna));
  });
  afterAll(() => t.stop());

  const personal = async () => (await t.store.container('personal').items.query('SELECT * FROM c').fetchAll()).resources;
  const notes = async () => (await personal()).filter((d) => d.type === 'note');

  it('does not bring the deleted note back', async () => {
    const add = { text: 'Dit wil ik toch niet bewaren', k: randomUUID() };
    const pressId = 'add-press-1';
    const first = await t.send(execute(chat.conv, anna, 'verantwoording.note.add', add, 'overview-card', pressId));
    expect(cardText(first.body.value)).toContain('Dit wil ik toch niet bewaren');
    expect(await notes()).toHaveLength(1);

    const del = allActionData(first.body.value, 'verantwoording.note.delete')[0]!;
    const after = await chat.press('verantwoording.note.delete', del, 'overview-card');
    expect(cardText(after)).not.toContain('Dit wil ik toch niet bewaren');
    expect(await notes()).toHaveLength(0);

    // Teams delivers the add press again.
    const again = await t.send(execute(chat.conv, anna, 'verantwoording.note.add', add, 'overview-card', pressId));
    expect(again.status).toBe(200);
    expect((await notes()).map((n) => n.text)).toEqual([]);
    // The answer is her overview as it stands, without the note.
    expect(cardText(again.body.value)).not.toContain('Dit wil ik toch niet bewaren');
    // What the delete left under the note's id says nothing the note said.
    expect(JSON.stringify(await personal())).not.toContain('niet bewaren');
  });

  it('does not bring back a note typed in the chat, but the same words sent anew are a note', async () => {
    const words = 'Een gedachte die ik weer weggooi';
    const saying = async () => (await notes()).filter((n) => n.text === words);
    const typed = message(chat.conv, anna, `notitie ${words}`);
    expect((await t.send(typed)).status).toBe(200);
    const [note] = await saying();
    expect(note).toBeDefined();
    await chat.press('verantwoording.note.delete', { noteId: note.id, rev: 1 }, 'overview-card');
    expect(await saying()).toHaveLength(0);

    // Teams delivers the message again (the same activity).
    expect((await t.send(typed)).status).toBe(200);
    expect(await saying()).toHaveLength(0);

    // She types the same words again (another message): she wants the note after all.
    await chat.say(`notitie ${words}`);
    expect(await saying()).toHaveLength(1);
  });
});
