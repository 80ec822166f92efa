/**
 * The erasure's side of the save window (save-window.ts, stop 54): a save of the person's own
 * records whose check found no erasure under way may still be writing when the erasure begins.
 * Answered within its window, it is kept, so the erasure's last sweep of the partition must come
 * after that window: a whole window after the ticket. Answered later, it takes back what it wrote.
 * Here the window is long (3 s) and the erasure itself quick, so the two cases part: the note's
 * create is held at the Cosmos proxy until the erasure deletes its ticket, after its last sweep.
 * An erasure sweeping at once would be done long before the note's window closed, and the note,
 * answered in time, would be kept; one that waits out the window sweeps after it, and the note is
 * taken back. A note landing while the erasure waits is answered as saved and then erased with the rest.
 */
import { erasureTicketId } from '../../src/domain/verantwoording/erasure-ticket';
import { CosmosFaultRule, holdFirst } from '../support/cosmos-proxy';
import { TestUser, user } from '../support/activities';
import { processClock } from '../../src/usecases/verantwoording/window-clock';
import { startTestApp, TestApp } from '../support/test-app';
import { tabApi } from './support';

const WINDOW_MS = 3_000;

describe('an erasure sweeps the partition for the last time once the save window closed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, saveWindowMs: WINDOW_MS, windowClock: processClock });
  }, 60_000);
  afterAll(() => t.stop());

  const own = async (who: TestUser) =>
    (await t.store.container('personal').items.query({ query: 'SELECT c.type, c.text FROM c WHERE c.userId = @u', parameters: [{ name: '@u', value: who.aadObjectId }] }).fetchAll()).resources.map(
      (d: { type: string; text?: string }) => `${d.type}:${d.text ?? ''}`,
    );

  /** Holds the first create in the personal container (the note) until a later request there is one `release` names. */
  function holdNoteUntil(release: (req: { kind: string; path: string }) => boolean) {
    const note = holdFirst((req) => req.container === 'personal' && req.kind === 'create');
    let holding = false;
    const rule: CosmosFaultRule = (req) => {
      if (req.container !== 'personal') return undefined;
      if (holding && release(req)) note.open();
      if (holding) return undefined;
      const fault = note.rule(req);
      holding = fault !== undefined;
      return fault;
    };
    return { rule, held: note.held };
  }

  it('a note held until the erasure deletes its ticket is taken back, not answered as saved', async () => {
    const tess = user('Tess');
    const api = await tabApi(t, tess.aadObjectId);
    const ticketDoc = `/docs/${erasureTicketId(tess.aadObjectId)}`;
    // Its last sweep done, the erasure deletes its ticket: only then does the note land.
    const hold = holdNoteUntil((req) => req.kind === 'delete' && req.path.endsWith(ticketDoc));
    await t.proxy!.withFaults(hold.rule, async () => {
      const save = api('POST', '/notes', { text: 'Tess wil een andere rol', key: 'tess-tab-note-00001' });
      await hold.held;
      expect((await api('POST', '/erase', { confirm: true })).json).toEqual({ erased: true });
      const saved = await save;
      expect({ answeredSaved: saved.status === 201, left: await own(tess) }).toEqual({ answeredSaved: false, left: [] });
    });
  }, 60_000);

  it('a note landing as the erasure begins is answered as saved, and erased with the rest', async () => {
    const ivo = user('Ivo');
    const api = await tabApi(t, ivo.aadObjectId);
    // The next create there is the erasure's ticket: the note lands as the erasure begins, well within its window.
    const hold = holdNoteUntil((req) => req.kind === 'create');
    await t.proxy!.withFaults(hold.rule, async () => {
      const save = api('POST', '/notes', { text: 'Ivo twijfelt', key: 'ivo-tab-note-000001' });
      await hold.held;
      const erased = api('POST', '/erase', { confirm: true });
      expect((await save).status).toBe(201);
      expect((await erased).json).toEqual({ erased: true });
    });
    expect(await own(ivo)).toEqual([]);
  }, 60_000);
});
