import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');
const TITLE = 'Voorbereiding: talentontwikkelgesprek met Anna';

/**
 * The daily manager check treats a directory that names NO manager for a report as a gap
 * ("not a move to someone else": it withdraws nothing). The scheduled prep card treated the same
 * gap as "no longer the manager" and dropped the card for good: a gap of an hour on the prep day
 * (an HR sync rewriting the manager field; Graph 404s on /manager) lost the card, though the
 * conversation was three days away and the directory named Mia again an hour later. It waits for
 * the directory now, as for an outage. Found in review, stop 36.
 */
describe('a gap in the directory when the prep card is due', () => {
  let t: TestApp;
  let directory = '';
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const prepPosts = () => t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity?.attachments?.[0]?.content).includes(TITLE));
  const writeDirectory = (annaManager?: string) =>
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', ...(annaManager ? { managerId: annaManager } : {}) }, { id: 'aad-mia', name: 'Mia' }] }));

  beforeAll(async () => {
    directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeDirectory('aad-mia');
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('Mia still gets the prep card once the directory names her again, before the conversation', async () => {
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    writeDirectory(undefined); // 09:00 on the prep day: the manager field is empty
    t.clock.set('2026-12-07T08:00:00Z');
    await t.app.scheduler.runDue();
    writeDirectory('aad-mia'); // an hour later it is back
    for (let h = 0; h < 24; h++) {
      t.clock.advanceMinutes(60);
      await t.app.scheduler.runDue();
    }
    await t.app.outbox.drain(60_000);
    const review = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0];
    const job = (await t.store.container('jobs').items.query("SELECT * FROM c WHERE c.kind = 'review.prep'").fetchAll()).resources.map((j) => j.status);
    expect({ job, prepSentAt: review.prepSentAt !== undefined, cards: prepPosts().length }).toEqual({ job: ['done'], prepSentAt: true, cards: 1 });
  }, 120_000);
});
