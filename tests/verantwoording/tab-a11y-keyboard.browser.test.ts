/**
 * Found in review, stop 49 (accessibility of the personal tab): a keyboard or screen-reader user
 * changing something in the tab. WCAG 2.1 2.4.3 (focus order) and the WAI-ARIA confirmation
 * pattern: after a stored change the focus stays on (or returns to) the control the person used,
 * never falls to <body> (which sends the next Tab to the top of the page and leaves a screen
 * reader with nothing); a confirmation for an irreversible step does not put the focus on the
 * destructive button, so one held or doubled Enter cannot confirm what the first press only asked.
 * Before, focus fell to <body> after every stored change, and a held Enter on Verwijderen or on
 * "Al mijn gegevens wissen" deleted the note or erased everything.
 */
import { Page } from 'playwright-core';
import { MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { Browser, buildTab, launchBrowser, requireChromium, signInWithDevUser } from './browser';
import { PersonalChat, weekOfAnnasGroup } from './support';

describe('keyboard focus and confirmations in the tab', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  const anna = MEMBERS[0]!;
  const NOTES = { share: 'Notitie om te delen', edit: 'Notitie om te bewerken', del: 'Notitie om te verwijderen', held: 'Notitie met ingedrukte Enter', twice: 'Notitie met dubbelklik', gone: 'Notitie die elders verdwijnt' };
  const note = (text: string) => page.locator('#notes > li').filter({ hasText: text });
  /** The focused element: tag, id, text, and the id of the section it is in. */
  const focus = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName.toLowerCase(), id: el?.id ?? '', text: el?.tagName === 'BODY' ? '' : (el?.textContent ?? '').trim().slice(0, 40), section: el?.closest('section')?.getAttribute('aria-labelledby') ?? null };
    });
  const clearStatus = () => page.evaluate(() => void (document.getElementById('status')!.textContent = ''));
  const status = (text: string | RegExp) => page.locator('#status').filter({ hasText: text }).waitFor();
  /** Records every fetch the page starts from now, synchronously (a click's request is started before the next evaluate runs); wrapped once per page. */
  const spyFetch = () =>
    page.evaluate(() => {
      const w = window as unknown as { calls: string[]; fetch: typeof fetch; unspied?: typeof fetch };
      const original = (w.unspied ??= w.fetch.bind(window));
      w.calls = [];
      w.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        w.calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
        return original(input, init);
      };
    });
  const calls = () => page.evaluate(() => (window as unknown as { calls: string[] }).calls);

  beforeAll(async () => {
    requireChromium();
    buildTab();
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    await weekOfAnnasGroup(t);
    const chat = new PersonalChat(t, anna);
    for (const text of Object.values(NOTES)) await chat.say(`notitie ${text}`, 'nl-NL');
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInWithDevUser(page, t.app.url, anna.aadObjectId);
    for (const text of Object.values(NOTES)) await note(text).waitFor();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('Tab reaches every control in the order of the page, none with a positive tabindex, each with a visible focus outline, in every theme', async () => {
    for (const theme of ['default', 'dark', 'contrast']) {
      await page.goto(`${t.app.url}/tab/index.html?theme=${theme}`);
      await note(NOTES.share).waitFor();
      const expected = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('a[href],button,input,select,textarea,[tabindex]')]
          .filter((el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && el.getClientRects().length > 0)
          .map((el, i) => (el.dataset.order = String(i))),
      );
      expect(expected.length).toBeGreaterThan(10);
      expect(await page.locator('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').count()).toBe(0);
      const reached: { order: string | undefined; outline: string }[] = [];
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      for (let i = 0; i < expected.length; i++) {
        await page.keyboard.press('Tab');
        reached.push(
          await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const s = getComputedStyle(el);
            return { order: el.dataset.order, outline: s.outlineStyle === 'none' || s.outlineWidth === '0px' ? 'none' : `${s.outlineStyle} ${s.outlineWidth}` };
          }),
        );
      }
      expect({ theme, order: reached.map((r) => r.order) }).toEqual({ theme, order: expected });
      expect({ theme, withoutOutline: reached.filter((r) => r.outline === 'none') }).toEqual({ theme, withoutOutline: [] });
    }
    await page.goto(`${t.app.url}/tab/index.html`);
    await note(NOTES.share).waitFor();
  });

  it('a refused learning need (no theme chosen) moves the focus to the field, marks it invalid, ties the reason to it and says it in the status line', async () => {
    await page.getByRole('button', { name: 'Anoniem doorgeven' }).focus();
    await page.keyboard.press('Enter');
    const select = page.getByLabel('Thema');
    await page.waitForFunction(() => document.activeElement?.tagName === 'SELECT');
    expect(await select.getAttribute('aria-invalid')).toBe('true');
    const described = (await select.getAttribute('aria-describedby')) ?? '';
    const reason = await page.locator(`#${described.split(/\s+/).pop()}`).innerText();
    expect(reason.length).toBeGreaterThan(5);
    expect(await page.locator('#status').innerText()).toBe(reason);
  });

  it('each note\'s Bewerken and Verwijderen can be told apart by a screen reader (described by the note\'s text)', async () => {
    const spoken = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLButtonElement>('#notes button')]
        .filter((b) => ['Bewerken', 'Verwijderen'].includes(b.textContent ?? ''))
        .map((b) => `${b.textContent} | ${(b.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '').join(' ')}`),
    );
    expect(spoken.length).toBeGreaterThanOrEqual(2 * Object.keys(NOTES).length);
    expect(spoken).toContain(`Bewerken | ${NOTES.edit}`);
    expect(spoken.filter((x, i) => spoken.indexOf(x) !== i)).toEqual([]);
  });

  it('sharing a note with Space keeps the focus on its checkbox', async () => {
    const box = note(NOTES.share).getByRole('checkbox');
    const id = await box.getAttribute('id');
    await box.focus();
    await clearStatus();
    await page.keyboard.press('Space');
    await status('Gedeeld met je leidinggevende.');
    expect(await note(NOTES.share).getByRole('checkbox').isChecked()).toBe(true);
    expect(await focus()).toMatchObject({ tag: 'input', id });
  });

  it('adding a note with Enter leaves the focus in the Notities section, not on <body>', async () => {
    await page.getByLabel('Nieuwe notitie').focus();
    await page.keyboard.type('Toegevoegd met het toetsenbord');
    await page.getByRole('button', { name: 'Notitie toevoegen' }).focus();
    await page.keyboard.press('Enter');
    await note('Toegevoegd met het toetsenbord').waitFor();
    expect(await focus()).toMatchObject({ section: 'h-notes' });
  });

  it('saving a week\'s hours with Enter keeps the focus on Uren bewaren', async () => {
    await page.getByLabel('Uren leertijd').fill('2');
    await page.getByRole('button', { name: 'Uren bewaren' }).focus();
    await clearStatus();
    await page.keyboard.press('Enter');
    await status('Bewaard.');
    expect(await focus()).toMatchObject({ tag: 'button', text: 'Uren bewaren' });
  });

  it('saving an edited note with Enter gives the focus back to that note\'s Bewerken button', async () => {
    await note(NOTES.edit).getByRole('button', { name: 'Bewerken' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type(' (bijgewerkt)');
    await page.keyboard.press('Tab');
    expect(await focus()).toMatchObject({ text: 'Bewaren' });
    await clearStatus();
    await page.keyboard.press('Enter');
    await status('Bewaard.');
    await note('(bijgewerkt)').getByRole('button', { name: 'Bewerken' }).waitFor();
    const editId = await note('(bijgewerkt)').getByRole('button', { name: 'Bewerken' }).getAttribute('id');
    expect(await focus()).toMatchObject({ tag: 'button', id: editId });
  });

  it('deleting a note by keyboard leaves the focus in the Notities section, not on <body>', async () => {
    await note(NOTES.del).getByRole('button', { name: 'Verwijderen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Annuleren' }).focus();
    await page.keyboard.press('Shift+Tab'); // back to "Ja, verwijderen"
    expect((await focus()).text).toBe('Ja, verwijderen');
    await page.keyboard.press('Enter');
    await note(NOTES.del).waitFor({ state: 'detached' });
    expect(await focus()).toMatchObject({ section: 'h-notes' });
    // On the next note's Bewerken (or, after the last note, the section's heading).
    expect(['Bewerken', 'Notities']).toContain((await focus()).text);
  });

  it('Annuleren in the editor of a note deleted elsewhere meanwhile leaves the focus in the Notities section, not on <body>', async () => {
    const id = (await note(NOTES.gone).getAttribute('data-note-id'))!;
    await note(NOTES.gone).getByRole('button', { name: 'Bewerken' }).click();
    // Meanwhile the note is deleted elsewhere (the chat's overview card, here its API call).
    const { token } = (await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: anna.aadObjectId }) })).json()) as { token: string };
    const deleted = await fetch(`${t.app.url}/api/verantwoording/notes/${encodeURIComponent(id)}?rev=1`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(deleted.status).toBe(204);
    const editor = page.locator(`#notes > li[data-note-id="${id}"]`);
    await editor.getByRole('button', { name: 'Bewaren', exact: true }).click();
    await editor.getByRole('button', { name: 'Bewaren als nieuwe notitie' }).waitFor();
    await editor.getByRole('button', { name: 'Annuleren' }).focus();
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });
    expect(await focus()).toMatchObject({ section: 'h-notes' });
  });

  it('"Nee, terug" on the erase confirmation gives the focus back to "Al mijn gegevens wissen"', async () => {
    await page.getByRole('button', { name: 'Al mijn gegevens wissen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Nee, terug' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Nee, terug' }).waitFor({ state: 'detached' });
    expect(await focus()).toMatchObject({ tag: 'button', text: 'Al mijn gegevens wissen' });
  });

  it('a held Enter on a note\'s Verwijderen does not delete the note (the confirmation takes a second, deliberate choice)', async () => {
    await spyFetch();
    await note(NOTES.held).getByRole('button', { name: 'Verwijderen' }).focus();
    await page.keyboard.down('Enter');
    await page.keyboard.down('Enter'); // the key's auto-repeat
    await page.keyboard.up('Enter');
    const deletes = (await calls()).filter((c) => c.startsWith('DELETE'));
    if (deletes.length) await note(NOTES.held).waitFor({ state: 'detached' }); // let the deletion it started finish
    expect(deletes).toEqual([]);
  });

  it('a double click on "Ja, verwijderen" sends one deletion (the button is disabled while it runs)', async () => {
    await note(NOTES.twice).getByRole('button', { name: 'Verwijderen' }).click();
    await spyFetch();
    await note(NOTES.twice).getByRole('button', { name: 'Ja, verwijderen' }).dblclick();
    await note(NOTES.twice).waitFor({ state: 'detached' });
    expect((await calls()).filter((c) => c.startsWith('DELETE'))).toHaveLength(1);
  });

  it('a held Enter on "Al mijn gegevens wissen" does not erase everything', async () => {
    await spyFetch();
    await page.getByRole('button', { name: 'Al mijn gegevens wissen' }).focus();
    await page.keyboard.down('Enter');
    await page.keyboard.down('Enter'); // the key's auto-repeat
    await page.keyboard.up('Enter');
    const erasures = (await calls()).filter((c) => c.includes('/erase'));
    if (erasures.length) await status('Je gegevens zijn gewist.'); // let the erasure it started finish
    expect(erasures).toEqual([]);
    expect(await page.getByRole('button', { name: 'Ja, wis al mijn gegevens' }).count()).toBe(1);
  });

  // Last: it erases Anna's data.
  it('a double click on "Ja, wis al mijn gegevens" sends one erasure, and the focus stays in Mijn gegevens', async () => {
    const yes = page.getByRole('button', { name: 'Ja, wis al mijn gegevens' });
    if (!(await yes.count())) await page.getByRole('button', { name: 'Al mijn gegevens wissen' }).click();
    await clearStatus();
    await spyFetch();
    await yes.dblclick();
    await status('Je gegevens zijn gewist.');
    expect((await calls()).filter((c) => c.includes('/erase'))).toHaveLength(1);
    expect(await focus()).toMatchObject({ tag: 'button', text: 'Al mijn gegevens wissen', section: 'h-data' });
  });
});
