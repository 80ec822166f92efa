/**
 * Found in review, stop 42. A keyboard user opens a note's Delete confirmation with Enter (focus
 * moves to "Yes, delete"), Tabs to Cancel and presses Enter; or opens the note's editor with Edit
 * and leaves it with Cancel. The note is drawn again without the panel, and focus must go back to
 * the button that opened it (Delete, Edit), as the WAI-ARIA dialog and disclosure patterns ask, so
 * a keyboard or screen-reader user goes on where they were. Before, focus fell to the page's
 * <body> and they were thrown back to the top of the page.
 */
import { Page } from 'playwright-core';
import { MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { Browser, buildTab, launchBrowser, requireChromium, signInWithDevUser } from './browser';
import { PersonalChat } from './support';

describe('the tab keeps keyboard focus where the user was', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  const [anna] = MEMBERS as [typeof MEMBERS[0]];
  const TEXT = 'Ask Dewi about the handover form';
  const note = () => page.locator('#notes > li').filter({ hasText: TEXT });
  /** Where focus is: the focused element's tag and text, and whether it is inside the note. */
  const focus = () =>
    page.evaluate((text) => {
      const el = document.activeElement as HTMLElement | null;
      const li = [...document.querySelectorAll('#notes > li')].find((n) => n.textContent?.includes(text));
      return { tag: el?.tagName.toLowerCase(), text: (el?.textContent ?? '').trim().slice(0, 40), inNote: Boolean(li && el && li.contains(el)) };
    }, TEXT);

  beforeAll(async () => {
    requireChromium();
    buildTab();
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    await new PersonalChat(t, anna).say(`note ${TEXT}`, 'en-US');
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInWithDevUser(page, t.app.url, anna.aadObjectId);
    await page.goto(`${t.app.url}/tab/index.html?lang=en`);
    await note().waitFor();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('Cancel on the delete confirmation gives focus back to the note\'s Delete button', async () => {
    await note().getByRole('button', { name: 'Delete', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /Yes, delete/ }).waitFor();
    // The focus is on the question (the panel), never on "Yes, delete" (stop 49: a held Enter deleted the note).
    expect(await focus()).toMatchObject({ tag: 'div', inNote: true });
    await page.keyboard.press('Tab');
    expect((await focus()).text).toBe('Yes, delete');
    await page.keyboard.press('Tab');
    expect((await focus()).text).toBe('Cancel');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /Yes, delete/ }).waitFor({ state: 'detached' });
    expect(await focus()).toEqual({ tag: 'button', text: 'Delete', inNote: true });
  });

  it('Cancel in the note editor gives focus back to the note\'s Edit button', async () => {
    await note().getByRole('button', { name: 'Edit', exact: true }).focus();
    await page.keyboard.press('Enter');
    const editor = page.getByLabel('Text of the note');
    await editor.waitFor();
    await page.keyboard.press('Tab'); // Save
    await page.keyboard.press('Tab'); // Cancel
    expect((await focus()).text).toBe('Cancel');
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });
    expect(await focus()).toEqual({ tag: 'button', text: 'Edit', inNote: true });
  });
});
