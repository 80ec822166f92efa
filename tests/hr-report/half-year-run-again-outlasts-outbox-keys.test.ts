/**
 * Found in review, stop 53 (fixed then: a half-year job running again every ten minutes while the
 * manager directory did not answer could go on, late, for months (until the next moment month), but
 * its "each card once" rested on the outbox's card keys, which the outbox forgets a week after
 * sending: HR, reminded on 1 December, was reminded again in January when the directory answered).
 * Now the year's plan keeps the keys of the cards such a run queued (`halfYearCardsQueued`, one-way
 * hashes, no person) until the half-year is remembered, and a run again queues none of them anew.
 *
 * The embedded Cosmos server does not expire documents, so the test removes the finished outbox
 * documents as Cosmos' TTL (DEFAULT_KEEP_SECONDS, a week) would have by January.
 * Clock: Monday 23 November 2026; Hanna is HR; Mia manages Anna and planned nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentProblems } from '../../src/store/document-schemas';
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from '../verantwoording/support';
import { runAt as runAppAt } from '../rhythm/support';
import { personalCardsTitled } from '../support/hr-report';

/* eslint-disable @typescript-eslint/no-explicit-any -- JSON under test */

const HR_TITLE = 'Het halfjaar loopt af: tijd voor de verantwoording aan het bestuur';
const MANAGER_TITLE = 'Plan de talentontwikkelgesprekken van dit halfjaar';
const DIRECTORY = JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] });

describe('a half-year run waiting for the directory past the outbox\'s week', () => {
  let t: TestApp;
  let file: string;
  const plan2026 = async () =>
    ((await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'jaarplan' AND c.year = 2026").fetchAll()).resources as any[])[0];

  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(file, DIRECTORY);
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', DIRECTORY_FILE: file }, '2026-11-23T09:00:00Z');
  });
  afterAll(() => t.stop());

  it('reminds HR once, also when the directory answers again only in January', async () => {
    await new PersonalChat(t, user('Hanna')).say('jaarplan'); // schedules Tuesday 1 December 2026
    writeFileSync(file, '{ "users": [ half written'); // the directory does not answer
    await runAppAt(t, '2026-12-01T08:00:00Z');
    expect(personalCardsTitled(t, 'aad-hanna', HR_TITLE)).toHaveLength(1);
    // The plan keeps the key of HR's card (a hash, nobody's id), in the schema's bounds.
    const waiting = await plan2026();
    expect(waiting.halfYearCardsQueued).toEqual({ halfYear: '2026-07-01', keys: [expect.stringMatching(/^jaarplan\.halfYear\.hr:hy_/)] });
    expect(JSON.stringify(waiting)).not.toContain('aad-hanna');
    expect(documentProblems('installations', waiting)).toEqual([]);
    for (const at of ['2026-12-08T08:00:00Z', '2026-12-20T08:00:00Z', '2027-01-05T08:00:00Z']) await runAppAt(t, at);
    // What Cosmos' TTL has done by now: finished outbox jobs (kept a week) are gone.
    const outbox = t.store.container('outbox');
    const finished = (await outbox.items.query('SELECT c.id FROM c WHERE IS_DEFINED(c.ttl)').fetchAll()).resources;
    expect(finished.length).toBeGreaterThan(0);
    for (const { id } of finished) await outbox.item(id, id).delete();
    writeFileSync(file, DIRECTORY); // it answers again
    await runAppAt(t, '2027-01-12T08:00:00Z');
    await runAppAt(t, '2027-01-12T09:00:00Z');
    expect({ mia: personalCardsTitled(t, 'aad-mia', MANAGER_TITLE).length, hr: personalCardsTitled(t, 'aad-hanna', HR_TITLE).length }).toEqual({ mia: 1, hr: 1 });
    // Remembered as announced: the keys are no longer kept.
    const done = await plan2026();
    expect([done.remindedHalfYears, done.halfYearCardsQueued, documentProblems('installations', done)]).toEqual([['2026-07-01'], undefined, []]);
  });
});
