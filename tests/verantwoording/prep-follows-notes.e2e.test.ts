import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia'); // Anna's manager
const anna = user('Anna');
const TITLE = 'Voorbereiding: talentontwikkelgesprek met Anna';

/**
 * What the manager's prep card shows follows what Anna shares. (1) Anna deletes a note she
 * shared while the reviews container is briefly unavailable (Cosmos DB 503s for the length of her
 * turn): the note is gone, yet she is told "it did not work, nothing was lost, try again", and
 * trying again says the note does not exist. (2) A note shared as it is written never reaches a
 * prep card the manager already has.
 */
describe('the prep card follows notes shared or deleted from the tab and chat', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const annaChat = () => t.conversation('personal', 'a:personal-anna');
  let token = '';

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
    const res = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-anna' }) });
    token = (await res.json()).token;
  });
  afterAll(() => t.stop());

  it('does not tell Anna "nothing was lost, try again" when her shared note was deleted, nor leave it in her manager\'s chat', async () => {
    const NOTE = 'Anna denkt erover om te stoppen';
    const created = await fetch(`${t.app.url}/api/verantwoording/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: NOTE, shared: true, key: 'probe-note-0001' }),
    });
    const noteId = (await created.json()).id as string;
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2027-01-12', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    const reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
    const shown = await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, 'list-card'));
    expect(cardText(shown.body.value)).toContain(NOTE);

    // The reviews container is briefly unavailable while Anna deletes the note.
    t.proxy!.faults = (req) => (req.container === 'reviews' ? { kind: 'status', status: 503 } : undefined);
    const first = await t.send(execute(annaChat(), anna, 'verantwoording.note.delete', { noteId }, 'overview-card'));
    t.proxy!.faults = undefined;
    const firstText = cardText(first.body?.value);
    // Stored, but the overview could not be read (the reviews were down): she is told it is saved.
    expect(firstText).toContain('Je wijziging is bewaard.');
    // She does what the card says: presses delete again.
    const second = await t.send(execute(annaChat(), anna, 'verantwoording.note.delete', { noteId }, 'overview-card'));
    const secondText = cardText(second.body?.value);
    // Whatever was left to retry (durable jobs, the outbox) gets its chance.
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);

    const notes = (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'note' AND c.userId = 'aad-anna'").fetchAll()).resources;
    // What Mia's message shows: the latest update of it, or else the card she opened.
    const miaSees = cardText(t.connector.latest('list-card') ?? shown.body.value);
    expect(miaSees).toContain(TITLE);
    // The note is gone, so Anna must not be told it failed ("nothing was lost, try again"), and the
    // note must not stay in Mia's chat.
    expect({ noteStored: notes.length, firstAnswer: firstText, secondAnswer: secondText, managerStillSeesNote: miaSees.includes(NOTE) }).toEqual({
      noteStored: 0,
      firstAnswer: expect.not.stringMatching(/lukte niet|niets verloren/),
      // Deleting a note that is gone already is done, not refused.
      secondAnswer: expect.not.stringMatching(/lukte niet|niets verloren|bestaat niet/),
      managerStillSeesNote: false,
    });
  }, 90_000);

  it('shows a note Anna shares as she writes it ("Meteen delen") on the prep card Mia already has, as a later toggle would', async () => {
    const reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
    const shown = await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, 'list-card-2'));
    expect(cardText(shown.body.value)).toContain(TITLE);
    const NOTE = 'Anna wil graag een opleiding tot coach volgen';
    const created = await fetch(`${t.app.url}/api/verantwoording/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: NOTE, shared: true, key: 'probe-note-0002' }),
    });
    expect(created.status).toBe(201);
    await t.app.outbox.drain(60_000);
    const miaSees = cardText(t.connector.latest('list-card-2') ?? shown.body.value);
    expect(miaSees).toContain(NOTE);
  }, 90_000);
});
