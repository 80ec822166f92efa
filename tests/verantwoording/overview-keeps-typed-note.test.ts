import { addNote } from '../../src/usecases/verantwoording/notes';
import { MEMBERS } from '../support/group-driver';
import { inputValue, inputValues, teamsPressData as pressData } from '../support/card-fields';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat, verantwoordingDeps } from './support';

/**
 * Found in review, stop 40. The overview card in the personal chat ("verantwoording") has the
 * field for a new note on the same card as its other buttons: share/unshare per note, answer, week
 * and Prof-traject, Vernieuwen, edit and delete. Anna types a new note and, before pressing
 * "Notitie toevoegen", shares an older note, deletes one, presses Vernieuwen or edits a note.
 * Those buttons were `associatedInputs: 'none'`: Teams did not send what she typed, and their
 * answer replaced the whole card, so her unsaved note was gone without a word.
 *
 * What must hold: each of those buttons sends the card's inputs along, its own change is made,
 * and the answer shows the typed note back in the new-note field. A card opened from the overview
 * (a note edit) carries it to the overview again, on save and on "Terug". The typed note is never
 * stored: only "Notitie toevoegen" saves it.
 *
 * The client is simulated as Teams does it: a button sends the card's inputs unless its
 * `associatedInputs` is 'none'.
 */
describe('a new note being typed on the overview card survives the card\'s other buttons', () => {
  let t: TestApp;
  const anna = MEMBERS[0]!;
  const DRAFT = 'Vandaag leerde ik dat een vaste overdracht rust geeft (nog niet bewaard)';

  const storedNotes = async (): Promise<{ id: string; text: string; visibility: string }[]> =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.userId = @u AND c.type = 'note'", parameters: [{ name: '@u', value: anna.aadObjectId }] }).fetchAll()).resources;

  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t.stop());

  it('sharing an older note while a new one is typed keeps the typed text on the card', async () => {
    const older = await addNote(verantwoordingDeps(t.cosmos), anna.aadObjectId, { key: 'draft-older-1', text: 'Een oudere notitie om te delen' });
    const chat = new PersonalChat(t, anna);
    const overview = (await chat.say('verantwoording')).cards[0];
    expect(inputValue(overview, 'text')).toBeDefined();
    const after = await chat.press('verantwoording.visibility', pressData(overview, 'verantwoording.visibility', { text: DRAFT }, (d) => d.id === older.id));
    // The share itself worked...
    const stored = (await t.store.container('personal').item(older.id, anna.aadObjectId).read()).resource;
    expect(stored.visibility).toBe('shared');
    // ...and what Anna was typing is still in the new-note field.
    expect(inputValue(after, 'text')).toBe(DRAFT);
  });

  it('Vernieuwen while a new note is typed keeps the typed text on the card', async () => {
    const chat = new PersonalChat(t, anna);
    const overview = (await chat.say('verantwoording')).cards[0];
    const after = await chat.press('verantwoording.show', pressData(overview, 'verantwoording.show', { text: DRAFT }));
    expect(inputValue(after, 'text')).toBe(DRAFT);
  });

  it('deleting a note while a new one is typed deletes it and keeps the typed text', async () => {
    const doomed = await addNote(verantwoordingDeps(t.cosmos), anna.aadObjectId, { key: 'draft-doomed-1', text: 'Een notitie die weg mag' });
    const chat = new PersonalChat(t, anna);
    const overview = (await chat.say('verantwoording')).cards[0];
    const after = await chat.press('verantwoording.note.delete', pressData(overview, 'verantwoording.note.delete', { text: DRAFT }, (d) => d.noteId === doomed.id));
    expect((await storedNotes()).map((n) => n.id)).not.toContain(doomed.id);
    expect(inputValue(after, 'text')).toBe(DRAFT);
  });

  it('editing a note carries the typed text through the edit card, on save and on "Terug", and never stores it', async () => {
    const edited = await addNote(verantwoordingDeps(t.cosmos), anna.aadObjectId, { key: 'draft-edited-1', text: 'Een notitie om te herschrijven' });
    const chat = new PersonalChat(t, anna);
    const overview = (await chat.say('verantwoording')).cards[0];
    const edit = await chat.press('verantwoording.note.open', pressData(overview, 'verantwoording.note.open', { text: DRAFT }, (d) => d.noteId === edited.id));
    // The edit card's own field holds the note being edited, not the typed new note.
    expect(inputValue(edit, 'text')).toBe('Een notitie om te herschrijven');

    const back = await chat.press('verantwoording.show', pressData(edit, 'verantwoording.show', inputValues(edit)));
    expect(inputValue(back, 'text')).toBe(DRAFT);

    const saved = await chat.press('verantwoording.note.save', pressData(edit, 'verantwoording.note.save', { text: 'Herschreven notitie' }));
    expect(JSON.stringify(saved)).toContain('Herschreven notitie');
    expect(inputValue(saved, 'text')).toBe(DRAFT);
    const notes = await storedNotes();
    expect(notes.find((n) => n.id === edited.id)?.text).toBe('Herschreven notitie');
    expect(notes.filter((n) => n.text.includes(DRAFT))).toEqual([]);
  });
});
