import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { axeProblems, Browser, buildTab, launchBrowser, requireChromium } from './browser';
import { FakeEntra } from './fake-entra';
import { installFakeTeamsHost } from './fake-teams-host';
import { weekOfAnnasGroup } from './support';

/**
 * The personal tab in headless Chromium, outside Teams: the Teams JS library cannot initialise,
 * so the page asks the server whether the dev sign-in exists (local mode) and uses it.
 */
describe('the Mijn verantwoording tab in a browser', () => {
  let t: TestApp;
  const entra = new FakeEntra();
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeAll(async () => {
    requireChromium();
    buildTab();
    await entra.start();
    // Local mode (dev sign-in) with Teams SSO configured as well, against a loopback key server.
    t = await startTestApp(entra.env());
    await weekOfAnnasGroup(t);
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await entra.stop();
  });

  const notes = () => page.locator('#notes > li');
  const noteWith = (text: string) => notes().filter({ hasText: text });
  const status = () => page.locator('#status');

  it('detects it is outside Teams and offers the dev sign-in the server says exists', async () => {
    await page.goto(`${t.app.url}/tab/index.html`);
    await page.locator('#dev-user').waitFor();
    expect(requests).toContain('/api/dev/status');
    expect(await page.title()).toBe('Mijn verantwoording');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
  });

  it('the sign-in page has no serious accessibility problems', async () => {
    expect(await axeProblems(page)).toEqual([]);
  });

  it('signs in, shows the week, adds a note and shares it; after a reload it is still there, shared', async () => {
    await page.locator('#dev-user').fill(anna.aadObjectId);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { name: 'Notities' }).waitFor();
    await page.getByText('Team Zorg · week 1').waitFor();
    expect(await page.getByText('Ik wil beter leren plannen').count()).toBe(1);

    await page.getByLabel('Nieuwe notitie').fill('Notitie uit het tabblad');
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await noteWith('Notitie uit het tabblad').waitFor();
    await noteWith('Notitie uit het tabblad').getByLabel('Delen met mijn leidinggevende').check();
    await status().filter({ hasText: 'Gedeeld met je leidinggevende.' }).waitFor();

    await page.reload();
    await noteWith('Notitie uit het tabblad').waitFor();
    expect(await noteWith('Notitie uit het tabblad').getByLabel('Delen met mijn leidinggevende').isChecked()).toBe(true);
    const { resources } = await t.cosmos.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'note' AND c.userId = 'aad-anna'" }).fetchAll();
    expect(resources).toEqual([expect.objectContaining({ text: 'Notitie uit het tabblad', visibility: 'shared' })]);
  });

  it('edits a note and corrects the hours of a week', async () => {
    await noteWith('Notitie uit het tabblad').getByRole('button', { name: 'Bewerken' }).click();
    await page.getByLabel('Tekst van de notitie').fill('Notitie uit het tabblad, bijgewerkt');
    await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
    await noteWith('bijgewerkt').waitFor();
    await page.getByLabel('Uren leertijd').fill('3.5');
    await page.getByRole('button', { name: 'Uren bewaren' }).click();
    await page.getByText('Leertijd: 3,5 uur').waitFor();
  });

  it('passes the learning need of question 9 on to L&O anonymously, and withdraws it, next to the answer', async () => {
    const need = page.getByRole('group', { name: 'Anoniem doorgeven aan L&O' });
    await need.getByLabel('Thema').selectOption('organiseren');
    await need.getByLabel('In een paar woorden (optioneel)').fill('Beter plannen');
    await need.getByRole('button', { name: 'Anoniem doorgeven' }).click();
    await status().filter({ hasText: 'Doorgegeven aan L&O, anoniem.' }).waitFor();
    await page.reload();
    await page.getByText('Doorgegeven (Plannen en organiseren), wacht op de wekelijkse overdracht.', { exact: false }).waitFor();
    const { resources } = await t.cosmos.container('personal').items.query("SELECT * FROM c WHERE c.type = 'learningNeedPassOn'").fetchAll();
    expect(resources).toEqual([expect.objectContaining({ userId: 'aad-anna', status: 'pending', theme: 'organiseren', text: 'Beter plannen' })]);
    await page.getByRole('group', { name: 'Anoniem doorgeven aan L&O' }).getByRole('button', { name: 'Intrekken' }).click();
    await status().filter({ hasText: 'Ingetrokken.' }).waitFor();
    expect((await t.cosmos.container('personal').items.query("SELECT * FROM c WHERE c.type = 'learningNeedPassOn'").fetchAll()).resources).toEqual([]);
  });

  it('the overview has no serious accessibility problems, in the default, dark and high-contrast themes', async () => {
    for (const theme of ['default', 'dark', 'contrast']) {
      await page.goto(`${t.app.url}/tab/index.html?theme=${theme}`);
      await noteWith('bijgewerkt').waitFor();
      expect(await page.getAttribute('html', 'data-theme')).toBe(theme);
      expect({ theme, problems: await axeProblems(page) }).toEqual({ theme, problems: [] });
    }
  });

  it('follows the locale: English', async () => {
    await page.goto(`${t.app.url}/tab/index.html?lang=en`);
    await page.getByRole('heading', { name: 'Notes' }).waitFor();
    expect(await page.title()).toBe('My accountability');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('heading', { name: 'My accountability', level: 1 }).count()).toBe(1);
  });

  it('while its script loads, the page is already in the locale Teams puts in its address (stop 53)', async () => {
    const loading = await browser.newPage();
    // The script held back: what the reader (and a screen reader) gets before teams-js answers.
    await loading.route('**/tab/app.js', (route) => route.abort());
    for (const [locale, lang, title] of [['en-US', 'en', 'My accountability'], ['en-GB', 'en', 'My accountability'], ['nl-NL', 'nl', 'Mijn verantwoording']] as const) {
      await loading.goto(`${t.app.url}/tab/index.html?locale=${locale}`);
      expect({ locale, lang: await loading.getAttribute('html', 'lang'), title: await loading.title(), heading: await loading.getByRole('heading', { level: 1 }).innerText() }).toEqual({ locale, lang, title, heading: title });
    }
    await loading.close();
  });

  it('another person signed in never sees Anna\'s entries', async () => {
    const other = await browser.newPage();
    await other.goto(`${t.app.url}/tab/index.html`);
    await other.locator('#dev-user').fill(bram.aadObjectId);
    await other.getByRole('button', { name: 'Aanmelden' }).click();
    await other.getByRole('heading', { name: 'Notities' }).waitFor();
    const text = await other.locator('main').innerText();
    expect(text).not.toContain('Notitie uit het tabblad');
    expect(text).not.toContain('Ik wil beter leren plannen');
    await other.close();
  });

  it('downloads all of the professional\'s data as JSON', async () => {
    await page.goto(`${t.app.url}/tab/index.html`);
    await noteWith('bijgewerkt').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download al mijn gegevens (JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe('mijn-verantwoording.json');
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(data.userId).toBe('aad-anna');
    expect(data.notes.map((n: { text: string }) => n.text)).toEqual(['Notitie uit het tabblad, bijgewerkt']);
    expect(data.personalAnswers.map((a: { text: string }) => a.text).sort()).toEqual(['Ik wil beter leren plannen', 'Samen puzzelen gaf energie']);
    expect(data.contributions.map((c: { text: string }) => c.text)).toContain('De overdracht tussen diensten');
    expect(data.energyCheckIns).toHaveLength(4);
  });

  it('erases everything after a confirmation', async () => {
    await page.getByRole('button', { name: 'Al mijn gegevens wissen' }).click();
    await page.getByRole('button', { name: 'Nee, terug' }).click();
    expect(await notes().count()).toBe(1);
    await page.getByRole('button', { name: 'Al mijn gegevens wissen' }).click();
    await page.getByRole('button', { name: 'Ja, wis al mijn gegevens' }).click();
    await status().filter({ hasText: 'Je gegevens zijn gewist.' }).waitFor();
    await page.getByText('Nog geen notities.').waitFor();
    const { resources } = await t.cosmos.container('personal').items.query({ query: "SELECT * FROM c WHERE c.userId = 'aad-anna'" }).fetchAll();
    expect(resources).toEqual([]);
  });

  it('inside Teams: uses the SSO token (never the dev sign-in), Teams\' locale, and follows theme changes', async () => {
    const removeHost = installFakeTeamsHost();
    try {
      const token = await entra.token({ claims: { oid: cem.aadObjectId } });
      const created = await fetch(`${t.app.url}/api/verantwoording/notes`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Notitie van Cem in Teams' }) });
      expect(created.status).toBe(201);
      const teams = await browser.newPage();
      const seen: string[] = [];
      teams.on('request', (r) => seen.push(new URL(r.url()).pathname));
      await teams.goto(`${t.app.url}/tab/fake-teams-host.html?locale=en-us&theme=dark&token=${token}`);
      const [tab] = await Promise.all([teams.waitForEvent('popup'), teams.getByRole('button', { name: 'Open the tab' }).click()]);
      tab.on('request', (r) => seen.push(new URL(r.url()).pathname));
      await tab.getByRole('heading', { name: 'Notes' }).waitFor();
      expect(await tab.getByText('Notitie van Cem in Teams').count()).toBe(1);
      expect(await tab.getByText('Team Zorg · week 1').count()).toBe(1);
      expect(await tab.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.lang])).toEqual(['dark', 'en']);
      expect(await axeProblems(tab)).toEqual([]);
      await teams.evaluate(() => (window as unknown as { setTheme(t: string): void }).setTheme('contrast'));
      await tab.waitForFunction(() => document.documentElement.dataset.theme === 'contrast');
      expect(await teams.evaluate(() => (window as unknown as { hostLog: string[] }).hostLog)).toEqual(expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']));
      expect(seen).not.toContain('/api/dev/status');
      expect(seen).not.toContain('/api/dev/sign-in');
      expect(seen).toContain('/api/verantwoording');
      await tab.close();
      await teams.close();
    } finally {
      removeHost();
    }
  });

  it('stayed on loopback and broke no Content Security Policy rule', () => {
    expect(browser.consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    for (const host of browser.blocked) expect(host).toBe('res.cdn.office.net');
  });
});
