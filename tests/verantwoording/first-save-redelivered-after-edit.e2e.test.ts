import { execute, message, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A note's first save that Teams delivers again (the bot answered late) after the person already
 * edited that note in the tab: the same form, the same text as the first save. It added a second
 * note with the first text beside the edited one (left out in stop 34). The note remembers a
 * fingerprint of the text it was created with, so a redelivered first save finds the note it made;
 * another text under the same form (an improved save after a lost answer) is still a note of its own.
 */
describe('a note first save redelivered after the note was edited elsewhere', () => {
  let t: TestApp;
  let token = '';
  const anna = user('Anna');
  const conv = () => t.conversation('personal', 'a:personal-anna');
  const notes = async () =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'note' AND c.userId = @u", parameters: [{ name: '@u', value: 'aad-anna' }] }).fetchAll()).resources;
  const editInTab = async (noteId: string, text: string, rev: number) => {
    const res = await fetch(`${t.app.url}/api/verantwoording/notes/${encodeURIComponent(noteId)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text, rev }),
    });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    const res = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-anna' }) });
    token = (await res.json()).token;
  }, 60_000);
  afterAll(() => t.stop());
  afterEach(async () => {
    for (const n of await notes()) await t.store.container('personal').item(n.id, n.userId).delete();
  });

  it('add-note card: the redelivered save finds the edited note, and the reply shows the edited text', async () => {
    const add = execute(conv(), anna, 'verantwoording.note.add', { text: 'Gesprek met Bram over overdracht', k: 'card-key-redeliver-1' }, 'card-1');
    expect((await t.send(add)).status).toBe(200);
    const [note] = await notes();
    await editInTab(note.id, 'Gesprek met Bram over overdracht, en wat ik ervan leerde', 1);

    const again = await t.send(add);
    expect((await notes()).map((n) => n.text)).toEqual(['Gesprek met Bram over overdracht, en wat ik ervan leerde']);
    expect(cardText(again.body?.value)).toContain('en wat ik ervan leerde');
  });

  it('the notitie command: the same message again stores nothing new', async () => {
    const activity = { ...message(conv(), anna, 'notitie Vandaag veel geleerd over overdracht'), timestamp: '2026-11-23T08:00:00.000Z' };
    expect((await t.send(activity)).status).toBe(200);
    const [note] = await notes();
    await editInTab(note.id, 'Vandaag veel geleerd over overdracht aan de avonddienst', 1);

    t.clock.advanceMinutes(1);
    expect((await t.send(activity)).status).toBe(200);
    expect((await notes()).map((n) => n.text)).toEqual(['Vandaag veel geleerd over overdracht aan de avonddienst']);
  });

  it('another text under the same form is still a note of its own', async () => {
    const add = (text: string) => t.send(execute(conv(), anna, 'verantwoording.note.add', { text, k: 'card-key-redeliver-2' }, 'card-1'));
    await add('Eerste versie');
    const [note] = await notes();
    await editInTab(note.id, 'Eerste versie, bijgewerkt', 1);
    await add('Een heel andere notitie');
    expect((await notes()).map((n) => n.text).sort()).toEqual(['Een heel andere notitie', 'Eerste versie, bijgewerkt']);
  });
});
