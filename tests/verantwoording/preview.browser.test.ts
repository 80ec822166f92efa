import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { Browser, buildTab, launchBrowser, requireChromium, signInWithDevUser } from './browser';
import { verantwoordingDeps, weekOfAnnasGroup } from './support';

/**
 * "Wat ziet mijn leidinggevende?" in the personal tab: the prep card the manager would get today,
 * rendered by the adaptivecards library in the page itself, as Teams renders cards.
 */
describe('the manager\'s prep card, previewed in the tab', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  const [anna] = MEMBERS as [typeof MEMBERS[0]];

  beforeAll(async () => {
    requireChromium();
    buildTab();
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory });
    await weekOfAnnasGroup(t);
    await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'n1', text: 'Gedeeld met Mia', shared: true });
    await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'n2', text: 'Alleen voor mij' });
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const signIn = (p: Page, userId: string) => signInWithDevUser(p, t.app.url, userId);

  it('renders the manager\'s prep card with the adaptivecards library: what is shared, nothing private', async () => {
    await signIn(page, 'aad-anna');
    await page.getByRole('button', { name: 'Wat ziet mijn leidinggevende?' }).click();
    const card = page.locator('#preview .ac-adaptiveCard');
    await card.getByText('Voorbeeld: zo ziet je leidinggevende de voorbereidingskaart vandaag').waitFor();
    const text = await card.innerText();
    expect(text).toContain('Voorbereiding: talentontwikkelgesprek met Anna');
    expect(text).toContain('Gedeeld met Mia');
    expect(text).not.toContain('Alleen voor mij');
    expect(text).not.toContain('Ik wil beter leren plannen'); // a private answer
  });

  it('says so plainly when the directory gives no manager', async () => {
    const other = await browser.newPage();
    await signIn(other, 'aad-bram');
    await other.getByRole('button', { name: 'Wat ziet mijn leidinggevende?' }).click();
    await other.locator('#preview').getByText('Volgens de directory heb je geen leidinggevende').waitFor();
    expect(await other.locator('#preview .ac-adaptiveCard').count()).toBe(0);
    await other.close();
  });

  it('broke no Content Security Policy rule', () => {
    expect(browser.consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });
});
