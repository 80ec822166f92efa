import { Page } from 'playwright-core';
import { startTestApp, TestApp } from '../support/test-app';
import { Browser, openAnnasTab } from './browser';

/**
 * Found in review, after the chat's share presses got their count (visibilityRev). Anna's tab
 * shows a private note. Meanwhile, in the chat, she shares it and makes it private again. Then she
 * ticks "Delen met mijn leidinggevende" on the tab she had open: the tab sends the count its page
 * showed, which is older than the stored one, so nothing changes (as a late share press in the chat
 * changes nothing). The page shows the note as it stands (private) and says it was changed
 * meanwhile, instead of "Gedeeld met je leidinggevende."; ticked again on the page as it is now, it
 * is shared.
 */
describe('a share toggle in the tab on an entry whose sharing changed meanwhile', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let token = '';
  const status = () => page.locator('#status');
  const note = () => page.locator('#notes > li').filter({ hasText: 'Over het rooster' });
  const box = () => note().getByLabel('Delen met mijn leidinggevende');
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${t.app.url}/api/verantwoording${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const stored = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.userId = 'aad-anna' AND c.type = 'note'").fetchAll()).resources.map((n) => [n.visibility, n.visibilityRev]);
  const said = async () => {
    await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '') !== '');
    return status().innerText();
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ browser, page, token } = await openAnnasTab(t));
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('changes nothing, shows the note as it stands and says it changed meanwhile', async () => {
    const created = await (await api('POST', '/notes', { text: 'Over het rooster', key: 'stale-toggle-0001' })).json();
    await page.goto(`${t.app.url}/tab/index.html`);
    await note().waitFor();
    expect(await box().isChecked()).toBe(false);
    // Elsewhere (the chat): shared, then private again.
    expect((await api('PUT', '/visibility', { kind: 'note', id: created.id, visibility: 'shared', visibilityRev: 0, rev: 1 })).status).toBe(200);
    expect((await api('PUT', '/visibility', { kind: 'note', id: created.id, visibility: 'private', visibilityRev: 1 })).status).toBe(200);

    await box().check();
    expect(await said()).toMatch(/intussen ergens anders gewijzigd/);
    expect(await stored()).toEqual([['private', 2]]);
    await page.waitForFunction(() => !(document.querySelector('#notes input[type=checkbox]') as HTMLInputElement | null)?.disabled);
    expect(await box().isChecked()).toBe(false);

    // On the page as it stands now, the same tick shares it.
    await page.evaluate(() => {
      document.getElementById('status')!.textContent = '';
    });
    await box().check();
    expect(await said()).toBe('Gedeeld met je leidinggevende.');
    expect(await stored()).toEqual([['shared', 3]]);
    expect(await box().isChecked()).toBe(true);
  });
});
