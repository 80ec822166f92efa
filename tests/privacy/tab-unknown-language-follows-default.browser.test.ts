import { startTestApp, TestApp } from '../support/test-app';
import { Browser, buildTab, launchBrowser, requireChromium } from '../verantwoording/browser';
import { TAB_CSP } from '../../src/web/verantwoording/tab-static';

/**
 * Found in review, stop 46. An organisation runs with DEFAULT_LANGUAGE=en: the bot speaks English
 * to everyone whose language it does not know (README: a Teams client language the app does not
 * speak "is left to the default", `teamsLocale`). Eva's Teams client is in German. The bot answered
 * her in English; her personal tab, opened from the same Teams, was in Dutch: `pickLocale` mapped
 * every language that is not English to Dutch, ignoring the configured default, and the tab then
 * asked the API for `lang=nl` too (the overview, export, preview in Dutch).
 * What must hold: a client language the app does not speak gives the tab the app's default
 * language, as the chat does; the tab learns it from the server before sign-in (`/api/tab/settings`,
 * which says nothing else), with its CSP unchanged (no inline script). (Outside Teams the tab
 * reads the client language from `?lang=`.)
 */
describe('the tab in a client language the app does not speak', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    requireChromium();
    buildTab();
    t = await startTestApp({ DEFAULT_LANGUAGE: 'en' });
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('follows DEFAULT_LANGUAGE (English), not Dutch, for a German client', async () => {
    const page = await browser.newPage();
    const overviewLangs: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname === '/api/verantwoording') overviewLangs.push(u.searchParams.get('lang') ?? '');
    });
    const served = await page.goto(`${t.app.url}/tab/index.html?lang=de-DE`);
    await page.locator('#dev-user').waitFor();
    const signInTitle = await page.locator('#h-signin').innerText();
    await page.locator('#dev-user').fill('aad-eva');
    await page.locator('section button.primary').click();
    await page.locator('#main h2').first().waitFor();
    await page.waitForFunction(() => document.getElementById('main')?.getAttribute('aria-busy') === 'false');
    expect({ htmlLang: await page.locator('html').getAttribute('lang'), title: await page.locator('#title').innerText(), signInTitle, overviewLangs, csp: served?.headers()['content-security-policy'] }).toEqual({
      htmlLang: 'en',
      title: 'My accountability',
      signInTitle: 'Sign in for development',
      overviewLangs: ['en'],
      csp: TAB_CSP,
    });
  });

  it('keeps a language it speaks: Dutch for a Dutch client, whatever the default', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.app.url}/tab/index.html?lang=nl-BE`);
    await page.locator('#dev-user').waitFor();
    expect({ htmlLang: await page.locator('html').getAttribute('lang'), signInTitle: await page.locator('#h-signin').innerText() }).toEqual({ htmlLang: 'nl', signInTitle: 'Aanmelden voor ontwikkeling' });
  });

  it('says only the default language before sign-in', async () => {
    const res = await fetch(`${t.app.url}/api/tab/settings`);
    expect({ status: res.status, body: await res.json(), cache: res.headers.get('cache-control') }).toEqual({ status: 200, body: { defaultLanguage: 'en' }, cache: 'no-store' });
  });
});
