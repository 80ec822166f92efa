/**
 * Found in review, stop 46. Planning a talentontwikkelgesprek about Anna writes a `reviewManagers`
 * record in Anna's own `personal` partition: the managers who planned a conversation about her. It
 * is kept when the conversation is cancelled (only the manager's own erasure takes a name off it),
 * and the prep cards follow it. The export ("mijn gegevens", everything the app keeps about one
 * professional) never read it: after a cancelled conversation nothing in Anna's export named the
 * manager, while her partition still did.
 *
 * Clock: Monday 23 November 2026. Mia is Anna's manager.
 * 1. Mia plans a talentontwikkelgesprek about Anna, then cancels it (no review left).
 * 2. Anna exports her data.
 * Must hold: her export says who her partition keeps as having planned a conversation about her
 * (Mia), and nothing more of that record.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportMyData } from '../../src/usecases/verantwoording/my-data';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from './support';

const mia = user('Mia');

describe('the export and the managers kept in the person\'s own partition', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const annaPartition = async () => (await t.store.container('personal').items.query({ query: 'SELECT * FROM c WHERE c.userId = @u', parameters: [{ name: '@u', value: 'aad-anna' }] }).fetchAll()).resources;

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'export-review-managers-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  }, 120_000);
  afterAll(() => t.stop());

  it('names in the export what the partition keeps about her managers, also after a cancelled conversation', async () => {
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    const review = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.type = 'talentReview'").fetchAll()).resources[0];
    expect(review?.reportId).toBe('aad-anna');
    const cancelled = await t.send(execute(miaChat(), mia, 'review.cancel', { reviewId: review.id }, 'change-card'));
    expect(cardText(cancelled.body.value)).toMatch(/geannuleerd/i);
    expect((await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.type = 'talentReview'").fetchAll()).resources).toEqual([]);

    // Anna's own partition still names Mia.
    const kept = (await annaPartition()).filter((d) => JSON.stringify(d).includes('aad-mia')).map((d) => d.type);
    expect(kept).toEqual(['reviewManagers']);

    const exported = await exportMyData(verantwoordingDeps(t.cosmos), 'aad-anna', 'nl');
    expect(exported.talentReviews).toEqual({ asManager: [], asReport: [], plannedBy: ['aad-mia'] });
  }, 120_000);
});
