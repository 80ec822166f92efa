import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote, deleteNote } from '../../src/usecases/verantwoording/notes';
import { execute, user } from '../support/activities';
import { buttonData, inputValue, teamsPressData } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat, verantwoordingDeps } from './support';

/**
 * A README left-out of stop 40. Anna types a new note on her verantwoording overview and, before
 * saving it, presses "Wat ziet mijn leidinggevende?", or a button whose press is refused (a note
 * she deleted in the tab meanwhile). The preview had no way back, and its button sent nothing;
 * the error card's "Terug" carried nothing: either way the typed note was gone.
 *
 * What must hold: the preview and the error card each have a way back to the overview that carries
 * the typed note, and the overview shows it again in the new-note field, still unsaved.
 */
describe('a new note typed on the overview, through the preview and an error card', () => {
  let t: TestApp;
  const anna = user('Anna');
  const mia = user('Mia');
  const DRAFT = 'Ik wil mijn leidinggevende vragen om een vaste leerdag (nog niet bewaard)';
  const notes = async () => (await t.store.container('personal').items.query({ query: "SELECT c.text FROM c WHERE c.type = 'note' AND c.userId = @u", parameters: [{ name: '@u', value: anna.aadObjectId }] }).fetchAll()).resources.map((n) => n.text as string);

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory });
    // Mia plans the conversation, so Anna's overview has its section with the preview.
    await t.send(execute(t.conversation('personal', 'a:personal-mia'), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
  });
  afterAll(() => t.stop());

  it('the preview carries the typed note back to the overview', async () => {
    const chat = new PersonalChat(t, anna);
    const overview = (await chat.say('verantwoording')).cards[0];
    const preview = await chat.press('review.preview', teamsPressData(overview, 'review.preview', { text: DRAFT }), 'overview');
    expect(cardText(preview)).toContain('Voorbeeld: zo ziet je leidinggevende de voorbereidingskaart');
    expect(cardProblems(preview)).toEqual([]);
    const back = buttonData(preview, 'verantwoording.show');
    expect(back).toEqual({ text: DRAFT });
    const again = await chat.press('verantwoording.show', back, 'overview');
    expect(inputValue(again, 'text')).toBe(DRAFT);
    expect(await notes()).not.toContain(DRAFT);
  });

  it("the error card's Terug carries the typed note back to the overview", async () => {
    const note = await addNote(verantwoordingDeps(t.cosmos), anna.aadObjectId, { key: 'draft-gone-1', text: 'Een notitie die in het tabblad wordt gewist' });
    const chat = new PersonalChat(t, anna);
    const overview = (await chat.say('verantwoording')).cards[0];
    // Deleted in the tab meanwhile: her "Bewerken" on the overview finds nothing.
    await deleteNote(verantwoordingDeps(t.cosmos), anna.aadObjectId, note.id);
    const refused = await chat.press('verantwoording.note.open', teamsPressData(overview, 'verantwoording.note.open', { text: DRAFT }, (d) => d.noteId === note.id), 'overview');
    expect(cardText(refused)).toMatch(/niet (meer )?gevonden|bestaat niet|niet meer/i);
    const back = buttonData(refused, 'verantwoording.show');
    expect(back).toEqual({ text: DRAFT });
    const again = await chat.press('verantwoording.show', back, 'overview');
    expect(inputValue(again, 'text')).toBe(DRAFT);
    expect(await notes()).not.toContain(DRAFT);
  });
});
