import { Page } from 'playwright-core';
import { startTestApp, TestApp } from '../support/test-app';
import { Browser, openAnnasTab } from './browser';

/**
 * Anna edits a note in the tab while the same note is deleted from the chat (an older overview
 * card's "Verwijderen"). Saving answers 404: as the chat's counterpart (deletedNoteCard), the tab
 * says the note was deleted elsewhere, keeps the typed text and offers "Bewaren als nieuwe
 * notitie", so her text is not lost nor has to be copied by hand. Found in review, stop 39.
 */
describe('a note edit in the tab whose note was deleted meanwhile', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let token = '';
  const status = () => page.locator('#status');
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${t.app.url}/api/verantwoording${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const notes = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.userId = 'aad-anna' AND c.type = 'note'").fetchAll()).resources;

  beforeAll(async () => {
    t = await startTestApp();
    ({ browser, page, token } = await openAnnasTab(t));
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('keeps the typed text and lets Anna save it as a new note', async () => {
    const created = await (await api('POST', '/notes', { text: 'Oude notitie', key: 'edit-deleted-0001' })).json();
    await page.goto(`${t.app.url}/tab/index.html`);
    const item = page.locator('#notes > li').filter({ hasText: 'Oude notitie' });
    await item.getByRole('button', { name: 'Bewerken' }).click();
    const typed = 'Nieuwe, veel betere tekst die ik net heb geschreven';
    await page.locator('#notes textarea').fill(typed);
    // Meanwhile the note is deleted elsewhere (the chat).
    expect((await api('DELETE', `/notes/${encodeURIComponent(created.id)}?rev=1`)).status).toBe(204);
    await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
    await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '') !== '');
    expect(await status().innerText()).toMatch(/verwijderd/);
    // Her text is still there...
    expect(await page.locator('#notes textarea').inputValue()).toBe(typed);
    // ...and, as in the chat, she can keep it as a new note.
    const keep = page.getByRole('button', { name: 'Bewaren als nieuwe notitie' });
    expect(await keep.count()).toBe(1);
    await keep.click();
    await status().filter({ hasText: /^Bewaard\.$/ }).waitFor();
    expect((await notes()).map((n) => n.text)).toEqual([typed]);
  });
});
