import { Page } from 'playwright-core';
import { startTestApp, TestApp } from '../support/test-app';
import { Browser, openAnnasTab } from './browser';

/**
 * Every stored change in the tab (a share toggle, a saved note, saved hours) reloads the overview
 * and renders the whole page anew (TabApp.change -> load -> show(renderOverview)). What Anna had
 * typed in another form and not saved yet stays: a new note half written, a Prof-traject being
 * revised, a note being edited ("no lost input"). The form that was just saved shows what is
 * stored, not what was sent. Found in review, stop 39.
 */
describe('a change in one part of the tab keeps what was typed, unsaved, in another', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  const status = () => page.locator('#status');
  const personal = async (where: string) => (await t.store.container('personal').items.query(`SELECT * FROM c WHERE c.userId = 'aad-anna' AND ${where}`).fetchAll()).resources;

  beforeAll(async () => {
    t = await startTestApp();
    ({ browser, page } = await openAnnasTab(t));
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const fresh = async () => {
    await page.goto(`${t.app.url}/tab/index.html`);
    await page.getByRole('heading', { name: 'Notities' }).waitFor();
    await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '') === '');
  };

  it('keeps a half-written new note when Anna shares her answer to question 9 meanwhile', async () => {
    await fresh();
    const half = 'Vandaag geleerd dat ik vaker om hulp mag vragen, en dat';
    await page.getByLabel('Nieuwe notitie').fill(half);
    // Before finishing the note she ticks "share" on her personal answer.
    const answerShare = page.locator('.card .card').filter({ hasText: 'Ik wil beter leren plannen' }).getByLabel('Delen met mijn leidinggevende');
    await answerShare.check();
    await status().filter({ hasText: /gedeeld/i }).waitFor();
    expect((await personal("c.type = 'personalAnswer' AND c.questionId = 9"))[0]?.visibility).toBe('shared');
    // The share is stored; the note she was writing must still be there.
    expect(await page.getByLabel('Nieuwe notitie').inputValue()).toBe(half);
  });

  it('keeps a Prof-traject being revised when Anna adds a note meanwhile', async () => {
    await fresh();
    await page.locator('#traject-needs').fill('Leren delegeren en beter plannen, nog niet bewaard');
    await page.getByLabel('Nieuwe notitie').fill('Een losse notitie');
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await status().filter({ hasText: /^Bewaard\.$/ }).waitFor();
    expect((await personal("c.type = 'note'")).map((n) => n.text)).toContain('Een losse notitie');
    // Her unsaved revision of the Prof-traject must still be in the form.
    expect(await page.locator('#traject-needs').inputValue()).toBe('Leren delegeren en beter plannen, nog niet bewaard');
    // The note just added is not brought back into the new-note box.
    expect(await page.getByLabel('Nieuwe notitie').inputValue()).toBe('');
  });

  it('keeps an open note editor, and its revision, when Anna changes a share meanwhile', async () => {
    await fresh();
    const item = page.locator('#notes > li').filter({ hasText: 'Een losse notitie' });
    await item.getByRole('button', { name: 'Bewerken' }).click();
    await page.locator('#notes textarea').fill('Een losse notitie, nu aangevuld');
    const answerShare = page.locator('.card .card').filter({ hasText: 'Ik wil beter leren plannen' }).getByLabel('Delen met mijn leidinggevende');
    await answerShare.uncheck();
    await status().filter({ hasText: /privé/i }).waitFor();
    expect(await page.locator('#notes textarea').inputValue()).toBe('Een losse notitie, nu aangevuld');
    await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
    await status().filter({ hasText: /^Bewaard\.$/ }).waitFor();
    expect((await personal("c.type = 'note'")).map((n) => n.text)).toEqual(['Een losse notitie, nu aangevuld']);
    expect(await page.locator('#notes textarea').count()).toBe(0);
  });
});
