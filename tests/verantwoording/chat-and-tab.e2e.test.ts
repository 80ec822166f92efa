import { profTrajectId } from '../../src/domain/verantwoording/prof-traject';
import { user } from '../support/activities';
import { inputValue } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, allActionData, PersonalChat } from './support';


/**
 * Mijn verantwoording edited from the personal chat (cards) and the personal tab (HTTP API) at the
 * same time, by the same professional: neither side silently undoes the other, and a refused save
 * keeps what was typed.
 */
describe('Prof-traject and notes from chat and tab together', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  const api = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${t.app.url}/api/verantwoording${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, text, json: text ? JSON.parse(text) : undefined };
  };
  const traject = async (userId: string) => (await t.store.container('personal').item(profTrajectId(userId), userId).read()).resource;
  const notesOf = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.userId = @u AND c.type = 'note'", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources;

  beforeAll(async () => {
    t = await startTestApp();
    for (const who of ['aad-anna', 'aad-bram', 'aad-cem', 'aad-dewi']) {
      const res = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: who }) });
      tokens[who] = (await res.json()).token;
    }
  });
  afterAll(() => t.stop());

  it('keeps the maturity phase Anna chose in the chat when she edits her Prof-traject in the tab', async () => {
    const anna = new PersonalChat(t, user('Anna'));
    await anna.press('verantwoording.traject.save', { learningNeeds: 'Plannen', talents: 'Coachen', weeks: '20', maturityPhase: 'actie' }, 'traject-card');
    expect((await traject('aad-anna')).maturityPhase).toBe('actie');
    // The tab shows the Prof-traject (learning needs, talents, weeks) and saves it; it has no phase field.
    const saved = await api('aad-anna', 'PUT', '/traject', { learningNeeds: 'Plannen en delegeren', talents: 'Coachen', plannedWeeks: 20 });
    expect(saved.status).toBe(200);
    const stored = await traject('aad-anna');
    expect(stored.learningNeeds).toBe('Plannen en delegeren');
    // Her own choice of phase must survive an edit of another field elsewhere.
    expect(stored.maturityPhase).toBe('actie');
    // In the chat's form she can still take it back: no phase picked is sent as ''.
    const form = await anna.press('verantwoording.traject.open', {}, 'overview-card');
    expect(inputValue(form, 'maturityPhase')).toBe('actie');
    await anna.press('verantwoording.traject.save', { ...actionData(form, 'verantwoording.traject.save'), learningNeeds: 'Plannen en delegeren', talents: 'Coachen', weeks: '20', maturityPhase: '' }, 'traject-form');
    expect((await traject('aad-anna')).maturityPhase).toBeUndefined();
  });

  it('does not let a Prof-traject card opened earlier silently overwrite a newer text saved in the tab', async () => {
    const bram = new PersonalChat(t, user('Bram'));
    const V1 = 'Leren plannen';
    const V2 = 'Leren plannen en feedback geven, met een coach elke maand';
    await bram.press('verantwoording.traject.save', { learningNeeds: V1, talents: 'Luisteren', weeks: '20' }, 'traject-card');
    // Bram opens the Prof-traject form in the chat (it shows V1) ...
    const form = await bram.press('verantwoording.traject.open', {}, 'overview-card');
    expect(cardText(form)).toContain(V1);
    const save = actionData(form, 'verantwoording.traject.save')!;
    expect(save).toEqual({ rev: 1, visibilityRev: 0 });
    // ... meanwhile he rewrites his learning needs in the tab ...
    expect((await api('aad-bram', 'PUT', '/traject', { learningNeeds: V2, talents: 'Luisteren', plannedWeeks: 20 })).status).toBe(200);
    // ... then, back in the chat, changes only the weeks on the form he still has open and saves.
    const reply = await bram.press('verantwoording.traject.save', { ...save, learningNeeds: V1, talents: 'Luisteren', weeks: '12' }, 'traject-form');
    const stored = await traject('aad-bram');
    const toldOfConflict = /gewijzigd|changed/i.test(cardText(reply));
    // Either the newer text survives, or Bram is told his form was stale (as notes do): never a silent loss.
    expect({ learningNeeds: stored.learningNeeds, toldOfConflict }).not.toEqual({ learningNeeds: V1, toldOfConflict: false });
    // Both: the newer text stays, he is told, and his form comes back as he sent it, next to the stored version.
    expect(stored).toMatchObject({ learningNeeds: V2, plannedWeeks: 20, rev: 2 });
    expect(toldOfConflict).toBe(true);
    expect(cardText(reply)).toContain(V2);
    expect({ learningNeeds: inputValue(reply, 'learningNeeds'), weeks: inputValue(reply, 'weeks') }).toEqual({ learningNeeds: V1, weeks: 12 });
    // Having seen both, saving again is his choice: his version is kept.
    const again = actionData(reply, 'verantwoording.traject.save')!;
    expect(again).toEqual({ rev: 2, visibilityRev: 0 });
    const overview = await bram.press('verantwoording.traject.save', { ...again, learningNeeds: V1, talents: 'Luisteren', weeks: '12' }, 'traject-form-2');
    expect(cardText(overview)).toContain('Mijn verantwoording');
    expect(await traject('aad-bram')).toMatchObject({ learningNeeds: V1, plannedWeeks: 12, rev: 3 });
  });

  it('answers a Prof-traject saved in the tab from an older revision with 409 and the stored version', async () => {
    const created = await api('aad-dewi', 'PUT', '/traject', { learningNeeds: 'Rapporteren', talents: 'Structuur', plannedWeeks: 10, rev: 0 });
    expect(created).toMatchObject({ status: 200, json: { learningNeeds: 'Rapporteren', rev: 1 } });
    expect((await api('aad-dewi', 'GET', '')).json.profTraject).toMatchObject({ rev: 1 });
    // The chat saves a newer version ...
    const dewi = new PersonalChat(t, user('Dewi'));
    const form = await dewi.press('verantwoording.traject.open', {}, 'overview-card');
    await dewi.press('verantwoording.traject.save', { ...actionData(form, 'verantwoording.traject.save'), learningNeeds: 'Rapporteren met AI', talents: 'Structuur', weeks: '10', maturityPhase: 'overwegen' }, 'traject-form');
    // ... so the tab's save from revision 1 is refused, with what is stored now to show beside its own inputs.
    const stale = await api('aad-dewi', 'PUT', '/traject', { learningNeeds: 'Van het oude scherm', talents: 'Structuur', plannedWeeks: 10, rev: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json).toEqual({ error: 'conflict', traject: expect.objectContaining({ learningNeeds: 'Rapporteren met AI', maturityPhase: 'overwegen', rev: 2 }) });
    expect(await traject('aad-dewi')).toMatchObject({ learningNeeds: 'Rapporteren met AI', rev: 2 });
    // From the current revision it is saved, and the phase (not a field of the tab) is kept.
    expect((await api('aad-dewi', 'PUT', '/traject', { learningNeeds: 'Van het oude scherm', talents: 'Structuur', plannedWeeks: 10, rev: 2 })).json).toMatchObject({ learningNeeds: 'Van het oude scherm', maturityPhase: 'overwegen', rev: 3 });
  });

  it('saves one note when the "Notitie toevoegen" press reaches the bot twice (a retried click)', async () => {
    const cem = new PersonalChat(t, user('Cem'));
    const overview = (await cem.say('verantwoording')).cards[0];
    const data = actionData(overview, 'verantwoording.note.add');
    expect(data).toBeDefined();
    // Two presses of the same button on the same card (Teams sends each press as its own invoke).
    await cem.press('verantwoording.note.add', { ...data, text: 'Vandaag geleerd om eerder hulp te vragen' }, 'overview-card');
    await cem.press('verantwoording.note.add', { ...data, text: 'Vandaag geleerd om eerder hulp te vragen' }, 'overview-card');
    expect((await notesOf('aad-cem')).map((n) => n.text)).toEqual(['Vandaag geleerd om eerder hulp te vragen']);
    // The overview that answers carries a new key. The card from before pressed again with another
    // text is a note of its own too: nothing typed is dropped (stop 34).
    const next = await cem.press('verantwoording.note.add', { ...data, text: 'Nog iets' }, 'overview-card');
    const nextData = actionData(next, 'verantwoording.note.add')!;
    expect(nextData.k).not.toBe(data!.k);
    await cem.press('verantwoording.note.add', { ...nextData, text: 'Een tweede notitie' }, 'overview-card-2');
    expect((await notesOf('aad-cem')).map((n) => n.text).sort()).toEqual(['Een tweede notitie', 'Nog iets', 'Vandaag geleerd om eerder hulp te vragen']);
  });

  it('keeps the text Anna typed on the note card when the note was changed in the tab meanwhile', async () => {
    const anna = new PersonalChat(t, user('Anna'));
    const note = (await api('aad-anna', 'POST', '/notes', { text: 'Eerste versie', key: 'probe-conflict-01' })).json;
    const form = await anna.press('verantwoording.note.open', { noteId: note.id }, 'overview-card');
    const save = actionData(form, 'verantwoording.note.save')!;
    expect(save).toMatchObject({ noteId: note.id, rev: 1 });
    // The tab saves a newer version first ...
    expect((await api('aad-anna', 'PUT', `/notes/${note.id}`, { text: 'Versie uit het tabblad', rev: 1 })).status).toBe(200);
    // ... then Anna saves the long text she typed on the card in the chat.
    const MINE = 'Mijn aanvulling in de chat: wat ik deze week leerde over prioriteren en nee zeggen.';
    const reply = await anna.press('verantwoording.note.save', { ...save, text: MINE }, 'note-card');
    expect(cardText(reply)).toMatch(/gewijzigd/);
    // She is told of the conflict; her own words must still be on the card (a refused form loses nothing).
    expect(cardText(reply)).toContain(MINE);
    expect(inputValue(reply, 'text')).toBe(MINE);
    // The newer text is there to compare, and stays stored until she chooses.
    expect(cardText(reply)).toContain('Versie uit het tabblad');
    expect((await notesOf('aad-anna')).find((n) => n.id === note.id)).toMatchObject({ text: 'Versie uit het tabblad', rev: 2 });
    // Saving again from this card keeps her text.
    const again = actionData(reply, 'verantwoording.note.save')!;
    expect(again).toMatchObject({ noteId: note.id, rev: 2 });
    await anna.press('verantwoording.note.save', { ...again, text: MINE }, 'note-card-2');
    expect((await notesOf('aad-anna')).find((n) => n.id === note.id)).toMatchObject({ text: MINE, rev: 3 });
  });

  it('keeps the text Anna typed on the note card when she deleted the note in the tab meanwhile', async () => {
    const anna = new PersonalChat(t, user('Anna'));
    const note = (await api('aad-anna', 'POST', '/notes', { text: 'Te verwijderen', key: 'probe-deleted-01' })).json;
    const form = await anna.press('verantwoording.note.open', { noteId: note.id }, 'overview-card');
    const save = actionData(form, 'verantwoording.note.save')!;
    expect((await api('aad-anna', 'DELETE', `/notes/${note.id}`)).status).toBe(204);
    const MINE = 'Toch nog iets belangrijks dat ik wilde bewaren over de overdracht.';
    const reply = await anna.press('verantwoording.note.save', { ...save, text: MINE }, 'note-card');
    // A dead end: an error card without her text and without a way to keep it as a new note.
    expect(cardText(reply)).toContain(MINE);
    expect(cardText(reply)).toMatch(/verwijderd/);
    expect(inputValue(reply, 'text')).toBe(MINE);
    // She keeps it as a new note; a second press of the same button saves it once.
    const asNew = allActionData(reply, 'verantwoording.note.add');
    expect(asNew).toHaveLength(1);
    expect(asNew[0]!.k).toEqual(expect.any(String));
    const before = (await notesOf('aad-anna')).length;
    const overview = await anna.press('verantwoording.note.add', { ...asNew[0], text: MINE }, 'note-card');
    await anna.press('verantwoording.note.add', { ...asNew[0], text: MINE }, 'note-card');
    expect(cardText(overview)).toContain(MINE);
    const notes = await notesOf('aad-anna');
    expect(notes).toHaveLength(before + 1);
    expect(notes.filter((n) => n.text === MINE)).toHaveLength(1);
  });
});
