/**
 * Found in review, stop 53 (fixed then: a run that gave up late kept the keys on the plan for good).
 * `halfYearCardsQueued` (hashed card keys: sha256 of tenant,
 * half-year and the person's AAD id, unkeyed) was dropped only by `rememberReminded`. A run waiting
 * for the directory that never gets an answer before the next moment month ends 'tooLate' and never
 * remembers its half-year, so the keys stay on that year's plan, which has no TTL ("kept for good",
 * README's installations row). The next half-year (June, the next year's plan) does not touch the old
 * year's plan. README: "dropped once the half-year is remembered" is never reached on this path.
 * Expected: once the run gives up (tooLate), nothing person-derived is left on the plan.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat } from '../verantwoording/support';
import { runAt } from '../rhythm/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- JSON under test */

const DIRECTORY = JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] });

describe('a half-year run that gives up late drops its hashed card keys', () => {
  let t: TestApp;
  let file: string;
  const plan = async (year: number) =>
    ((await t.store.container('installations').items.query(`SELECT * FROM c WHERE c.type = 'jaarplan' AND c.year = ${year}`).fetchAll()).resources as any[])[0];

  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(file, DIRECTORY);
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', DIRECTORY_FILE: file }, '2026-11-23T09:00:00Z');
  });
  afterAll(() => t.stop());

  it('the 2026 plan holds no card key of anyone after the run ended tooLate and June was told', async () => {
    await new PersonalChat(t, user('Hanna')).say('jaarplan'); // schedules Tuesday 1 December 2026
    writeFileSync(file, '{ "users": [ half written'); // the directory does not answer until June
    await runAt(t, '2026-12-01T08:00:00Z');
    const waiting = await plan(2026);
    expect(waiting.halfYearCardsQueued?.keys).toHaveLength(1);
    // Since stop 58 a digest keyed with the app's secret, no longer the plain sha256 of known inputs
    // that anyone with the store and a user list could match to whose it is.
    const key = waiting.halfYearCardsQueued.keys[0] as string;
    const guess = createHash('sha256').update([waiting.tenantId, '2026-07-01', 'aad-hanna'].join('\u0000')).digest('base64url').slice(0, 22);
    expect(key).toMatch(/^jaarplan\.halfYear\.hr:hy_[A-Za-z0-9_-]{22}$/);
    expect(key).not.toBe(`jaarplan.halfYear.hr:hy_${guess}`);
    for (const at of ['2026-12-20T08:00:00Z', '2027-02-01T08:00:00Z', '2027-06-02T08:00:00Z']) await runAt(t, at);
    writeFileSync(file, DIRECTORY);
    for (const at of ['2027-06-03T08:00:00Z', '2027-06-10T08:00:00Z', '2027-07-01T08:00:00Z']) await runAt(t, at);
    const old = await plan(2026);
    expect({ key: key.startsWith('jaarplan.halfYear.hr:hy_'), kept: old.halfYearCardsQueued }).toEqual({ key: true, kept: undefined });
  });
});
