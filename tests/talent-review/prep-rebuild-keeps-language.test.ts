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
 * Mia's Teams client is in English and she never typed "taal": every card she opens in her chat is
 * English (her language falls back to the Teams locale of her turn). She opened Anna's prep card:
 * English. When Anna then changed what she shares, the outbox rebuilt the message in place outside
 * Mia's turn, in the default language: the same message turned Dutch under her. Now a message
 * remembers the language it was rendered in, and its rebuild keeps it. Found in review, stop 38.
 */
describe('a prep card opened in English is rebuilt in English', () => {
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

  it('keeps the language of the message when Anna changes what she shares', async () => {
    const v = verantwoordingDeps(t.cosmos);
    const note = await addNote(v, 'aad-anna', { key: 'n1', text: 'Anna wil leren presenteren', shared: true });
    await t.send(inEnglish(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card')));
    const review = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0];
    const opened = cardText((await t.send(inEnglish(execute(miaChat(), mia, 'review.prep.show', { reviewId: review.id }, 'list-card')))).body.value);
    expect(opened).toContain('What did I facilitate?');
    expect(opened).toContain('Anna wil leren presenteren');
    await t.app.outbox.drain(60_000);
    // Anna makes her note private: Mia's message is rebuilt in place.
    await t.send(execute(annaChat(), anna, 'verantwoording.visibility', { kind: 'note', id: note.id, visibility: 'private' }, 'overview-card'));
    await t.app.outbox.drain(60_000);
    const rebuilt = cardText(t.connector.latest('list-card'));
    expect(rebuilt).not.toContain('Anna wil leren presenteren');
    expect(rebuilt).toContain('What did I facilitate?');
  });

  it('follows the language Mia opened the message in last', async () => {
    const review = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0];
    // Opened again from the same message, now on a Dutch client: the message is Dutch from then on.
    expect(cardText((await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId: review.id }, 'list-card'))).body.value)).toContain('Wat heb ik gefaciliteerd?');
    await t.app.outbox.drain(60_000);
    const note = await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'n2', text: 'Anna leest veel', shared: true });
    await t.send(execute(annaChat(), anna, 'verantwoording.visibility', { kind: 'note', id: note.id, visibility: 'private' }, 'overview-card'));
    await t.app.outbox.drain(60_000);
    expect(cardText(t.connector.latest('list-card'))).toContain('Wat heb ik gefaciliteerd?');
  });
});
