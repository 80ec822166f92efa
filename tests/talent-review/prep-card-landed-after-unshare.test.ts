import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, submit, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia');
const anna = user('Anna');
const TITLE = 'Voorbereiding: talentontwikkelgesprek met Anna';

/**
 * A prep card composed before Anna takes a note back, and landing after. Mia opens the
 * prep from her list on the Action.Submit fallback: the card (with the note) goes out as an
 * update of the pressed message through the shared-card lane, which retries a 503 with the card
 * it built. Anna takes the note back between the first try and the retry: her rebuild (the
 * outbox) updates the same message first, and the retry then puts the old card, note and all,
 * back over it, and nothing rebuilt it after that. Once an update of the card has landed, the
 * app checks whether the report's sharing changed since it was built, and rebuilds the message
 * if it did. Found in review, stop 36.
 */
describe('a prep card built before an un-share that lands after it', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const annaChat = () => t.conversation('personal', 'a:personal-anna');
  // Anna's press, without waiting for the app's shared-card lane (Mia's held update is in it).
  const raw = async (activity: Record<string, unknown>) => {
    const res = await fetch(`${t.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ timestamp: t.clock.now().toISOString(), ...activity }) });
    return res.status;
  };

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('the note Anna took back is not on the message once every update has landed', async () => {
    const NOTE = 'Anna heeft een burn-out gehad';
    const noteId = (await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'n1', text: NOTE, shared: true })).id;
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    const reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;

    // Teams answers the first update of Mia's message 503; the retry is on its way while Anna acts.
    let puts = 0;
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let retryArrived!: () => void;
    const retryOnItsWay = new Promise<void>((r) => (retryArrived = r));
    const isMiasMessage = (req: { method: string; path: string; body: unknown }) => req.method === 'PUT' && req.path.endsWith('/activities/list-msg') && cardText((req.body as any)?.attachments?.[0]?.content).includes(NOTE); // eslint-disable-line @typescript-eslint/no-explicit-any -- Bot Framework JSON
    t.connector.holds.push((req) => {
      if (!isMiasMessage(req)) return undefined;
      puts++;
      if (puts !== 2) return undefined;
      retryArrived();
      return released;
    });
    t.connector.faults.push((req) => (isMiasMessage(req) && puts === 1 ? { status: 503 } : undefined));

    const shown = t.send(submit(miaChat(), mia, { verb: 'review.prep.show', reviewId }, 'list-msg'));
    try {
      await retryOnItsWay;
      expect(await raw(execute(annaChat(), anna, 'verantwoording.visibility', { kind: 'note', id: noteId, visibility: 'private' }, 'overview-card'))).toBe(200);
      await t.app.outbox.drain(60_000);
      const rebuilt = t.connector.calls.filter((c) => c.method === 'PUT' && c.id === 'list-msg');
      // Anna's rebuild landed, without the note.
      expect(rebuilt.map((c) => ({ title: cardText(c.activity.attachments[0].content).includes(TITLE), note: cardText(c.activity.attachments[0].content).includes(NOTE) }))).toEqual([{ title: true, note: false }]);
    } finally {
      // A failed look must not leave Mia's press and its held update going into the app's stop.
      release();
      await shown.catch(() => undefined);
    }
    await shown;
    t.connector.holds.length = 0;
    t.connector.faults.length = 0;
    await t.app.outbox.drain(60_000);
    const now = cardText(t.connector.latest('list-msg'));
    expect({ title: now.includes(TITLE), stillShowsTakenBackNote: now.includes(NOTE) }).toEqual({ title: true, stillShowsTakenBackNote: false });
  }, 120_000);
});
