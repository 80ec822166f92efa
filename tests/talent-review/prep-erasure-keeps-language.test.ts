import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia');
const anna = user('Anna');

/**
 * Mia (English Teams client, never typed "taal") opened Anna's prep card: English. Anna erases her
 * data: the message is rebuilt in place as "no longer available". It came in Dutch: the rebuild
 * is queued for the review as the erasure leaves it, which remembers no message and so no
 * language. The queued rebuild now carries the message's language. Found in review, stop 38.
 */
describe('the erasure rebuild keeps the language the card was shown in', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const annaChat = () => t.conversation('personal', 'a:personal-anna');
  const inEnglish = <T extends object>(a: T): T => ({ ...a, locale: 'en-US' });

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('shows "This prep is no longer available." in English after Anna erases her data', async () => {
    const v = verantwoordingDeps(t.cosmos);
    await addNote(v, 'aad-anna', { key: 'n1', text: 'Anna wil leren presenteren', shared: true });
    await t.send(inEnglish(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card')));
    const review = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0];
    const opened = cardText((await t.send(inEnglish(execute(miaChat(), mia, 'review.prep.show', { reviewId: review.id }, 'list-card')))).body.value);
    expect(opened).toContain('What did I facilitate?');
    await t.app.outbox.drain(60_000);
    await t.send(execute(annaChat(), anna, 'verantwoording.erase.confirm', { confirm: 'yes' }, 'erase-card'));
    await t.app.outbox.drain(60_000);
    const now = cardText(t.connector.latest('list-card'));
    expect(now).not.toContain('Anna wil leren presenteren');
    expect(now).toContain('This prep is no longer available.');
  }, 90_000);
});
