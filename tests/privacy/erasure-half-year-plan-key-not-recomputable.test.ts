/**
 * Found in review, stop 58 (fixed then: the year's plan keeps its cards' keys as digests keyed with
 * the app's secret, `planKeySecret`; its other cases are erasure-leaves-no-recomputable-card-key.test.ts).
 * Half-year reminder (stop 53): while the run waits for the directory, the year's plan in
 * `installations` (no TTL) keeps its cards' keys, `jaarplan.halfYear.hr:` + stableId('hy',
 * tenant, half-year, userId). Hanna (HR) erases meanwhile; the plan still holds her key,
 * recomputable from her id by anyone reading the database. Not any more.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { user } from '../support/activities';
import { storedText } from '../support/cosmos';
import { startTestApp, TestApp } from '../support/test-app';
import { stableId } from '../../src/domain/shared/ids';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { allDocuments, eraseInChat, PersonalChat } from '../verantwoording/support';
import { runAt } from '../rhythm/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored JSON under test */

const hanna = user('Hanna');

/** Stored documents (any container) whose id or any field holds one of `values`, as `container/type:id`. */
async function holding(t: TestApp, values: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const [container, docs] of Object.entries(await allDocuments(t.store))) {
    for (const d of docs as any[]) if (values.some((v) => storedText([d]).includes(v))) out.push(`${container}/${d.type}:${d.id}`);
  }
  return out;
}

describe('the half-year plan after an erased HR person', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('keeps no key recomputable from her id in the year\'s plan', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    const DIRECTORY = JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] });
    writeFileSync(file, DIRECTORY);
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', DIRECTORY_FILE: file }, '2026-11-23T09:00:00Z');
    await new PersonalChat(t, hanna).say('jaarplan'); // schedules Tuesday 1 December 2026
    writeFileSync(file, '{ "users": [ half written'); // the directory does not answer: the run waits
    await runAt(t, '2026-12-01T08:00:00Z');
    const plans = (await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'jaarplan' AND c.year = 2026").fetchAll()).resources as any[];
    const tenantId = plans[0].tenantId as string;
    const hers = `jaarplan.halfYear.hr:${stableId('hy', tenantId, '2026-07-01', 'aad-hanna')}`;
    // One key is kept for her card, and it is not the one recomputed from her id (it was, before stop 58).
    expect(plans[0].halfYearCardsQueued?.keys).toHaveLength(1);
    expect(plans[0].halfYearCardsQueued?.keys).not.toContain(hers);

    await eraseInChat(t, hanna);
    expect(await holding(t, [hers, stableId('hy', tenantId, '2026-07-01', 'aad-hanna'), jobIdFor(hers)])).toEqual([]);
  }, 120_000);
});
