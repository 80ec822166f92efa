import { Page } from 'playwright-core';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { Browser, openAnnasTab } from './browser';

/**
 * Found in review of the personal tab. After a stored change the tab reloads the overview. When
 * that reload failed (the store stopped answering reads right after the save), the whole page was
 * replaced by "Je verantwoording kon niet worden geladen": every form was gone, and with it what
 * Anna had typed in another form and not saved yet (the drafts are read only after a successful
 * read, so nothing brought the text back).
 * What must hold: the stored change is said as stored; the page stays as it was, every form with
 * what was typed and not saved; a line above it says the page could not be refreshed, with a
 * button that loads it again (and goes once it did). A new note that was stored does not stay in
 * its form, where a second press would store it twice.
 */
describe('a failed reload after a change in the tab', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  const status = () => page.locator('#status');
  const notRefreshed = () => page.getByRole('alert').filter({ hasText: 'De pagina kon niet worden vernieuwd' });
  const personal = async (where: string) => (await t.store.container('personal').items.query(`SELECT * FROM c WHERE c.userId = 'aad-anna' AND ${where}`).fetchAll()).resources;
  const valueOf = (id: string) => page.evaluate((i) => (document.getElementById(i) as HTMLTextAreaElement | null)?.value ?? null, id);
  /** The next reload of the overview finds the store not answering reads; everything else (the change itself) goes through. */
  const failNextReload = async () => {
    let armed = true;
    await page.route(/\/api\/verantwoording\?lang=/, async (route) => {
      if (!armed) return route.continue();
      armed = false;
      t.proxy!.faults = (req) => (req.kind === 'query' || req.kind === 'pointRead' ? { kind: 'status', status: 503 } : undefined);
      try {
        const response = await route.fetch();
        await route.fulfill({ response });
      } finally {
        t.proxy!.faults = undefined;
      }
    });
  };
  const fresh = async () => {
    await page.unroute(/\/api\/verantwoording\?lang=/);
    await page.goto(`${t.app.url}/tab/index.html`);
    await page.getByRole('heading', { name: 'Notities' }).waitFor();
  };

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    ({ browser, page } = await openAnnasTab(t));
  }, 90_000);
  afterAll(async () => {
    if (t?.proxy) t.proxy.faults = undefined;
    await browser?.close();
    await t?.stop();
  });

  it('keeps a half-written note when the reload after sharing an answer fails, and loads again on request', async () => {
    await fresh();
    const half = 'Vandaag geleerd dat ik vaker om hulp mag vragen, en dat';
    await page.getByLabel('Nieuwe notitie').fill(half);

    await failNextReload();
    const answerShare = page.locator('.card .card').filter({ hasText: 'Ik wil beter leren plannen' }).getByLabel('Delen met mijn leidinggevende');
    await answerShare.check();
    await status().filter({ hasText: /gedeeld/i }).waitFor();
    expect((await personal("c.type = 'personalAnswer' AND c.questionId = 9"))[0]?.visibility).toBe('shared');

    // The share is stored and said (after the reload); the page is as it was, with what she was typing, and says it is not refreshed.
    expect({
      typed: await valueOf('new-note'),
      shareShown: (await answerShare.count()) === 1 && (await answerShare.isChecked()),
      notRefreshed: await notRefreshed().count(),
      pageSays: (await page.locator('#main').innerText()).slice(0, 120),
    }).toEqual({ typed: half, shareShown: true, notRefreshed: 1, pageSays: expect.stringMatching(/^De pagina kon niet worden vernieuwd/) });

    // "Opnieuw laden": the page is drawn anew from what is stored, the line goes, the typing stays.
    await notRefreshed().getByRole('button', { name: 'Opnieuw laden' }).click();
    await notRefreshed().waitFor({ state: 'detached' });
    expect({ typed: await valueOf('new-note'), shareShown: await answerShare.isChecked() }).toEqual({ typed: half, shareShown: true });
  });

  it('keeps a Prof-traject being typed when the reload after adding a note fails, and stores the note once', async () => {
    await fresh();
    const needs = 'Beter leren plannen, en vaker';
    await page.getByLabel('Wat wil ik leren? (leerbehoeften)').fill(needs);
    await page.getByLabel('Nieuwe notitie').fill('Eén notitie, één keer bewaard');

    await failNextReload();
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await status().filter({ hasText: 'Bewaard.' }).waitFor();
    expect({ needs: await valueOf('traject-needs'), newNote: await valueOf('new-note'), notRefreshed: await notRefreshed().count() }).toEqual({ needs, newNote: '', notRefreshed: 1 });

    // A second press finds an empty form: refused, nothing stored twice.
    await page.evaluate(() => (document.getElementById('status')!.textContent = ''));
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await status().filter({ hasText: /./ }).waitFor();
    expect((await personal("c.type = 'note'")).map((n) => n.text)).toEqual(['Eén notitie, één keer bewaard']);
    expect(await valueOf('traject-needs')).toBe(needs);
  });
});
