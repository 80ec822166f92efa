/**
 * The tab's "Voorstellen waaraan je bijdroeg" in headless Chromium, under a proposal the group
 * adapted: that the member put it before their manager (to whom, on which day), the manager's
 * answer with its own day, and, where Teams refused the manager's chat, that it did not arrive;
 * as the chat's overview says it. Before (stop 44) only the chat showed any of it.
 *
 * Clock: Monday 23 November 2026. Anna puts her group's proposal before her manager Mia, and Bram
 * before his, Olga. Mia answers on Wednesday 25 November, with text that looks like HTML: it shows as
 * the characters she typed, never as markup. Bram sends that Wednesday; Teams refuses Olga's chat,
 * so his did not arrive.
 */
import { Page } from 'playwright-core';
import { TestUser, user } from '../support/activities';
import { MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { ADOPTED, answerAsManager, directoryFile, groupDecides, managerCardAbout, putBeforeManager } from '../talent-review/support/proposal-put-before';
import { Browser, buildTab, launchBrowser, requireChromium, signInWithDevUser } from './browser';
import { FakeEntra } from './fake-entra';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const mia = user('Mia');
const HOSTILE = '<img src=x onerror="window.__pwned=1">Ik maak <b>tijd</b> vrij & <script>window.__pwned=2</script>';

describe('the tab shows the proposals put before the manager, and the answer', () => {
  let t: TestApp;
  const entra = new FakeEntra();
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    requireChromium();
    buildTab();
    await entra.start();
    const directory = directoryFile([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
      { id: 'aad-bram', name: 'Bram', managerId: 'aad-olga' },
      { id: 'aad-cem', name: 'Cem' },
      { id: 'aad-mia', name: 'Mia', managerId: 'aad-piet' },
      { id: 'aad-olga', name: 'Olga', managerId: 'aad-piet' },
      { id: 'aad-piet', name: 'Piet' },
    ]);
    t = await startTestApp({ ...entra.env(), DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
    await groupDecides(t, '19:tab-put-before@thread.v2', [anna, bram, cem]);
    await putBeforeManager(t, anna, 'ANNA-WOORDEN');
    t.clock.set('2026-11-25T10:00:00Z');
    await answerAsManager(t, mia, await managerCardAbout(t, 'aad-mia', anna), HOSTILE);
    t.connector.blocked.add('aad-olga');
    await putBeforeManager(t, bram, 'BRAM-WOORDEN');
    await t.app.outbox.drain(60_000);
    await t.app.outbox.drain(60_000);
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await entra.stop();
  });

  it('says to whom and when, and the answer with its day, as plain text', async () => {
    await signInWithDevUser(page, t.app.url, 'aad-anna');
    const block = page.locator('li').filter({ hasText: ADOPTED.text });
    await block.waitFor();
    const text = await block.innerText();
    expect(text).toContain('Voorgelegd aan Mia op 23 nov 2026');
    expect(text).toContain('Antwoord van Mia op 25 nov 2026:');
    // Stop 52: put before the manager from the tab itself (it used to say "in je chat met Lerend Werken").
    expect(await block.getByRole('button', { name: 'Voorleggen aan je leidinggevende' }).count()).toBe(1);
    expect(text).not.toContain('Niet aangekomen');
    // Exactly the characters Mia typed, and no element made of them.
    expect(await block.locator('.answer').allTextContents()).toEqual([HOSTILE]);
    expect(await block.locator('img, b, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('says it did not arrive when Teams refused the manager\'s chat', async () => {
    const other = await browser.newPage();
    await signInWithDevUser(other, t.app.url, 'aad-bram');
    const block = other.locator('li').filter({ hasText: ADOPTED.text });
    await block.waitFor();
    const text = await block.innerText();
    expect(text).toContain('Voorgelegd aan Olga op 25 nov 2026');
    expect(text).toContain('Niet aangekomen: Teams nam het bericht voor je leidinggevende niet aan.');
    expect(text).not.toContain('Antwoord van');
    expect(browser.consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });
});
