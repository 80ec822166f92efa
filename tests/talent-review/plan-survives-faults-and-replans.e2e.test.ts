/**
 * Scenario: a manager plans a talentontwikkelgesprek in their personal chat.
 *
 * 1. The jobs container answers 503 while the prep card's job is written. The manager gets an
 *    error card, so nothing may be stored (no review without the job that sends its prep card);
 *    their retry then stores the plan once, with its job.
 *    When the review itself cannot be written, its job (written first) may run before the retry,
 *    for a conversation whose prep card is due at once: it waits for the review, and the retry's
 *    plan still gets its prep card.
 * 2. The manager plans the same conversation again (same report and date) with other prep days.
 *    The change is stored and the prep card moves with it: one pending prep job, at the new time.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');

describe('planning a conversation under faults, and planning it again', () => {
  let t: TestApp;
  const personal = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>) => (await t.send(execute(personal(), mia, verb, data, 'card-1'))).body.value;
  const reviews = async (reportId: string) => (await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources.filter((r) => r.reportId === reportId);
  const prepJobs = async (reviewId: string) => (await t.store.container('jobs').items.query('SELECT * FROM c').fetchAll()).resources.filter((j) => j.kind === 'review.prep' && j.payload.reviewId === reviewId);

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  it('stores nothing behind an error card when the prep job cannot be written, and a retry stores the plan once with its job', async () => {
    const plan = { reportId: 'aad-bram', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' };
    t.proxy!.faults = (req) => (req.container === 'jobs' && req.kind === 'create' ? { kind: 'status', status: 503 } : undefined);
    const failed = await press('review.plan.save', plan);
    t.proxy!.faults = undefined;
    expect(cardText(failed)).toMatch(/niets verloren|Er ging iets mis/i);
    expect(await reviews('aad-bram')).toHaveLength(0);

    const retried = await press('review.plan.save', plan);
    await press('review.plan.save', plan);
    expect(cardText(retried)).toMatch(/Gepland/);
    const stored = await reviews('aad-bram');
    expect(stored).toHaveLength(1);
    const jobs = await prepJobs(stored[0].id);
    expect(jobs.map((j) => ({ status: j.status, dueAt: j.dueAt }))).toEqual([{ status: 'pending', dueAt: '2026-12-07T08:00:00.000Z' }]);
  });

  it('sends the prep card of a plan retried after its review could not be written, also when its job ran in between', async () => {
    // Two days ahead, three days of prep: the card is due at once.
    const plan = { reportId: 'aad-bram', date: '2026-11-25', timeZone: 'Europe/Amsterdam', prepDays: '3' };
    t.proxy!.faults = (req) => (req.container === 'reviews' && req.kind === 'create' ? { kind: 'status', status: 503 } : undefined);
    const failed = await press('review.plan.save', plan);
    t.proxy!.faults = undefined;
    expect(cardText(failed)).toMatch(/niets verloren|Er ging iets mis/i);
    expect((await reviews('aad-bram')).filter((r) => r.date === '2026-11-25')).toHaveLength(0);
    await t.app.scheduler.runDue(); // the job finds no review yet

    expect(cardText(await press('review.plan.save', plan))).toMatch(/Gepland/);
    t.clock.advanceMinutes(2);
    await t.app.scheduler.runDue();
    const [stored] = (await reviews('aad-bram')).filter((r) => r.date === '2026-11-25');
    expect(stored?.prepSentAt).toBeDefined();
  });

  it('re-planning the same conversation with other prep days stores them and moves the prep card', async () => {
    await press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const card = await press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '7' });
    const stored = await reviews('aad-anna');
    expect(stored.map((r) => r.prepDaysBefore)).toEqual([7]);
    expect(cardText(card)).toMatch(/Gepland/);
    // One job left, at 09:00 Amsterdam seven days before; the three-days job is gone.
    const jobs = await prepJobs(stored[0].id);
    expect(jobs.map((j) => ({ status: j.status, dueAt: j.dueAt }))).toEqual([{ status: 'pending', dueAt: '2026-12-07T08:00:00.000Z' }]);
  });
});
