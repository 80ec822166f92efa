/**
 * Stop 52: the tab's form to put an adopted proposal before the manager, in headless Chromium.
 * Before, the tab only said to use the chat. Anna opens "Voorleggen aan je leidinggevende" under
 * her group's adapted proposal: the form says it goes to Mia and shows exactly what Mia's card
 * will (the group's words and reason, never the first step), as text. Words over the limit are
 * refused before anything is sent, kept whole, with the reason next to the field. Cancel returns the
 * focus to the button. The directory then names Olga: the send is refused, the form names Olga
 * and keeps the words with the reason next to them; sent again, the history under the proposal
 * shows it was put before Olga, and one card reached her with the words.
 */
import { writeFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { TestUser } from '../support/activities';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { ADOPTED, directoryFile, groupDecides } from '../talent-review/support/proposal-put-before';
import { Browser, buildTab, launchBrowser, requireChromium, signInWithDevUser } from './browser';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const WORDS = 'Ik maak <b>tijd</b> vrij & help mee.';
const users = (annasManager: string) => [
  { id: 'aad-anna', name: 'Anna', managerId: annasManager },
  { id: 'aad-mia', name: 'Mia', managerId: 'aad-piet' },
  { id: 'aad-olga', name: 'Olga', managerId: 'aad-piet' },
  { id: 'aad-piet', name: 'Piet' },
];

describe('the tab\'s form puts an adopted proposal before the manager', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let file: string;
  const focus = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', label: (document.activeElement as HTMLTextAreaElement | null)?.labels?.[0]?.textContent ?? '' }));

  beforeAll(async () => {
    requireChromium();
    buildTab();
    file = directoryFile(users('aad-mia'));
    t = await startTestApp({ DIRECTORY_FILE: file }, '2026-11-23T08:00:00Z');
    await groupDecides(t, '19:tab-put-before-form@thread.v2', [anna, bram, cem]);
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('previews the manager\'s card as text, refuses over-long words whole, and cancels back to the button', async () => {
    await signInWithDevUser(page, t.app.url, 'aad-anna');
    const block = page.locator('li').filter({ hasText: ADOPTED.text });
    await block.waitFor();
    expect(await block.innerText()).not.toContain('typ daar verantwoording');
    await block.getByRole('button', { name: 'Voorleggen aan je leidinggevende' }).click();
    const form = block.locator('fieldset.put-before-form');
    await form.waitFor();
    const text = await form.innerText();
    expect(text).toContain('Gaat naar Mia, je leidinggevende volgens de directory.');
    expect(text).toContain('Precies dit ziet je leidinggevende:');
    expect(text).toContain(ADOPTED.reason);
    expect(text).not.toContain(ADOPTED.firstStep);
    expect(await form.locator('.put-before-preview').innerText()).toContain(ADOPTED.text);
    // The words box has the focus, with its label.
    expect((await focus()).label).toBe('Je eigen woorden erbij (mag leeg blijven)');

    const long = 'x'.repeat(1001);
    const words = form.getByLabel('Je eigen woorden erbij (mag leeg blijven)');
    await words.fill(long);
    await form.getByRole('button', { name: 'Versturen' }).click();
    await form.locator('.field-error').filter({ hasText: 'Hoogstens 1.000 tekens; dit zijn er 1.001.' }).waitFor();
    expect(await words.inputValue()).toBe(long);
    expect(await words.getAttribute('aria-invalid')).toBe('true');

    await form.getByRole('button', { name: 'Annuleren' }).click();
    expect(await block.locator('fieldset.put-before-form').count()).toBe(0);
    expect((await focus()).id).toMatch(/-open$/);
    expect(await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'proposalToManager'").fetchAll().then((r) => r.resources)).toEqual([]);
  });

  it('keeps the words with the reason when the manager changed, then sends and shows the new entry', async () => {
    const block = page.locator('li').filter({ hasText: ADOPTED.text });
    await block.getByRole('button', { name: 'Voorleggen aan je leidinggevende' }).click();
    const form = block.locator('fieldset.put-before-form');
    await form.waitFor();
    const words = form.getByLabel('Je eigen woorden erbij (mag leeg blijven)');
    await words.fill(WORDS);
    writeFileSync(file, JSON.stringify({ users: users('aad-olga') }));
    await form.getByRole('button', { name: 'Versturen' }).click();
    await form.locator('.field-error').filter({ hasText: 'volgens de directory is je leidinggevende nu Olga' }).waitFor();
    expect(await form.innerText()).toContain('Gaat naar Olga');
    expect(await words.inputValue()).toBe(WORDS);
    await page.locator('#status').filter({ hasText: 'Niet verstuurd' }).waitFor();

    await form.getByRole('button', { name: 'Versturen' }).click();
    await block.locator('.put-before-entry').filter({ hasText: 'Voorgelegd aan Olga op 23 nov 2026' }).waitFor();
    await page.locator('#status').filter({ hasText: 'Je hebt dit voorstel voorgelegd aan Olga.' }).waitFor();
    expect(await block.locator('fieldset.put-before-form').count()).toBe(0);
    expect((await focus()).id).toMatch(/-open$/);
    await t.app.outbox.drain(60_000);
    const toOlga = t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-olga')).map((c) => cardText(c.card));
    expect(toOlga.filter((c) => c.includes('Anna legt je een voorstel voor'))).toHaveLength(1);
    expect(toOlga.join('\n')).toContain(WORDS);
    expect(t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-mia'))).toEqual([]);
    // The page named its language, so what comes back to Anna later is told in it (stop 59).
    const records = (await t.store.container('personal').items.query({ query: "SELECT c.language FROM c WHERE c.type = 'proposalToManager'" }, { partitionKey: 'aad-anna' }).fetchAll()).resources;
    expect(records).toEqual([{ language: 'nl' }]);
    expect(browser.consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });
});
