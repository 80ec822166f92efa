import { Page } from 'playwright-core';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { Browser, openAnnasTab } from './browser';

/**
 * The tab's "Delen met mijn leidinggevende" box is flipped by the click itself, before anything is
 * stored. When the store refuses the change (503) the tab says "Bewaren lukte niet" and puts the
 * box back as stored, so it never claims what is not stored: a note Anna tried to take back from
 * her manager does not show as private while her manager still sees it (nor the reverse).
 * Found in review, stop 39.
 */
describe('a share toggle the store refused in the tab', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let token = '';
  const status = () => page.locator('#status');
  const note = () => page.locator('#notes > li').filter({ hasText: 'Gedeelde notitie voor Mia' });
  const personal = async (where: string) => (await t.store.container('personal').items.query(`SELECT * FROM c WHERE c.userId = 'aad-anna' AND ${where}`).fetchAll()).resources;

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    ({ browser, page, token } = await openAnnasTab(t));
    const created = await fetch(`${t.app.url}/api/verantwoording/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Gedeelde notitie voor Mia', shared: true, key: 'share-refused-0001' }),
    });
    if (created.status !== 201) throw new Error(`note not created: ${created.status}`);
    await page.goto(`${t.app.url}/tab/index.html`);
    await note().waitFor();
  }, 90_000);
  afterAll(async () => {
    if (t?.proxy) t.proxy.faults = undefined;
    await browser?.close();
    await t?.stop();
  });

  it('does not show a shared note as private when making it private failed', async () => {
    const box = note().getByLabel('Delen met mijn leidinggevende');
    expect(await box.isChecked()).toBe(true);
    // Every write to the personal container fails from here (reads still answer).
    t.proxy!.faults = (req) => (req.container === 'personal' && req.kind !== 'pointRead' && req.kind !== 'query' && req.kind !== 'queryPlan' && req.kind !== 'metadata' ? { kind: 'status', status: 503 } : undefined);
    await box.uncheck();
    await status().filter({ hasText: /lukte niet/ }).waitFor();
    t.proxy!.faults = undefined;
    // Still shared: her manager still sees it.
    expect((await personal("c.type = 'note'")).map((n) => n.visibility)).toEqual(['shared']);
    // The page must not say otherwise.
    expect(await note().getByLabel('Delen met mijn leidinggevende').isChecked()).toBe(true);
  });
});
