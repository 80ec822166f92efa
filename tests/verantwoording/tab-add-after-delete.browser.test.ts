import { Page } from 'playwright-core';
import { startTestApp, TestApp } from '../support/test-app';
import { Browser, openAnnasTab } from './browser';

/**
 * Found in review, after a deleted note began to keep its id for a few days (deletedNote). Anna adds
 * a note in the tab; it is stored, but the answer is lost, so the tab says saving did not work and
 * keeps her text. She sees the note in the chat and deletes it there. Back in the tab she presses
 * "Notitie toevoegen" again: the same note's add, sent again, answers 404 notFound and brings
 * nothing back. The tab must say that she deleted this note meanwhile (not the generic "does not
 * exist"), keep her text, and let a next press add it as a new note, instead of answering 404 for
 * ever.
 */
describe('an add in the tab whose note was deleted meanwhile', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let token = '';
  const TEXT = 'Gesprek met Mia over het rooster';
  const status = () => page.locator('#status');
  const notes = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.userId = 'aad-anna' AND c.type = 'note'").fetchAll()).resources;
  const said = async () => {
    await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '') !== '');
    return status().innerText();
  };
  const clearStatus = () =>
    page.evaluate(() => {
      document.getElementById('status')!.textContent = '';
    });

  beforeAll(async () => {
    t = await startTestApp({}, undefined, { sharedCardIntervalMs: 0 });
    ({ browser, page, token } = await openAnnasTab(t));
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('says the note was deleted meanwhile, keeps the text, and adds it anew on the next press', async () => {
    // The first add reaches the server; its answer never reaches the tab.
    let lost = 0;
    await page.route('**/api/verantwoording/notes', async (route) => {
      if (route.request().method() !== 'POST' || lost > 0) return route.continue();
      lost += 1;
      await route.fetch();
      return route.abort('connectionreset');
    });
    await page.getByLabel('Nieuwe notitie').fill(TEXT);
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    expect(await said()).toMatch(/lukte niet/);
    await page.unroute('**/api/verantwoording/notes');
    const [stored] = await notes();
    expect(stored?.text).toBe(TEXT);

    // Deleted elsewhere (the chat).
    const deleted = await fetch(`${t.app.url}/api/verantwoording/notes/${encodeURIComponent(stored.id)}?rev=1`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(deleted.status).toBe(204);

    await clearStatus();
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    expect(await said()).toMatch(/intussen verwijderd/);
    expect(await notes()).toEqual([]);
    // Her text is still there, and the page shows no note.
    expect(await page.getByLabel('Nieuwe notitie').inputValue()).toBe(TEXT);
    // The list is drawn again after the status line: waited for, not looked at once.
    await page.waitForFunction(() => document.querySelectorAll('#notes > li').length === 0, null, { timeout: 15_000 }).catch(() => undefined);
    expect(await page.locator('#notes > li').count()).toBe(0);

    // Pressed once more, on purpose: a note of its own.
    await clearStatus();
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    expect(await said()).toBe('Bewaard.');
    expect((await notes()).map((n) => n.text)).toEqual([TEXT]);
    expect(await page.locator('#notes > li').filter({ hasText: TEXT }).count()).toBe(1);
    expect(await page.getByLabel('Nieuwe notitie').inputValue()).toBe('');
  });
});
