import { Page } from 'playwright-core';
import { startTestApp, TestApp } from '../support/test-app';
import { Browser, openAnnasTab } from './browser';

/**
 * Found in review of the personal tab. After a stored change the tab reloads the overview. When
 * that reload was answered 401 (the sign-in ran out just then), the whole page was replaced by the
 * sign-in form, before the tab looked whether a page was already drawn: the Prof-traject Anna was
 * typing in another form, not saved yet, was gone.
 * What must hold: the change is said as stored; the page stays, with what was typed; a line above
 * it says it is not refreshed; the sign-in takes the account line's place, and signing in again
 * draws the page anew with the typing still there.
 */
describe('a reload after a change in the tab answered 401', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  const status = () => page.locator('#status');
  const needs = () => page.getByLabel('Wat wil ik leren? (leerbehoeften)');
  const note = () => page.locator('#notes > li').filter({ hasText: 'Notitie om te delen' });

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    let token: string;
    ({ browser, page, token } = await openAnnasTab(t));
    const created = await fetch(`${t.app.url}/api/verantwoording/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Notitie om te delen', key: 'signed-out-reload-0001' }),
    });
    if (created.status !== 201) throw new Error(`note not created: ${created.status}`);
    await page.goto(`${t.app.url}/tab/index.html`);
    await note().waitFor();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('keeps the page and the typing, and signing in again draws it anew with the typing kept', async () => {
    const typed = 'Beter leren plannen, en vaker om hulp';
    await needs().fill(typed);
    // The next reload of the overview is answered 401; the change itself goes through.
    let armed = true;
    await page.route(/\/api\/verantwoording\?lang=/, async (route) => {
      if (!armed) return route.continue();
      armed = false;
      return route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ error: 'unauthorized' }) });
    });
    await note().getByLabel('Delen met mijn leidinggevende').check();
    await status().filter({ hasText: 'Gedeeld met je leidinggevende.' }).waitFor();

    expect({
      typed: await needs().inputValue(),
      notRefreshed: await page.getByRole('alert').filter({ hasText: 'De pagina kon niet worden vernieuwd' }).count(),
      signInOffered: await page.locator('#account #dev-user').count(),
    }).toEqual({ typed, notRefreshed: 1, signInOffered: 1 });

    await page.locator('#dev-user').fill('aad-anna');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('alert').filter({ hasText: 'De pagina kon niet worden vernieuwd' }).waitFor({ state: 'detached' });
    expect({ typed: await needs().inputValue(), shared: await note().getByLabel('Delen met mijn leidinggevende').isChecked() }).toEqual({ typed, shared: true });
  });
});
