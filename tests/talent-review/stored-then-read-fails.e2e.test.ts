import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');
const ERROR = /Dat lukte niet|niets verloren|Er ging iets mis|lukte nu niet/i;

/**
 * "An error card means nothing was stored": the plan (or the manager's phase proposal) is stored,
 * and then the card that shows it cannot be built (the store briefly refuses the read that follows).
 * The manager was told it failed; now they get that it is saved, with what was planned and a
 * button to the prep. Found in review, stop 34.
 */
describe('a talent-review change stored, then the read for its answer fails', () => {
  let t: TestApp;
  const personal = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>) => (await t.send(execute(personal(), mia, verb, data, 'card-1'))).body.value;
  const reviews = async (reportId: string) => (await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources.filter((r) => r.reportId === reportId);

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());
  afterEach(() => {
    t.proxy!.faults = undefined;
  });
  /** The review's replace goes through; every read after it is refused for a moment. */
  const readsFailAfterReplace = () => {
    let stored = false;
    t.proxy!.faults = (req) => {
      if (req.container === 'reviews' && req.kind === 'replace') {
        stored = true;
        return undefined;
      }
      return stored && req.kind !== 'metadata' && req.kind !== 'queryPlan' ? { kind: 'status', status: 503 } : undefined;
    };
  };

  it('"Gesprek plannen": the review is stored, the list after it cannot be read: no error card', async () => {
    const plan = { reportId: 'aad-bram', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' };
    let stored = false;
    t.proxy!.faults = (req) => {
      if (req.container === 'reviews' && req.kind === 'create') stored = true;
      return stored && req.container === 'reviews' && req.kind === 'query' ? { kind: 'status', status: 503 } : undefined;
    };
    const card = await press('review.plan.save', plan);
    t.proxy!.faults = undefined;
    const inStore = (await reviews('aad-bram')).length;
    expect({ inStore, error: ERROR.test(cardText(card)) }).toEqual({ inStore: 1, error: false });
    expect(cardText(card)).toContain('Gepland: gesprek met Bram op do 10 december. De voorbereidingskaart komt op ma 7 december om 09:00.');
    expect(cardProblems(card)).toEqual([]);
  });

  it('"Fase voorstellen": the proposal is stored, the prep card after it cannot be built: no error card', async () => {
    const planned = await press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-11', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    expect(cardText(planned)).toMatch(/Gepland/);
    const [review] = await reviews('aad-anna');
    readsFailAfterReplace();
    const card = await press('review.phase.propose', { reviewId: review.id, phase: 'actie' });
    t.proxy!.faults = undefined;
    const [after] = await reviews('aad-anna');
    const before = JSON.stringify(review).includes('"actie"');
    expect({ proposalStored: !before && JSON.stringify(after).includes('"actie"'), error: ERROR.test(cardText(card)) }).toEqual({ proposalStored: true, error: false });
    expect(cardText(card)).toContain('Je wijziging is bewaard.');
    expect(cardProblems(card)).toEqual([]);
  });

  // Found in review of that change (stop 34): the account typed under "wat heb ik gefaciliteerd?"
  // came along unsaved and was gone from the "saved" answer, which read as if it were saved too.
  it('"Fase voorstellen" with an account typed and not saved: the answer names the phase and gives the account back to copy', async () => {
    const typed = 'Ik gaf Bram elke donderdagmiddag vrij voor zijn cursus';
    const [review] = await reviews('aad-bram');
    readsFailAfterReplace();
    const card = await press('review.phase.propose', { reviewId: review.id, phase: 'overwegen', facilitated: typed });
    t.proxy!.faults = undefined;
    const [after] = await reviews('aad-bram');
    expect(JSON.stringify(after)).toContain('"overwegen"');
    expect(JSON.stringify(after)).not.toContain(typed);
    expect(cardText(card)).toContain('Fase voorgesteld:');
    expect(cardText(card)).toContain('Niet bewaard; wat je typte, om te kopiëren:');
    expect(JSON.stringify(card)).toContain(typed);
    expect(cardProblems(card)).toEqual([]);
  });
});
