import { Page } from 'playwright-core';
import { startTestApp, TestApp } from '../support/test-app';
import { Browser, openAnnasTab } from './browser';

/**
 * Found in review, stop 54 (fixed then: the tab's share box sent only how often the sharing had
 * changed, so ticking it shared text written since on another surface, which the page never showed).
 *
 * Anna's tab shows a private note. Meanwhile, in the chat, she adds private thoughts to it. Then
 * she ticks "Delen met mijn leidinggevende" on the tab she had open: the box sends the revision of
 * the text the page shows, which is older than the stored one, so nothing is shared. The page
 * says why, shows the newest text and the box unticked; ticked again on the page as it is now
 * (with the newest text in view), the note is shared.
 */
describe('a share toggle in the tab on a note whose text changed meanwhile', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let token = '';
  const NEWER = 'Over de planning, en eigenlijk wil ik van team wisselen';
  const note = () => page.locator('#notes > li').filter({ hasText: 'Over de planning' });
  const box = () => note().getByLabel('Delen met mijn leidinggevende');
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${t.app.url}/api/verantwoording${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const stored = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.userId = 'aad-anna' AND c.type = 'note'").fetchAll()).resources.map((n) => [n.text, n.visibility]);
  const said = async () => {
    await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '') !== '');
    return page.locator('#status').innerText();
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ browser, page, token } = await openAnnasTab(t));
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shares nothing, says why, shows the newest text; ticked again from there, it is shared', async () => {
    const created = await (await api('POST', '/notes', { text: 'Over de planning', key: 'text-changed-0001' })).json();
    await page.goto(`${t.app.url}/tab/index.html`);
    await note().waitFor();
    expect(await box().isChecked()).toBe(false);
    // Elsewhere (the chat's note card): the text is changed while the note is private.
    expect((await api('PUT', `/notes/${encodeURIComponent(created.id)}`, { text: NEWER, rev: 1 })).status).toBe(200);

    await box().check();
    expect(await said()).toBe('Niets gedeeld: de tekst is intussen ergens anders gewijzigd. Hier zie je de nieuwste tekst; deel opnieuw als je die wilt delen.');
    expect(await stored()).toEqual([[NEWER, 'private']]);
    await page.locator('#notes > li', { hasText: NEWER }).waitFor();
    await page.waitForFunction(() => !(document.querySelector('#notes input[type=checkbox]') as HTMLInputElement | null)?.disabled);
    expect(await box().isChecked()).toBe(false);

    await page.evaluate(() => {
      document.getElementById('status')!.textContent = '';
    });
    await box().check();
    expect(await said()).toBe('Gedeeld met je leidinggevende.');
    expect(await stored()).toEqual([[NEWER, 'shared']]);
    expect(await box().isChecked()).toBe(true);
  });
});
