/**
 * Found in review, stop 57 (fixed then: a chat note keeps the day Teams stamped its message, `chatDay`, and the same words are compared by that, not by when the app handled it).
 *
 * `notitie` is one note per text and day Teams stamped (README, Mijn verantwoording). The day of a
 * note already there is the day Teams stamped its message, as the new message's day is: around
 * midnight (Europe/Amsterdam) a message stamped before midnight may be handled a few seconds after.
 */
import type { IncomingMessage } from 'node:http';
import { message, user } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { startTestApp, TestApp } from '../support/test-app';
import { chatNoteKey, noteId } from '../../src/domain/verantwoording/accountability-note';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored documents under test */

const anna = user('Anna');
const path = (req: IncomingMessage) => (req.url ?? '').split('?')[0]!;
const header = (req: IncomingMessage, name: string) => String(req.headers[name] ?? '').toLowerCase() === 'true';
/** A create in the `personal` container (not a query). */
const isPersonalCreate = (req: IncomingMessage) =>
  req.method === 'POST' && /\/colls\/personal\/docs\/?$/.test(path(req)) && !header(req, 'x-ms-documentdb-isquery') && !header(req, 'x-ms-cosmos-is-query-plan-request');

describe('notitie: the same words around midnight, by the day Teams stamped', () => {
  let t: TestApp;
  // 00:00:20 in Amsterdam on 24 November (23:00:20 UTC on the 23rd, winter time).
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T23:00:20Z', { proxy: true });
  }, 60_000);
  afterAll(() => t?.stop());

  const notesSaying = async (text: string) => ((await t.store.container('personal').items.query('SELECT * FROM c').fetchAll()).resources as any[]).filter((n) => n.type === 'note' && n.text === text);

  it('two messages stamped the same evening (23:59:50, 23:59:55), handled just after midnight, are one note', async () => {
    const conv = t.conversation('personal', 'a:personal-anna');
    const words = 'Overdracht avonddienst besproken';
    // Both stamped on the 23rd in Amsterdam; Teams delivered them (again, after a slow answer) 25 s later.
    expect((await t.send({ ...message(conv, anna, `notitie ${words}`), id: 'eve-1', timestamp: '2026-11-23T22:59:50.000Z' })).status).toBe(200);
    expect((await t.send({ ...message(conv, anna, `notitie ${words}`), id: 'eve-2', timestamp: '2026-11-23T22:59:55.000Z' })).status).toBe(200);
    const notes = await notesSaying(words);
    expect(notes).toHaveLength(1);
    // The day Teams stamped (in Amsterdam), not the day it was handled.
    expect(notes[0].chatDay).toBe('2026-11-23');
  }, 60_000);

  it("a message stamped after midnight is a note of its own, not the evening's note handled after midnight", async () => {
    const conv = t.conversation('personal', 'a:personal-anna');
    const words = 'Nachtdienst: overdracht besproken';
    // Stamped 23:59:58 on the 23rd, handled at 00:00:20 on the 24th.
    expect((await t.send({ ...message(conv, anna, `notitie ${words}`), id: 'night-1', timestamp: '2026-11-23T22:59:58.000Z' })).status).toBe(200);
    t.clock.advanceMinutes(1);
    // The same words stamped on the 24th (00:01:10): another day as Teams stamped it.
    expect((await t.send({ ...message(conv, anna, `notitie ${words}`), id: 'night-2', timestamp: '2026-11-23T23:01:10.000Z' })).status).toBe(200);
    expect(await notesSaying(words)).toHaveLength(2);
  }, 60_000);

  it("two messages at once, one stamped in the evening and one after midnight: the evening's note is not removed", async () => {
    const conv = t.conversation('personal', 'a:personal-anna');
    const words = 'Overdracht wisseldienst besproken';
    // Message ids such that the after-midnight message's note has the lower id (the one the race keeps).
    let n = 0;
    let evening = '';
    let night = '';
    do {
      evening = `race-evening-${n}`;
      night = `race-night-${n}`;
      n++;
    } while (!(noteId(anna.aadObjectId, chatNoteKey(conv.id, night)) < noteId(anna.aadObjectId, chatNoteKey(conv.id, evening))));
    const eveningNote = noteId(anna.aadObjectId, chatNoteKey(conv.id, evening));
    // The night message looked before anything was there; its create is held while the evening one runs to its end.
    const held = cosmosGate(t.proxy!).hold(isPersonalCreate);
    const nightDone = t.send({ ...message(conv, anna, `notitie ${words}`), id: night, timestamp: '2026-11-23T23:00:05.000Z' });
    await held.arrived;
    expect((await t.send({ ...message(conv, anna, `notitie ${words}`), id: evening, timestamp: '2026-11-23T22:59:58.000Z' })).status).toBe(200);
    expect((await notesSaying(words)).map((x) => x.id)).toEqual([eveningNote]);
    held.release();
    expect((await nightDone).status).toBe(200);
    // The evening's note (answered, stamped on the 23rd) is no same-day twin of a message stamped on the 24th.
    expect((await notesSaying(words)).map((x) => x.id)).toContain(eveningNote);
  }, 60_000);
});
