import { Page } from 'playwright-core';
import { TestUser } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { weekUpToQuestion9 } from '../learning-needs/support';
import { Browser, buildTab, launchBrowser, requireChromium, signInWithDevUser } from './browser';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

/**
 * Found in review of the personal tab. Anna has her tab open on a learning need she passed on,
 * still pending, and starts rewording it; Bram has his open too. The Monday-night handover takes
 * their needs to L&O. Anna presses "Bijwerken", Bram "Intrekken": the API answered 409 and the tab
 * said "Deze notitie is intussen ergens anders gewijzigd ..." (a text about a NOTE), reloaded, and
 * Anna's reworded text was gone.
 * What must hold, as in the chat's card: the tab says it was already handed over to L&O
 * anonymously and that nothing changed; the control shows the need as handed over; Anna's typed
 * change stays on the page to copy (README: "a learning need pressed after the weekly handover
 * says so, with the typed change to copy"). The API's 409 says why (`reason: 'handedOver'`).
 */
describe('changing a learning need in the tab after the weekly handover took it', () => {
  let t: TestApp;
  let browser: Browser;
  let annasPage: Page;
  let bramsPage: Page;
  const need = (page: Page, name: string) => page.locator('.card .card').filter({ hasText: `Leerwens van ${name}` });
  /** Presses `button` on the control, and what the status line said once the redraw shows the need handed over. */
  const pressAfterHandover = async (page: Page, name: string, button: string) => {
    await need(page, name).getByRole('button', { name: button }).click();
    await page.locator('#status').filter({ hasText: /./ }).waitFor();
    await need(page, name).getByText(/Anoniem overgedragen aan L&O\. Het is niet meer/).waitFor();
    return page.locator('#status').innerText();
  };

  beforeAll(async () => {
    requireChromium();
    buildTab();
    t = await startTestApp({ B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z');
    const g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await weekUpToQuestion9(g);
    for (const [who, theme] of [[anna, 'samenwerken'], [bram, 'samenwerken'], [cem, 'samenwerken']] as const) {
      await g.press(who, 'session.personal', { ...g.ids(), questionId: 9, text: `Leerwens van ${who.name}` });
      await g.press(who, 'learningNeed.pass', { ...g.ids(), questionId: 9, theme, learningNeedText: '' });
    }
    browser = await launchBrowser();
    annasPage = await browser.newPage();
    await signInWithDevUser(annasPage, t.app.url, anna.aadObjectId);
    bramsPage = await browser.newPage();
    await signInWithDevUser(bramsPage, t.app.url, bram.aadObjectId);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('says it was handed over meanwhile, and keeps the reworded text to copy', async () => {
    const words = need(annasPage, anna.name).getByLabel('In een paar woorden (optioneel)');
    await words.waitFor();
    await need(bramsPage, bram.name).getByRole('button', { name: 'Intrekken' }).waitFor();
    const typed = 'Beter samenwerken met de avonddienst bij de overdracht';
    await words.fill(typed);

    // Monday 30 November 02:00 in Amsterdam: the weekly handover takes the three pending needs.
    t.clock.set('2026-11-30T01:00:00Z');
    await t.app.scheduler.runDue();
    const passOns = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'learningNeedPassOn'").fetchAll()).resources.map((p) => [p.status, p.theme, p.text]);
    expect(await passOns()).toEqual(Array(3).fill(['handedOver', undefined, undefined]));

    const said = await pressAfterHandover(annasPage, anna.name, 'Bijwerken');
    const toCopy = need(annasPage, anna.name).getByLabel('Niet bewaard; wat je typte, om te kopiëren:');
    expect({ said, toCopy: await toCopy.inputValue() }).toEqual({ said: expect.stringMatching(/^Dit was al anoniem overgedragen aan L&O voordat je drukte.*Er is niets gewijzigd\.$/), toCopy: typed });
    expect(await passOns()).toEqual(Array(3).fill(['handedOver', undefined, undefined]));
  });

  it('says the same when a need is withdrawn after the handover', async () => {
    const said = await pressAfterHandover(bramsPage, bram.name, 'Intrekken');
    expect(said).toMatch(/^Dit was al anoniem overgedragen aan L&O voordat je drukte/);
    expect(await need(bramsPage, bram.name).locator('textarea').count()).toBe(0);
  });

  it('answers a change after the handover with a 409 that says why', async () => {
    const { token } = (await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: cem.aadObjectId }) })).json()) as { token: string };
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${t.app.url}/api/verantwoording/learning-needs${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const { answerId } = ((await (await api('GET', '')).json()).items as { answerId: string }[])[0]!;
    for (const res of [await api('PUT', `/${answerId}`, { theme: 'digitaal', text: 'Later' }), await api('DELETE', `/${answerId}`)]) {
      expect({ status: res.status, body: await res.json() }).toEqual({ status: 409, body: { error: 'conflict', reason: 'handedOver' } });
    }
  });
});
