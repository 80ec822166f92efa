import { writeFileSync } from 'node:fs';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile } from './support/proposal-put-before';
import { PersonalChat, tabApi } from '../verantwoording/support';

/**
 * Found in review, stop 50: the directory names Anna her own manager (a data error HR makes),
 * and Bram and Cem each other's. The app asks a professional's request and a put-before with
 * "no manager" then (request-review.ts, put-proposal-before-manager.ts). Does every other road
 * agree, so Anna cannot plan a talentontwikkelgesprek with herself and write a manager's account
 * of what "her manager" facilitated (which HR's facilitation figures count)?
 */
const anna = user('Anna');
const bram = user('Bram');
const cem = user('Cem');

describe('self-as-manager and two people each other\'s manager', () => {
  let t: TestApp;
  let file = '';
  const chat = (who: typeof anna) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const reviewsAbout = async (id: string) => (await t.store.container('reviews').items.query({ query: 'SELECT * FROM c WHERE c.reportId = @id', parameters: [{ name: '@id', value: id }] }).fetchAll()).resources;

  beforeAll(async () => {
    file = directoryFile([{ id: 'aad-anna', name: 'Anna', managerId: 'aad-anna' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-cem' }, { id: 'aad-cem', name: 'Cem', managerId: 'aad-bram' }]);
    t = await startTestApp({ DIRECTORY_FILE: file }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('Anna cannot plan a conversation with herself as her own manager', async () => {
    const res = await t.send(execute(chat(anna), anna, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    expect(res.status).toBe(200);
    expect(await reviewsAbout('aad-anna')).toHaveLength(0);
  }, 60_000);

  it('"wat ziet mijn leidinggevende?" agrees with the request form: no manager', async () => {
    const tab = await tabApi(t, 'aad-anna');
    expect((await tab('GET', '/preview?lang=nl')).json).toEqual({ status: 'noManager' });
  }, 60_000);

  it('Bram and Cem, each other\'s manager: each plans for the other, the preview and request work, nothing loops', async () => {
    await t.send(execute(chat(bram), bram, 'review.plan.save', { reportId: 'aad-cem', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    await t.send(execute(chat(cem), cem, 'review.plan.save', { reportId: 'aad-bram', date: '2026-12-11', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    expect((await reviewsAbout('aad-cem')).map((r) => r.managerId)).toEqual(['aad-bram']);
    expect((await reviewsAbout('aad-bram')).map((r) => r.managerId)).toEqual(['aad-cem']);
    const open = await new PersonalChat(t, bram).press('review.teamAccount.open', {});
    // Bram's own manager is Cem, who is also his team: the form's "also my own manager" names Cem, no loop.
    expect(cardText(open).length).toBeGreaterThan(0);
    await t.app.outbox.drain(60_000);
  }, 60_000);

  it('the directory fixed later: Anna\'s real manager is Mia, and nothing of a self-review is left', async () => {
    writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    expect((await reviewsAbout('aad-anna')).filter((r) => r.managerId === 'aad-anna')).toHaveLength(0);
  }, 60_000);
});
