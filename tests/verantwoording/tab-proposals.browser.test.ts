import { Page } from 'playwright-core';
import { HANDOVER_ANSWERS } from '../support/ai-fixtures';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi, success } from '../support/fake-azure-openai';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { Browser, buildTab, launchBrowser, requireChromium } from './browser';
import { FakeEntra } from './fake-entra';

const DRAFT = { proposal: 'AI-TEKST: vervang de overdracht door een chatbot.', assumptions: ['x'], risks: ['y'], questionsToCheck: ['z'] };

/**
 * The tab's "Voorstellen waaraan je bijdroeg" in headless Chromium: an AI draft the group has not
 * decided on says, before its text, that it is the AI's concept, never the group's proposal.
 */
describe('the tab shows an undecided AI draft as the AI\'s concept', () => {
  let t: TestApp;
  let ai: FakeAzureOpenAi;
  const entra = new FakeEntra();
  let browser: Browser;
  let page: Page;
  const anna = MEMBERS[0]!;

  beforeAll(async () => {
    requireChromium();
    buildTab();
    await entra.start();
    ai = await startFakeAzureOpenAi();
    t = await startTestApp({ ...entra.env(), ...aiSettings(ai, { timeoutMs: 2000, retries: 0 }) }, undefined, { sharedCardIntervalMs: 0 });
    const g = await new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4)).answeredOnDayOne(HANDOVER_ANSWERS, { checkIn: 4 });
    ai.script(success(DRAFT));
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    await t.app.background.idle();
    await g.end();
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await ai?.close();
    await entra.stop();
  });

  it('labels the draft before its text', async () => {
    await page.goto(`${t.app.url}/tab/index.html`);
    await page.locator('#dev-user').fill(anna.aadObjectId);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    const item = page.locator('li').filter({ hasText: DRAFT.proposal });
    await item.waitFor();
    const text = await item.innerText();
    expect(text).toContain('Concept van AI; de groep heeft er (nog) geen besluit over genomen');
    expect(text.indexOf('Concept van AI')).toBeLessThan(text.indexOf(DRAFT.proposal));
  });
});
