import { Page } from 'playwright-core';
import { TestUser } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { weekUpToQuestion9 } from '../learning-needs/support';
import { Browser, buildTab, launchBrowser, requireChromium, signInWithDevUser } from '../verantwoording/browser';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

/**
 * Found in review, stop 46. Anna passed her learning need on (samenwerken) and has the tab open on
 * it. Then, on the session card in the chat, she changes it: theme "digitaal", with words. Back in
 * the tab, still showing the old version, she types a few words and presses "Bijwerken". The tab's
 * PUT /learning-needs/:answerId carried no revision (notes, hours, the Prof-traject and sharing all
 * do), so the stale tab silently overwrote the newer version from the chat; a stale "Intrekken"
 * likewise undid a pass-on made again in the chat.
 * What must hold (as for a note, the hours and the Prof-traject): the tab sends the revision it
 * showed; a stale save or withdrawal is refused (409, `reason: 'changedMeanwhile'`, with the need as
 * stored), nothing changes, the tab says it was changed meanwhile, keeps what she typed in the
 * field and shows the stored version beside it; pressed again, hers goes over it knowingly. A save
 * without a revision (tabs from before) goes ahead as before.
 */
describe('a stale tab saving or withdrawing a learning need changed in the chat meanwhile', () => {
  let t: TestApp;
  let g: GroupDriver;
  let browser: Browser;
  let page: Page;
  const need = () => page.locator('.card .card').filter({ hasText: `Leerwens van ${anna.name}` });
  const passOn = async () =>
    (await t.store.container('personal').items.query(`SELECT * FROM c WHERE c.type IN ('learningNeedPassOn', 'learningNeedWithdrawn') AND c.userId = '${anna.aadObjectId}'`).fetchAll()).resources.map((p) => ({
      type: p.type,
      theme: p.theme,
      text: p.text,
    }));
  const statusAfter = async (press: () => Promise<void>) => {
    await page.evaluate(() => (document.getElementById('status')!.textContent = ''));
    await press();
    await page.locator('#status').filter({ hasText: /./ }).waitFor();
    return page.locator('#status').innerText();
  };

  beforeAll(async () => {
    requireChromium();
    buildTab();
    t = await startTestApp({ B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await weekUpToQuestion9(g);
    await g.press(anna, 'session.personal', { ...g.ids(), questionId: 9, text: `Leerwens van ${anna.name}` });
    await g.press(anna, 'learningNeed.pass', { ...g.ids(), questionId: 9, theme: 'samenwerken', learningNeedText: '' });
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInWithDevUser(page, t.app.url, anna.aadObjectId);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('refuses the stale save, keeps the chat\'s newer version beside the typed words', async () => {
    const words = need().getByLabel('In een paar woorden (optioneel)');
    await words.waitFor();
    expect(await passOn()).toEqual([{ type: 'learningNeedPassOn', theme: 'samenwerken', text: undefined }]);

    // Meanwhile, in the chat: the same need, now "digitaal" with her own words.
    const fromChat = 'Werken met het nieuwe ECD, uit de chat';
    await g.press(anna, 'learningNeed.pass', { ...g.ids(), questionId: 9, theme: 'digitaal', learningNeedText: fromChat });
    expect(await passOn()).toEqual([{ type: 'learningNeedPassOn', theme: 'digitaal', text: fromChat }]);

    // The tab still shows samenwerken; she adds words there and presses Bijwerken.
    const typed = 'Overdracht met de avonddienst, uit de tab';
    await words.fill(typed);
    const status = await statusAfter(() => need().getByRole('button', { name: 'Bijwerken' }).click());

    // The newer version from the chat is not overwritten by a view that never showed it.
    expect(await passOn()).toEqual([{ type: 'learningNeedPassOn', theme: 'digitaal', text: fromChat }]);
    expect(status).not.toMatch(/^Doorgegeven|bewaard/i);
    expect(status).toMatch(/^Deze leerbehoefte is intussen ergens anders gewijzigd .*er is niets veranderd\./);
    const stored = need().getByRole('group', { name: 'Nieuwste bewaarde versie' });
    await stored.waitFor();
    // What she typed stays in the field; the stored version stands beside it.
    expect({ typed: await words.inputValue(), theme: await need().getByLabel('Thema').inputValue(), stored: await stored.innerText() }).toEqual({
      typed,
      theme: 'samenwerken',
      stored: expect.stringMatching(/Thema: Digitale vaardigheden en AI\s+In een paar woorden \(optioneel\): Werken met het nieuwe ECD, uit de chat/),
    });

    // Pressed again, having seen the newer version: hers goes over it.
    expect(await statusAfter(() => need().getByRole('button', { name: 'Bijwerken' }).click())).toBe('Doorgegeven aan L&O, anoniem.');
    expect(await passOn()).toEqual([{ type: 'learningNeedPassOn', theme: 'samenwerken', text: typed }]);
    await stored.waitFor({ state: 'detached' });
  });

  it('refuses a stale "Intrekken" after the need was withdrawn and passed on again in the chat', async () => {
    await need().getByRole('button', { name: 'Intrekken' }).waitFor();
    await g.press(anna, 'learningNeed.withdraw', { ...g.ids(), questionId: 9 });
    expect(await passOn()).toEqual([{ type: 'learningNeedWithdrawn', theme: undefined, text: undefined }]);
    const again = 'Opnieuw doorgegeven in de chat';
    await g.press(anna, 'learningNeed.pass', { ...g.ids(), questionId: 9, theme: 'coachen', learningNeedText: again });

    const status = await statusAfter(() => need().getByRole('button', { name: 'Intrekken' }).click());
    expect(status).toMatch(/^Deze leerbehoefte is intussen ergens anders gewijzigd .*er is niets ingetrokken\./);
    expect(await passOn()).toEqual([{ type: 'learningNeedPassOn', theme: 'coachen', text: again }]);
    // Redrawn as stored: the need passed on again, in its own words.
    await need().getByText('Doorgegeven (Coachen en begeleiden)').waitFor();
    expect(await need().getByLabel('In een paar woorden (optioneel)').inputValue()).toBe(again);
  });

  it('answers a stale change with a 409 and the stored need; a change without a revision goes ahead', async () => {
    const { token } = (await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: anna.aadObjectId }) })).json()) as { token: string };
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${t.app.url}/api/verantwoording/learning-needs${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const [shown] = (await (await api('GET', '')).json()).items as { answerId: string; rev: number; theme: string; text: string }[];
    const stale = shown!.rev - 1;
    const refused = { error: 'conflict', reason: 'changedMeanwhile', need: { answerId: shown!.answerId, status: 'pending', theme: 'coachen', text: shown!.text, rev: shown!.rev } };
    for (const res of [await api('PUT', `/${shown!.answerId}`, { theme: 'vakkennis', text: 'Oud', rev: stale }), await api('DELETE', `/${shown!.answerId}?rev=${stale}`)]) {
      expect({ status: res.status, body: await res.json() }).toEqual({ status: 409, body: refused });
    }
    expect(await passOn()).toEqual([{ type: 'learningNeedPassOn', theme: 'coachen', text: shown!.text }]);

    // The same change sent twice (its answer lost): the second finds it stored, and is answered as done.
    const first = await api('PUT', `/${shown!.answerId}`, { theme: 'vakkennis', text: 'Nieuw', rev: shown!.rev });
    const repeated = await api('PUT', `/${shown!.answerId}`, { theme: 'vakkennis', text: 'Nieuw', rev: shown!.rev });
    expect([first.status, repeated.status]).toEqual([200, 200]);

    // Older clients send no revision: as before, the change is stored.
    expect((await api('PUT', `/${shown!.answerId}`, { theme: 'organiseren', text: 'Zonder revisie' })).status).toBe(200);
    expect(await passOn()).toEqual([{ type: 'learningNeedPassOn', theme: 'organiseren', text: 'Zonder revisie' }]);
  });
});
