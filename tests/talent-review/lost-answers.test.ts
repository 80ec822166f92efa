import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');

/** Probe: a planned conversation Cosmos DB stored, its answer lost on every try (reads answer). */
/**
 * "An error card means nothing was stored": Cosmos DB stores the write and its answer is lost on
 * every try (or a step after the commit fails). The id is known, so the save looks it up and the
 * person gets what was stored, not an error card; a step that can fail after the commit comes
 * first (the handover job), so its failure stores nothing. Found in review, stop 32.
 */
describe('a plan stored whose answer is lost', () => {
  let t: TestApp;
  const personal = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>) => (await t.send(execute(personal(), mia, verb, data, 'card-1'))).body.value;
  const reviews = async (reportId: string) => (await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources.filter((r) => r.reportId === reportId);

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  it('"Gesprek plannen": the review is stored, yet the manager gets an error card', async () => {
    const plan = { reportId: 'aad-bram', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' };
    t.proxy!.faults = (req) => (req.container === 'reviews' && req.kind === 'create' ? { kind: 'dropAfter' } : undefined);
    let card;
    try {
      card = await press('review.plan.save', plan);
    } finally {
      t.proxy!.faults = undefined;
    }
    const stored = (await reviews('aad-bram')).length;
    expect({ stored, planned: /Gepland/.test(cardText(card)), error: /niets verloren|Er ging iets mis|Dat lukte niet/i.test(cardText(card)) }).toEqual({ stored: 1, planned: true, error: false });
  });
});
