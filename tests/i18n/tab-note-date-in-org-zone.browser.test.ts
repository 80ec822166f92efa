/**
 * Found in review, stop 42. Anna writes a note in her 1:1 chat at 00:30 on Tuesday 24 November in
 * Amsterdam (23:30 UTC on the 23rd), and reads it later in the personal tab on a laptop whose zone
 * is UTC (a VDI, or while travelling). The chat's card dates the note in the organisation's zone
 * (ORG_TIME_ZONE, Europe/Amsterdam): "24 Nov 2026". The tab must give the same date: the API's
 * overview says which zone to date in, and the tab writes the note's day in it, whatever zone the
 * device runs in. Before, the tab dated it in the device's zone and said "23 Nov 2026".
 */
import { Page } from 'playwright-core';
import { MEMBERS } from '../support/group-driver';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { Browser, buildTab, launchBrowser, requireChromium, signInWithDevUser } from '../verantwoording/browser';
import { PersonalChat } from '../verantwoording/support';

describe('the tab dates a note as the chat does, in the organisation\'s zone', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  const [anna] = MEMBERS as [typeof MEMBERS[0]];

  beforeAll(async () => {
    requireChromium();
    buildTab();
    // 23:30 UTC = 00:30 the next day in Amsterdam.
    t = await startTestApp({}, '2026-11-23T23:30:00Z');
    browser = await launchBrowser();
    page = await browser.newPage();
    // The device's zone: UTC (a VDI, a travelling laptop), set explicitly so the test does not depend on the machine.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'UTC' });
    await signInWithDevUser(page, t.app.url, anna.aadObjectId);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shows 24 Nov 2026 in the chat and in the English tab', async () => {
    const chat = new PersonalChat(t, anna);
    await chat.say('language en', 'en-US');
    const said = await chat.say('note Ask Dewi about the handover form', 'en-US');
    const overview = (await chat.say('accountability', 'en-US')).cards.map(cardText).join('\n');
    expect([...said.texts, ...said.cards.map(cardText)].join('\n')).toContain('Ask Dewi about the handover form');
    // The chat: the organisation's date.
    expect(overview).toContain('24 Nov 2026');

    await page.goto(`${t.app.url}/tab/index.html?lang=en`);
    const note = page.locator('#notes > li').filter({ hasText: 'Ask Dewi about the handover form' });
    await note.waitFor();
    const meta = await note.locator('p.muted').first().innerText();
    expect(meta).toContain('24 Nov 2026');
  });
});
