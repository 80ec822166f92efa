import { Page } from 'playwright-core';
import { MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { axeProblems, Browser, buildTab, launchBrowser, requireChromium, signInWithDevUser } from './browser';
import { weekOfAnnasGroup } from './support';

/**
 * Anna erases her data in the tab while Cosmos DB answers 503 to every delete in her personal
 * partition, after the erasure began (her ticket written, her group's traces anonymised). As in
 * the chat: the tab never says "not saved" or "nothing was lost" (part of it is erased); it says
 * the erasure is unfinished, that the app finishes it by itself, and offers to finish it now,
 * which works once the store answers again.
 */
describe('the tab when an erasure does not finish', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  const [anna] = MEMBERS as [typeof MEMBERS[0]];
  const status = () => page.locator('#status');
  const annasDocuments = async () => (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.userId = 'aad-anna'" }).fetchAll()).resources;

  beforeAll(async () => {
    requireChromium();
    buildTab();
    t = await startTestApp({}, undefined, { proxy: true });
    await weekOfAnnasGroup(t);
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInWithDevUser(page, t.app.url, anna.aadObjectId);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('says the erasure is unfinished and offers to finish it, then finishes it', async () => {
    await page.getByRole('button', { name: 'Al mijn gegevens wissen' }).click();
    t.proxy!.faults = (req) => (req.kind === 'delete' && req.container === 'personal' ? { kind: 'status', status: 503 } : undefined);
    await page.getByRole('button', { name: 'Ja, wis al mijn gegevens' }).click();
    await page.getByRole('heading', { name: 'Je gegevens zijn nog niet helemaal gewist' }).waitFor();
    expect(await status().innerText()).toMatch(/maakt het vanzelf af/);
    expect(await status().innerText()).not.toMatch(/niet bewaard|niets verloren/i);
    expect(await axeProblems(page)).toEqual([]);

    t.proxy!.faults = undefined;
    await page.getByRole('button', { name: 'Wissen afmaken' }).click();
    await status().filter({ hasText: /^Je gegevens zijn gewist\.$/ }).waitFor();
    expect(await annasDocuments()).toEqual([]);
  });
});
